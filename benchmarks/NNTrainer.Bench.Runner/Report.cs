using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NNTrainer.Bench.Runner;

/// <summary>
/// Pools every result file of one run (ours in DIR, the anchors' in DIR/anchors) into one Markdown table and one
/// summary JSON with a record per system, workload and thread count.
/// </summary>
/// <remarks>
/// s/epoch is the median over all epochs of all repetitions (the anchors' definition); spiral's figure is the
/// median total. Ratios are taken against PyTorch with the same thread count in the same results directory.
/// Peak RSS is <c>/usr/bin/time -v</c>'s maximum resident set when run.sh recorded one, else the process's own.
/// </remarks>
internal static class Report
{
    private const double EpochFlops = 3.0 * 2 * 118_282 * 60_000;

    public static int Run(Options options)
    {
        var directory = options.ResultsDirectory;
        var files = Directory.EnumerateFiles(directory, "*.json").Where(f => !f.EndsWith("summary.json", StringComparison.Ordinal))
            .Concat(Directory.Exists(Path.Combine(directory, "anchors")) ? Directory.EnumerateFiles(Path.Combine(directory, "anchors"), "*.json") : [])
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var runs = files.Select(Load).Where(r => r is not null).Select(r => r!).ToList();
        var peaks = runs.Where(r => r.System == "GEMM").GroupBy(r => r.Threads)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Json["peak_gflops"]?.GetValue<double>() ?? 0));
        var groups = runs.Where(r => r.System != "GEMM")
            .GroupBy(r => (r.System, r.Workload, r.Threads))
            .Select(g => Summarize(g.Key.System, g.Key.Workload, g.Key.Threads, [.. g]))
            .ToList();

        var summary = new JsonArray();
        var table = new StringBuilder();
        table.AppendLine("| system | workload | threads | s/epoch (median) | per-run | ratio to PyTorch | GEMM frac | test acc | peak RSS MB | runs |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var g in groups.OrderBy(g => g.Workload.StartsWith("spiral", StringComparison.Ordinal)).ThenBy(g => g.Workload, StringComparer.Ordinal)
                     .ThenByDescending(g => g.Threads).ThenBy(g => g.System.StartsWith("NNTrainer", StringComparison.Ordinal) ? 0 : 1).ThenBy(g => g.Median))
        {
            var torch = groups.FirstOrDefault(t => t.System.StartsWith("PyTorch", StringComparison.Ordinal) && t.Workload == g.Workload && t.Threads == g.Threads);
            double? ratio = torch is null ? null : g.Median / torch.Median;
            bool spiral = !g.Workload.StartsWith("FMNIST", StringComparison.Ordinal);
            double? gemmFraction = !spiral && peaks.TryGetValue(g.Threads, out var peak) && peak > 0 ? (g.Flops ?? EpochFlops) / (peak * 1e9) / g.Median : null;
            string time = spiral ? $"{g.Median:F3} s total ({g.Median / 10_000 * 1e6:F1} µs/epoch)" : $"**{g.Median:F3}**";
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {g.System}{(g.Busy ? " (!)" : "")} | {g.Workload} | {g.Threads} | {time} | {g.Low:F3}–{g.High:F3} | {Format(ratio, "F2")} | {Format(gemmFraction, "F2")} | {Format(g.Accuracy, "F4")} | {Format(g.PeakRss, "F0")} | {g.Runs} |");
            var record = new JsonObject
            {
                ["system"] = g.System,
                ["workload"] = g.Workload,
                ["threads"] = g.Threads,
                [spiral ? "total_s" : "s_per_epoch"] = g.Median,
                ["test_accuracy"] = g.Accuracy,
                ["peak_rss_mb"] = g.PeakRss,
                ["ratio_to_pytorch"] = ratio,
                ["gemm_fraction"] = gemmFraction,
                ["runs"] = g.Runs,
                ["started_on_busy_machine"] = g.Busy,
                ["per_run_low"] = g.Low,
                ["per_run_high"] = g.High,
            };
            summary.Add(record);
        }
        table.AppendLine();
        table.AppendLine("(!) = at least one run started while other processes kept the CPUs more than 10 % busy.");
        if (peaks.Count > 0)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"GEMM frac = ({EpochFlops / 1e9:F1} GFLOP per epoch ÷ peak FP32 GEMM rate measured in this run: {string.Join(", ", peaks.OrderBy(p => p.Key).Select(p => $"{p.Value:F1} GFLOP/s at {p.Key} thread(s)"))}) ÷ s/epoch.");
        }
        Console.WriteLine(table);
        var output = options.String("out") ?? Path.Combine(directory, "summary.json");
        File.WriteAllText(output, summary.ToJsonString(ResultFile.Indented));
        File.WriteAllText(Path.ChangeExtension(output, ".md"), table.ToString());
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private sealed record RunResult(string System, string Workload, int Threads, JsonObject Json, double? PeakRss, bool StartedBusy);

    private sealed record Group(string System, string Workload, int Threads, double Median, double Low, double High, double? Accuracy, double? PeakRss, int Runs, bool Busy, double? Flops);

    private static RunResult? Load(string path)
    {
        if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject json || json["system"] is null) return null;
        string system = json["system"]!.GetValue<string>();
        string workload = json["workload"]?.GetValue<string>() ?? "";
        // cnn_torch.py names its workloads after its --arch argument ("FMNIST-lenet"): one name per workload in the table.
        workload = CnnWorkload.Architectures.FirstOrDefault(a => string.Equals(workload, "FMNIST-" + a, StringComparison.OrdinalIgnoreCase)) is { } arch
            ? CnnWorkload.WorkloadName(arch) : workload;
        int threads = json["threads"]?.GetValue<int>() ?? 0;
        var timeFile = Path.ChangeExtension(path, ".time");
        return new RunResult(system, workload, threads, json, TimeFilePeak(timeFile) ?? Number(json, "peak_rss_mb") ?? Number(json, "ru_maxrss_mb"), StartedBusy(timeFile));
    }

    private static Group Summarize(string system, string workload, int threads, List<RunResult> runs)
    {
        bool spiral = !workload.StartsWith("FMNIST", StringComparison.Ordinal);
        var perRun = runs.Select(r => spiral ? Number(r.Json, "total_s") ?? 0 : Number(r.Json, "median_epoch_s") ?? 0).ToList();
        var pooled = spiral ? perRun : runs.SelectMany(r => (r.Json["epoch_seconds"] as JsonArray)?.Select(v => v!.GetValue<double>()) ?? []).ToList();
        var accuracies = runs.Select(r => Number(r.Json, "test_acc_final")).Where(a => a is not null).Select(a => a!.Value).ToList();
        return new Group(system, workload, threads, Median(pooled), perRun.Min(), perRun.Max(),
            accuracies.Count == 0 ? null : accuracies.Average(), runs.Max(r => r.PeakRss), runs.Count, runs.Any(r => r.StartedBusy),
            runs.Select(r => Number(r.Json, "flops_per_epoch")).FirstOrDefault(f => f is not null));
    }

    private static double? Number(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static double? TimeFilePeak(string path)
    {
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.Contains("Maximum resident set size", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Whether run.sh saw the CPUs more than 10 % busy with other processes just before the run.</summary>
    private static bool StartedBusy(string path)
    {
        if (!File.Exists(path)) return false;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("busy_before_pct=", StringComparison.Ordinal));
        return line is not null && int.Parse(line["busy_before_pct=".Length..].Split(' ')[0], CultureInfo.InvariantCulture) > 10;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
