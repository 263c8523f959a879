namespace NNTrainer.Benchmarks;

/// <summary>
/// <c>--dense-gemm</c>: thread CPU time of each product of one dense layer's training step (forward X·W, weight gradient
/// Xᵀ·dY, input gradient dY·Wᵀ) at a given shape (LeNet's 2450 → 500 at batch 128 by default), on one thread: where a
/// dense layer's time goes, apart from the rest of a network.
/// </summary>
internal static class DenseGemmTiming
{
    /// <summary>Runs the timing; <paramref name="args"/> may hold <c>--rows R --inputs I --neurons N --reps K --cold</c>.</summary>
    public static int Run(string[] args)
    {
        int rows = int.Parse(Argument(args, "--rows", "128"));
        int inputs = int.Parse(Argument(args, "--inputs", "2450"));
        int neurons = int.Parse(Argument(args, "--neurons", "500"));
        int reps = int.Parse(Argument(args, "--reps", "100"));
        var random = new Random(1);
        float[] x = Fill(rows * inputs, random), w = Fill(inputs * neurons, random), dy = Fill(rows * neurons, random);
        float[] y = new float[rows * neurons], dw = new float[inputs * neurons], dx = new float[rows * inputs], bias = new float[neurons], sums = new float[neurons];
        (string Name, Action Run)[] products =
        [
            ("forward X·W", () => GemmKernels.MultiplyNN(x, w, y, rows, inputs, neurons, accumulate: false, 1, bias)),
            ("weights Xᵀ·dY", () => GemmKernels.MultiplyTN(x, dy, dw, inputs, rows, neurons, accumulate: false, 1, bColumnSums: sums)),
            ("inputs dY·Wᵀ", () => GemmKernels.MultiplyNT(dy, w, dx, rows, neurons, inputs, accumulate: false, 1)),
            // Accumulating takes the path that transposes W (the only one before LargeTransposedOperand): for comparison.
            ("inputs, Wᵀ packed", () => GemmKernels.MultiplyNT(dy, w, dx, rows, neurons, inputs, accumulate: true, 1)),
        ];
        // --cold: 64 MB streamed through the caches before each product (untimed), as the convolutions do between a dense
        // layer's passes in a network.
        bool cold = args.Contains("--cold");
        var evict = cold ? new float[16 << 20] : [];
        double flops = 2.0 * rows * inputs * neurons;
        foreach (var (name, run) in products)
        {
            for (int i = 0; i < 5; i++) run();
            double seconds = 0;
            for (int i = 0; i < reps; i++)
            {
                if (cold) evict.AsSpan().Fill(i);
                double start = CpuClock.ThreadSeconds();
                run();
                seconds += CpuClock.ThreadSeconds() - start;
            }
            double ms = seconds / reps * 1e3;
            Console.WriteLine($"{name,-16} {ms,8:F3} ms CPU  {flops / ms / 1e6,6:F1} GFLOP/s");
        }
        return 0;
    }

    private static float[] Fill(int length, Random random)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() - 0.5);
        return values;
    }

    private static string Argument(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
