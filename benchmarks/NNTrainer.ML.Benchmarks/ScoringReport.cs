using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NNTrainer.ML.Benchmarks;

/// <summary>Prints the scoring comparison and writes it as <c>scoring.json</c> and <c>scoring.md</c>.</summary>
public static class ScoringReport
{
    /// <summary>The median over passes of <paramref name="method"/>'s rows/s divided by <paramref name="reference"/>'s in the same pass.</summary>
    public static double PairedRatio(ScoringMethod method, ScoringMethod reference)
    {
        var ratios = method.RowsPerSecond.Zip(reference.RowsPerSecond, (a, b) => a / b).Order().ToList();
        return ratios[ratios.Count / 2];
    }

    public static void Write(string directory, IReadOnlyList<ScoringMethod> methods, IReadOnlyList<LatencyMethod> engines, ScoringChecks checks, int repetitions, int epochs)
    {
        var md = new StringBuilder();
        md.AppendLine($"Fashion-MNIST MLP {checks.Network} ({epochs} epochs, test accuracy {checks.TestAccuracy:F4}), 10,000 test images, 1 thread, " +
            $"{repetitions} interleaved passes per method; {Environment.ProcessorCount}-core machine shared with other jobs, load average at the end {LoadAverage()}.");
        md.AppendLine();
        md.AppendLine("| method | batch | rows/s (median) | slowest–fastest pass | vs raw ONNX Runtime, same batch: medians (median of per-pass ratios; fastest passes) | rows per CPU-second of the thread (median) | vs raw ONNX Runtime in CPU time | bytes allocated per pass |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var m in methods)
        {
            var ort = methods.FirstOrDefault(o => o.Name.StartsWith("ONNX Runtime", StringComparison.Ordinal) && o.BatchSize == (m.BatchSize ?? 1024));
            string ratio = ort is null ? "" : (m.BatchSize is null ? "vs batch 1024: " : "") + (m.Median / ort.Median).ToString("F2", CultureInfo.InvariantCulture);
            // On a shared machine the load moves between passes: a pass's ratio to the ONNX Runtime pass timed just
            // before it, and the fastest passes' ratio, are steadier than the ratio of medians.
            if (ort is not null && m.BatchSize is not null && !ReferenceEquals(m, ort))
            {
                ratio += $" ({PairedRatio(m, ort).ToString("F2", CultureInfo.InvariantCulture)}; {(m.Best / ort.Best).ToString("F2", CultureInfo.InvariantCulture)})";
            }
            // Only the batch methods are known to score on the calling thread; ML.NET's cursors may hand work to others.
            string cpu = m.BatchSize is null ? "" : m.MedianCpu.ToString("N0", CultureInfo.InvariantCulture);
            string cpuRatio = ort is null || m.BatchSize is null ? "" : (m.MedianCpu / ort.MedianCpu).ToString("F2", CultureInfo.InvariantCulture);
            md.AppendLine($"| {m.Name} | {(m.BatchSize?.ToString(CultureInfo.InvariantCulture) ?? "row by row (cursor)")} | **{m.Median:N0}** | {m.Worst:N0}–{m.Best:N0} | {ratio} | {cpu} | {cpuRatio} | {m.BytesPerPass:N0} |");
        }
        md.AppendLine();
        md.AppendLine("CPU time is the scoring thread's own (Linux CLOCK_THREAD_CPUTIME_ID): it leaves out the time other jobs held the core, " +
            "so on a shared machine it compares single-threaded methods more steadily than wall time; raw ONNX Runtime runs on the calling thread here (one intra-op thread, sequential execution). " +
            "Shown for the batch methods only: ML.NET's cursor routes can run work on other threads, which this clock does not see.");
        md.AppendLine();
        md.AppendLine("| PredictionEngine | p50 µs | p99 µs | mean µs |");
        md.AppendLine("|---|---|---|---|");
        foreach (var e in engines) md.AppendLine($"| {e.Name} | **{e.P50:F1}** | {e.P99:F1} | {e.Mean:F1} |");
        md.AppendLine();
        md.AppendLine($"Checks: Transform's scores (fitted, reloaded, reloaded with blocks) bit-identical to Network.Predict: {checks.TransformMatchesPredict}; " +
            $"max |ONNX Runtime − ours| = {checks.OnnxMaxAbsDifference:E2}.");
        string text = md.ToString();
        Console.WriteLine();
        Console.WriteLine(text);

        var json = new
        {
            machine = new { cores = Environment.ProcessorCount, threads = 1, dotnet = Environment.Version.ToString(), load_average_at_end = LoadAverage() },
            network = $"{checks.Network} ReLU/softmax, Fashion-MNIST",
            epochs,
            test_accuracy = checks.TestAccuracy,
            rows = 10_000,
            repetitions,
            methods = methods.Select(m => new
            {
                method = m.Name,
                batch = m.BatchSize,
                rows_per_s_median = m.Median,
                rows_per_s_min = m.Worst,
                rows_per_s_max = m.Best,
                rows_per_s = m.RowsPerSecond,
                rows_per_cpu_s_median = m.MedianCpu,
                rows_per_cpu_s = m.RowsPerCpuSecond,
                bytes_allocated_per_pass = m.BytesPerPass,
            }),
            prediction_engines = engines.Select(e => new
            {
                engine = e.Name,
                p50_us = e.P50,
                p99_us = e.P99,
                mean_us = e.Mean,
                rounds = e.Rounds.Select(r => new { p50_us = r.P50, p99_us = r.P99, mean_us = r.Mean }),
            }),
            transform_bit_identical_to_network_predict = checks.TransformMatchesPredict,
            onnx_runtime_max_abs_difference = checks.OnnxMaxAbsDifference,
        };
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "scoring.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(directory, "scoring.md"), text);
        Console.WriteLine($"wrote {Path.Combine(directory, "scoring.json")} and scoring.md");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
