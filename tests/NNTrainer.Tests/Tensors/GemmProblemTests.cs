namespace NNTrainer.Tests.Tensors;

public class GemmProblemTests
{
    [Theory]
    [InlineData(40, 7, 3, false)]
    [InlineData(33, 50, 5, true)]
    [InlineData(17, 1, 1, true)]
    internal unsafe void TheTransposedProductIsTheProductTransposedBitForBit(int m, int k, int n, bool accumulate)
    {
        // A stored k×m (read transposed through strides), B k×n: C = AᵀB with B's column sums, as MultiplyTN runs it.
        var a = GemmKernelsTests.Random(k * m, seed: m);
        var b = GemmKernelsTests.Random(k * n, seed: n);
        var initial = GemmKernelsTests.Random(m * n, seed: k);
        var c = (float[])initial.Clone();
        var sums = new float[n];
        var cT = new float[n * m];
        var sumsT = new float[n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) cT[j * m + i] = initial[i * n + j];
        fixed (float* pa = a, pb = b, pc = c, ps = sums, pcT = cT, psT = sumsT)
        {
            var problem = new GemmProblem
            {
                A = pa, ARowStride = 1, AColumnStride = m,
                B = pb, Ldb = n,
                C = pc, Ldc = n,
                M = m, N = n, K = k,
                Accumulate = accumulate,
                Sums = ps, SumsKind = TileSums.ColumnsOfB,
            };
            var transposed = problem.Transposed(pcT, pa, m, padded: false);
            transposed.Sums = psT;
            Assert.Equal((n, m, k, TileSums.RowsOfA), (transposed.M, transposed.N, transposed.K, transposed.SumsKind));
            GemmKernels.Run(ref problem, 1, GemmIsa.Scalar);
            GemmKernels.Run(ref transposed, 1, GemmIsa.Auto.Resolve());
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++) Assert.Equal(BitConverter.SingleToInt32Bits(c[i * n + j]), BitConverter.SingleToInt32Bits(cT[j * m + i]));
        }
        Assert.Equal(sums, sumsT);
    }
}
