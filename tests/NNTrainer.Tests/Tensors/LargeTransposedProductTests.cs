namespace NNTrainer.Tests.Tensors;

/// <summary>
/// <c>dY·Wᵀ</c> with a large W (from <see cref="GemmKernels.LargeTransposedOperand"/> values on), which one thread computes
/// as <c>(W·dYᵀ)ᵀ</c> in blocks of W's rows instead of transposing W: the same bits as the transposing path (which two
/// threads and an accumulating call still take) on every instruction set, and within float32 rounding of a float64 product.
/// </summary>
public class LargeTransposedProductTests
{
    // (m, k, n): LeNet's dense 2450 → 500 input gradient at batch 128; an odd batch (an edge strip of Aᵀ, a two-row last
    // tile of B) with two inner blocks and a last block of B's rows that is not whole.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 128, 500, 2450 },
        { 37, 300, 3499 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void OneThreadGivesTheTransposingPathsBits(int m, int k, int n)
    {
        Assert.True((long)n * k >= GemmKernels.LargeTransposedOperand);
        var random = new SeededRandom(m + k + n);
        float[] Draw(int count) => Enumerable.Range(0, count).Select(_ => (float)random.NextGaussian()).ToArray();
        var a = Draw(m * k);
        var b = Draw(n * k);
        foreach (var isa in new[] { GemmIsa.Vector512, GemmIsa.Vector256, GemmIsa.Scalar })
        {
            var byRows = new float[m * n];
            GemmKernels.MultiplyNT(a, b, byRows, m, k, n, accumulate: false, 1, isa);
            // Two threads, and accumulating onto zeros, take the transposing path.
            var transposing = new float[m * n];
            GemmKernels.MultiplyNT(a, b, transposing, m, k, n, accumulate: false, 2, isa);
            var accumulated = new float[m * n];
            GemmKernels.MultiplyNT(a, b, accumulated, m, k, n, accumulate: true, 1, isa);
            Assert.True(byRows.AsSpan().SequenceEqual(transposing), $"{isa}: not the two-thread path's bits");
            Assert.True(byRows.AsSpan().SequenceEqual(accumulated), $"{isa}: not the accumulating path's bits");
        }
        var c = new float[m * n];
        GemmKernels.MultiplyNT(a, b, c, m, k, n, accumulate: false, 1);
        for (int i = 0; i < m; i += 7)
        {
            for (int j = 0; j < n; j += 13)
            {
                double exact = 0;
                for (int p = 0; p < k; p++) exact += (double)a[i * k + p] * b[j * k + p];
                Assert.True(Math.Abs(c[i * n + j] - exact) <= 1e-4 * Math.Sqrt(k), $"C[{i}, {j}] = {c[i * n + j]}, exact {exact}");
            }
        }
    }
}
