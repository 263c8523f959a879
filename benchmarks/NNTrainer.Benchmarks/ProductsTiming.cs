namespace NNTrainer.Benchmarks;

/// <summary>
/// <c>--winograd-products</c>: thread CPU time of the 36 transformed-domain products a sample of LeNet's second
/// convolution (20 → 50, 5×5, 14×14: 64 tile columns) runs in each direction, through the general GEMM and through
/// <see cref="WinogradProducts"/>, over 128 samples, with whether the two give the same bits.
/// </summary>
internal static unsafe class ProductsTiming
{
    /// <summary>Runs the comparison: forward [50 × 20]·[20 × 64], input gradient [20 × 50]·[50 × 64], weight gradient [20 × 56]·[56 × 64] accumulated.</summary>
    public static int Run()
    {
        var random = new Random(2);
        foreach (var (m, k, n, accumulate) in new[] { (50, 20, 64, false), (20, 50, 64, false), (20, 56, 64, true) })
        {
            float[] a = Fill(36 * m * k, random), b = Fill(36 * k * n, random), general = Fill(36 * m * n, random);
            float[] products = (float[])general.Clone();
            fixed (float* pa = a, pb = b, pg = general, pp = products)
            {
                General(pa, pb, pg, m, k, n, accumulate);
                Products(pa, pb, pp, m, k, n, accumulate);
                bool same = general.AsSpan().SequenceEqual(products);
                double flops = 2.0 * 36 * 128 * m * k * n;
                for (int round = 0; round < 3; round++)
                {
                    double t0 = CpuClock.ThreadSeconds();
                    for (int s = 0; s < 128; s++) General(pa, pb, pg, m, k, n, accumulate);
                    double t1 = CpuClock.ThreadSeconds();
                    for (int s = 0; s < 128; s++) Products(pa, pb, pp, m, k, n, accumulate);
                    double t2 = CpuClock.ThreadSeconds();
                    Console.WriteLine($"[{m} × {k}]·[{k} × {n}]{(accumulate ? " +=" : "")}: GEMM {(t1 - t0) * 1e3:F3} ms ({flops / (t1 - t0) / 1e9:F0} GFLOP/s), "
                        + $"WinogradProducts {(t2 - t1) * 1e3:F3} ms ({flops / (t2 - t1) / 1e9:F0} GFLOP/s), same bits: {same}");
                }
            }
        }
        return 0;
    }

    private static void General(float* a, float* b, float* c, int m, int k, int n, bool accumulate)
    {
        for (int xi = 0; xi < 36; xi++)
        {
            var problem = new GemmProblem
            {
                A = a + xi * m * k, ARowStride = k, AColumnStride = 1,
                B = b + xi * k * n, Ldb = n, BPadded = true,
                C = c + xi * m * n, Ldc = n,
                M = m, N = n, K = k,
                Accumulate = accumulate,
            };
            GemmKernels.Run(ref problem, 1, GemmIsaExtensions.Best);
        }
    }

    private static void Products(float* a, float* b, float* c, int m, int k, int n, bool accumulate)
    {
        for (int xi = 0; xi < 36; xi++) WinogradProducts.Multiply(a + xi * m * k, k, b + xi * k * n, n, c + xi * m * n, n, m, n, k, accumulate);
    }

    private static float[] Fill(int length, Random random)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() - 0.5);
        return values;
    }
}
