using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;

namespace NNTrainer.ML.Benchmarks;

/// <summary>The medians of several timings of each route, for one number of epochs.</summary>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="FreshProcess">Whether each timing ran in a process of its own.</param>
/// <param name="Runs">Every timing, in the order run.</param>
public sealed record OverheadResult(int Epochs, bool FreshProcess, IReadOnlyList<RouteTiming> Runs)
{
    public double Median(TrainingRoute route) => MedianOf(Runs.Where(r => r.Route == route).Select(r => r.Seconds));

    public double MedianOutsideLoop(TrainingRoute route) => MedianOf(Runs.Where(r => r.Route == route).Select(r => r.OutsideLoopSeconds));

    public double MedianLoop(TrainingRoute route) => MedianOf(Runs.Where(r => r.Route == route).Select(r => r.LoopSeconds));

    /// <summary>How much longer the route takes than the engine route (median against median).</summary>
    public double Overhead(TrainingRoute route) => Median(route) / Median(TrainingRoute.Engine) - 1;

    public bool SameWeights => Runs.Select(r => r.WeightsHash).Distinct().Count() == 1;

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// Times training through ML.NET against training the engine directly on the same rows (see <see cref="TrainingRoutes"/>),
/// the routes interleaved and their order rotated between repetitions.
/// </summary>
/// <remarks>
/// By default every timing runs in a fresh process (this program started again with <c>overhead-child</c>), as a
/// user's first training does: the 188 MB matrix is then fresh memory on every route, whose first touch costs far
/// more in this VM than reading the rows. In one process the garbage collector hands the previous route's freed matrix
/// to the next one, so whichever route runs first pays for the memory: <c>--in-process</c> measures that way, after a
/// full collection before each timing. Each process warms up first (each route on 2,000 rows, one epoch) so that JIT
/// compilation is not counted.
/// </remarks>
public static class TrainingOverhead
{
    private const string ChildCommand = "overhead-child";
    private const int WarmUpRows = 2_000;

    public static OverheadResult Measure(MLContext mlContext, Func<FashionMnistData> data, int epochs, int threads, int repetitions, bool freshProcess, int seed = 7)
    {
        var routes = Enum.GetValues<TrainingRoute>();
        var runs = new List<RouteTiming>();
        FashionMnistData? loaded = null;
        if (!freshProcess)
        {
            loaded = data();
            TrainingRoutes.WarmUp(mlContext, loaded, WarmUpRows, threads);
        }
        for (int r = 0; r < repetitions; r++)
        {
            for (int i = 0; i < routes.Length; i++)
            {
                var route = routes[(i + r) % routes.Length];
                RouteTiming timing;
                if (freshProcess)
                {
                    timing = RunChild(route, epochs, threads, seed);
                }
                else
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    timing = TrainingRoutes.Train(route, mlContext, loaded!, epochs, threads, seed);
                }
                runs.Add(timing);
                Console.WriteLine($"  {epochs,2} epochs  run {r + 1}  {route,-8} {timing.Seconds,7:F2} s  (training steps {timing.LoopSeconds:F2} s, rest {timing.OutsideLoopSeconds:F2} s)  weights {timing.WeightsHash:x16}");
            }
        }
        return new OverheadResult(epochs, freshProcess, runs);
    }

    /// <summary>The child's side: load the data, warm up, time one route, print it on one line.</summary>
    public static bool TryRunChild(string[] args)
    {
        if (args.Length == 0 || args[0] != ChildCommand) return false;
        var route = Enum.Parse<TrainingRoute>(args[1]);
        int epochs = int.Parse(args[2], CultureInfo.InvariantCulture);
        int threads = int.Parse(args[3], CultureInfo.InvariantCulture);
        int seed = int.Parse(args[4], CultureInfo.InvariantCulture);
        var mlContext = new MLContext(seed: 0);
        var data = FashionMnistData.Load(mlContext);
        TrainingRoutes.WarmUp(mlContext, data, WarmUpRows, threads);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var timing = TrainingRoutes.Train(route, mlContext, data, epochs, threads, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {timing.Route} {timing.Seconds:R} {timing.LoopSeconds:R} {timing.WeightsHash}"));
        return true;
    }

    private static RouteTiming RunChild(TrainingRoute route, int epochs, int threads, int seed)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { ChildCommand, route.ToString(), $"{epochs}", $"{threads}", $"{seed}" }) start.ArgumentList.Add(arg);
        if (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal)) start.ArgumentList.Insert(0, typeof(TrainingOverhead).Assembly.Location);
        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {route} child exited with {child.ExitCode} without a result:\n{output}");
        var parts = line.Trim().Split(' ');
        return new RouteTiming(Enum.Parse<TrainingRoute>(parts[1]), double.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture), ulong.Parse(parts[4], CultureInfo.InvariantCulture));
    }
}
