namespace NNTrainer.Tests.Tensors;

/// <summary>
/// What the GEMM does besides the product (see <see cref="TileEpilogue"/> and <see cref="GemmProblem.Sums"/>): ReLU after
/// the bias, the ReLU mask of the backward pass and the bias gradient kept beside the weight gradient, each bit-identical
/// to the separate pass it replaces, on every instruction set and thread count.
/// </summary>
public class GemmEpilogueTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 7, 13, 11 }, { 9, 17, 33 }, { 300, 2, 64 }, { 64, 300, 3 }, { 128, 128, 10 }, { 37, 513, 41 }, { 100, 50, 7 }, { 16, 5, 8 },
    };

    public static IEnumerable<object[]> ShapesAndIsas()
    {
        foreach (var isa in new[] { GemmIsa.Scalar, GemmIsa.Vector256, GemmIsa.Vector512 })
        {
            foreach (var shape in Shapes) yield return [shape[0], shape[1], shape[2], isa];
        }
    }

    [Theory]
    [MemberData(nameof(ShapesAndIsas))]
    internal void ReLUAfterTheBiasEqualsTheSeparatePasses(int m, int k, int n, GemmIsa isa)
    {
        var (a, b) = GemmKernelsTests.Operands(GemmKernelsTests.Form.NN, m, k, n, seed: m + k + n);
        var bias = GemmKernelsTests.Random(n, seed: 5);
        // A NaN column must stay NaN (ReLU passes it on, so divergence is seen) and a −∞ column must become 0.
        if (n > 2) (bias[0], bias[1]) = (float.NaN, float.NegativeInfinity);
        var separate = new float[m * n];
        GemmKernels.MultiplyNN(a, b, separate, m, k, n, accumulate: false, 1, bias, isa);
        var expected = new float[m * n];
        Kernels.ReLUForward(separate, expected);

        var fused = new float[m * n];
        GemmKernels.MultiplyNN(a, b, fused, m, k, n, accumulate: false, 1, bias, isa, relu: true);
        Assert.Equal(Bits(expected), Bits(fused));
    }

    [Theory]
    [MemberData(nameof(ShapesAndIsas))]
    internal void TheReLUMaskEqualsReLUBackward(int m, int k, int n, GemmIsa isa)
    {
        var (a, b) = GemmKernelsTests.Operands(GemmKernelsTests.Form.NT, m, k, n, seed: 2 * m + k + n);
        var output = GemmKernelsTests.Random(m * n, seed: 9);
        // A ReLU's output: zeros of both signs, positives, and a NaN (which masks like "not positive").
        Kernels.ReLUForward(output, output);
        if (output.Length > 3) (output[0], output[1], output[2]) = (-0f, float.NaN, float.Epsilon);
        var product = new float[m * n];
        GemmKernels.MultiplyNT(a, b, product, m, k, n, accumulate: false, 1, isa);
        var expected = new float[m * n];
        Kernels.ReLUBackward(output, product, expected);

        var fused = new float[m * n];
        GemmKernels.MultiplyNT(a, b, fused, m, k, n, accumulate: false, 1, isa, reluMask: output);
        Assert.Equal(Bits(expected), Bits(fused));
    }

    [Theory]
    [MemberData(nameof(ShapesAndIsas))]
    internal void TheColumnSumsEqualSumColumns(int m, int k, int n, GemmIsa isa)
    {
        var (a, b) = GemmKernelsTests.Operands(GemmKernelsTests.Form.TN, m, k, n, seed: 3 * m + k + n);
        var expectedSums = new float[n];
        Kernels.SumColumns(b, k, expectedSums);
        var expectedProduct = new float[m * n];
        GemmKernels.MultiplyTN(a, b, expectedProduct, m, k, n, accumulate: false, 1, isa);

        var sums = Enumerable.Repeat(float.NaN, n).ToArray();
        var product = new float[m * n];
        GemmKernels.MultiplyTN(a, b, product, m, k, n, accumulate: false, 1, isa, bColumnSums: sums);
        Assert.Equal(Bits(expectedSums), Bits(sums));
        Assert.Equal(Bits(expectedProduct), Bits(product));
    }

    [Theory]
    [InlineData(GemmKernelsTests.Form.NN)]
    [InlineData(GemmKernelsTests.Form.TN)]
    [InlineData(GemmKernelsTests.Form.NT)]
    internal void EpiloguesAreBitIdenticalOnOneTwoAndThreeThreads(GemmKernelsTests.Form form)
    {
        foreach (var (m, k, n) in new[] { (128, 784, 128), (784, 128, 128), (131, 97, 75), (2000, 300, 3), (128, 128, 10) })
        {
            var (a, b) = GemmKernelsTests.Operands(form, m, k, n, seed: 17);
            var bias = GemmKernelsTests.Random(n, seed: 18);
            var mask = GemmKernelsTests.Random(m * n, seed: 19);
            float[]? first = null, firstSums = null;
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var c = new float[m * n];
                var sums = new float[n];
                switch (form)
                {
                    case GemmKernelsTests.Form.NN: GemmKernels.MultiplyNN(a, b, c, m, k, n, false, threads, bias, relu: true); break;
                    case GemmKernelsTests.Form.TN: GemmKernels.MultiplyTN(a, b, c, m, k, n, false, threads, bColumnSums: sums); break;
                    default: GemmKernels.MultiplyNT(a, b, c, m, k, n, false, threads, reluMask: mask); break;
                }
                first ??= c;
                firstSums ??= sums;
                Assert.True(first.AsSpan().SequenceEqual(c), $"{form} {m}x{k}x{n}: {threads} threads differ from 1");
                Assert.True(firstSums.AsSpan().SequenceEqual(sums), $"{form} {m}x{k}x{n}: {threads} threads' sums differ from 1");
            }
        }
    }

    [Fact]
    public void ColumnSumsOfAnEmptyProductAreTheColumnSums()
    {
        var sums = new float[] { 9, 9 };
        GemmKernels.MultiplyTN([], [1f, 2f, 3f, 4f], [], 0, 2, 2, accumulate: false, 1, bColumnSums: sums);
        Assert.Equal(new float[] { 4, 6 }, sums);
        GemmKernels.MultiplyTN([], [], new float[4], 2, 0, 2, accumulate: false, 1, bColumnSums: sums);
        Assert.Equal(new float[] { 0, 0 }, sums);
    }

    [Fact]
    public unsafe void TransposingRowRangesEqualsTheWholeTransposition()
    {
        int n = 100, k = 37, ld = 112;
        var source = GemmKernelsTests.Random(n * k, seed: 4);
        var whole = Enumerable.Repeat(7f, k * ld).ToArray();
        var pieces = Enumerable.Repeat(7f, k * ld).ToArray();
        fixed (float* s = source, w = whole, p = pieces)
        {
            GemmPacking.Transpose(s, n, k, w, ld);
            foreach (var (from, to) in new[] { (0, 16), (16, 48), (48, 49), (49, 96), (96, 100) }) GemmPacking.TransposeRows(s, n, k, p, ld, from, to);
        }
        Assert.Equal(whole, pieces);
        Assert.Equal(0f, whole[ld - 1]);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
