using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The Winograd convolutions' small-product kernel against the general GEMM it stands in for: the same bits for every
/// shape it takes (whole 5-row tiles and the 1–4-row rest, 4-vector strips and the 1–3-vector rest, one inner block,
/// onto zero or onto C), and both within float32 rounding of a float64 product. A row, column or inner step out of
/// place changes values by the order of the values themselves.
/// </summary>
public class WinogradProductsTests
{
    // (m, k, n): LeNet's second convolution forward [50 × 20]·[20 × 64], input gradient [20 × 50]·[50 × 64] and weight
    // gradient [20 × 56]·[56 × 64]; rests of 1–4 rows and 1–3 vectors; an inner dimension of one and of a whole block.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 50, 20, 64 },
        { 20, 50, 64 },
        { 20, 56, 64 },
        { 7, 13, 80 },
        { 3, 1, 16 },
        { 11, 256, 48 },
        { 4, 9, 160 },
        { 1, 33, 32 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public unsafe void ProductsAreTheGemmsBitForBit(int m, int k, int n)
    {
        Assert.Equal(Avx512F.IsSupported, WinogradProducts.Handles(n, k));
        if (!Avx512F.IsSupported) return; // the convolutions then take the general GEMM, which its own tests cover
        var random = new SeededRandom(m * 1000 + k * 10 + n);
        float[] Draw(int count) => Enumerable.Range(0, count).Select(_ => (float)random.NextGaussian()).ToArray();
        // Row strides wider than the rows, as the Winograd buffers have them.
        int lda = k + 3, ldb = n + 16, ldc = n + 32;
        var a = Draw(m * lda);
        var b = Draw(k * ldb);
        foreach (bool accumulate in new[] { false, true })
        {
            var start = Draw(m * ldc);
            var (expected, actual) = ((float[])start.Clone(), (float[])start.Clone());
            fixed (float* pa = a, pb = b, pe = expected, pc = actual)
            {
                var problem = new GemmProblem
                {
                    A = pa, ARowStride = lda, AColumnStride = 1,
                    B = pb, Ldb = ldb, BPadded = true,
                    C = pe, Ldc = ldc,
                    M = m, N = n, K = k,
                    Accumulate = accumulate,
                };
                GemmKernels.Run(ref problem, 1, GemmIsaExtensions.Best);
                WinogradProducts.Multiply(pa, lda, pb, ldb, pc, ldc, m, n, k, accumulate);
            }
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"accumulate {accumulate}: not the GEMM's bits");
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < ldc; j++)
                {
                    if (j >= n)
                    {
                        Assert.Equal(start[i * ldc + j], actual[i * ldc + j]); // nothing past the n columns is written
                        continue;
                    }
                    double exact = accumulate ? start[i * ldc + j] : 0;
                    for (int p = 0; p < k; p++) exact += (double)a[i * lda + p] * b[p * ldb + j];
                    Assert.True(Math.Abs(actual[i * ldc + j] - exact) <= 1e-5 * (Math.Sqrt(k) + 1) * 4, $"C[{i}, {j}] = {actual[i * ldc + j]}, exact {exact}");
                }
            }
        }
    }

    [Theory]
    [InlineData(60, 20)]
    [InlineData(64, 257)]
    [InlineData(64, 0)]
    public void ShapesOutsideTheKernelGoToTheGemm(int n, int k) => Assert.False(WinogradProducts.Handles(n, k));
}
