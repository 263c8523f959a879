namespace NNTrainer.Tests.Tensors;

public class GemmProblemTests
{
    [Theory]
    [InlineData(40, 7, 3, false)]
    [InlineData(33, 50, 5, true)]
    [InlineData(17, 1, 1, true)]
    internal unsafe void TheTransposedProductIsTheProductTransposedBitForBit(int m, int k, int n, bool accumulate)
    {
        // C = AᵀB with B's column sums, A stored k×m as MultiplyTN reads it; every buffer has a row stride wider than its
        // rows (lda = m + 3, ldb = n + 2, ldc = n + 1), so a stride taken from the wrong operand shows.
        int lda = m + 3, ldb = n + 2, ldc = n + 1;
        var a = GemmKernelsTests.Random(k * lda, seed: m);
        var b = GemmKernelsTests.Random(k * ldb, seed: n);
        var c = GemmKernelsTests.Random(m * ldc, seed: k);
        var cT = new float[n * m];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) cT[j * m + i] = c[i * ldc + j];
        var sums = new float[n];
        var sumsT = new float[n];
        fixed (float* pa = a, pb = b, pc = c, ps = sums, pcT = cT, psT = sumsT)
        {
            var problem = new GemmProblem
            {
                A = pa, ARowStride = 1, AColumnStride = lda, B = pb, Ldb = ldb, C = pc, Ldc = ldc,
                M = m, N = n, K = k, Accumulate = accumulate, Sums = ps, SumsKind = TileSums.ColumnsOfB,
            };
            var transposed = problem.Transposed(pcT, pa, lda, padded: false);
            transposed.Sums = psT;
            Assert.Equal((n, m, k, TileSums.RowsOfA), (transposed.M, transposed.N, transposed.K, transposed.SumsKind));
            GemmKernels.Run(ref problem, 1, GemmIsa.Scalar);
            GemmKernels.Run(ref transposed, 1, GemmIsa.Auto.Resolve());
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++) Assert.Equal(BitConverter.SingleToInt32Bits(c[i * ldc + j]), BitConverter.SingleToInt32Bits(cT[j * m + i]));
        }
        Assert.Equal(sums, sumsT);
    }
}
