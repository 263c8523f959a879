namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The one-row product (<see cref="GemvKernel"/>, taken by <see cref="GemmKernels.MultiplyNN"/> when m is 1): bit-identical
/// to the scalar reference chain and to the same row computed inside a batch by the register tiles, with bias and ReLU,
/// for widths that fill whole vectors, leave a partial one (the overlapping last window), need more than one group of
/// eight windows, or are narrower than a 512-bit vector.
/// </summary>
public class GemvKernelTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (var isa in new[] { GemmIsa.Vector256, GemmIsa.Vector512 })
        {
            foreach (int n in new[] { 8, 10, 15, 16, 17, 31, 64, 128, 130, 200, 300 })
            {
                foreach (int k in new[] { 1, 3, 784 })
                {
                    yield return [k, n, isa];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    internal void OneRowEqualsTheScalarChainAndTheBatchedRow(int k, int n, GemmIsa isa)
    {
        const int batch = 7, row = 3;
        var a = GemmKernelsTests.Random(batch * k, seed: k + n);
        var b = GemmKernelsTests.Random(k * n, seed: 2 * k + n);
        var bias = GemmKernelsTests.Random(n, seed: n);
        // A NaN column stays NaN through ReLU, a −∞ one becomes 0: the epilogue's edge cases.
        (bias[0], bias[n - 1]) = (float.NaN, float.NegativeInfinity);
        var x = a.AsSpan(row * k, k).ToArray();
        foreach (bool relu in new[] { false, true })
        {
            var reference = new float[n];
            GemmKernels.MultiplyNN(x, b, reference, 1, k, n, accumulate: false, 1, bias, GemmIsa.Scalar, relu);
            var single = new float[n];
            GemmKernels.MultiplyNN(x, b, single, 1, k, n, accumulate: false, 1, bias, isa, relu);
            var batched = new float[batch * n];
            GemmKernels.MultiplyNN(a, b, batched, batch, k, n, accumulate: false, 1, bias, isa, relu);

            Assert.Equal(Bits(reference), Bits(single));
            Assert.Equal(Bits(batched.AsSpan(row * n, n).ToArray()), Bits(single));
        }
    }

    [Fact]
    internal void OneRowWritesExactlyItsColumns()
    {
        // The destination is longer than the row: nothing past column n may be touched.
        const int k = 5, n = 10;
        var x = GemmKernelsTests.Random(k, seed: 1);
        var b = GemmKernelsTests.Random(k * n, seed: 2);
        var c = Enumerable.Repeat(42f, n + 6).ToArray();
        GemmKernels.MultiplyNN(x, b, c, 1, k, n, accumulate: false, 1);
        Assert.All(c.AsSpan(n).ToArray(), v => Assert.Equal(42f, v));
        Assert.DoesNotContain(42f, c.AsSpan(0, n).ToArray());
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
