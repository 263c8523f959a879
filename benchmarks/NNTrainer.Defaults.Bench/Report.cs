using System.Globalization;
using System.Text;

namespace NNTrainer.Defaults.Bench;

/// <summary>summary.md: the per-dataset tables, the goal check and the wins/ties/losses of NNTrainer.</summary>
internal static class Report
{
    public static readonly string[] Columns = [Results.ScikitLearn, CliSystem.Name, CatalogSystems.NeuralNetwork, "SDCA", "L-BFGS", "LightGBM", "FastTree"];

    private static readonly string[] Ours = [CliSystem.Name, CatalogSystems.NeuralNetwork];

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Markdown(Dictionary<string, DatasetResult> results, string title)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {title}").AppendLine();
        text.AppendLine("Mean ± sd over the splits of the held-out metric (accuracy for classification, R² for regression); every system with its defaults, the same splits, one thread each (the machine was shared: compare times within a row only).").AppendLine();
        text.AppendLine($"| dataset | rows | task | {string.Join(" | ", Columns)} |");
        text.AppendLine($"|---|---:|---|{string.Concat(Columns.Select(_ => "---:|"))}");
        foreach (var (name, r) in results)
        {
            text.Append($"| {name} | {r.Rows:N0} | {(r.IsRegression ? "regression (R²)" : r.Task + " (acc)")} |");
            foreach (var column in Columns)
            {
                text.Append(r.Systems.TryGetValue(column, out var runs) ? $" {Fmt(Results.Stats(runs.Select(x => x.Metric)))} |" : " – |");
            }
            text.AppendLine();
        }
        text.AppendLine().AppendLine("Training time, mean seconds per split (for the CLI: the whole `train` command, reading and saving included):").AppendLine();
        text.AppendLine($"| dataset | {string.Join(" | ", Columns)} |");
        text.AppendLine($"|---|{string.Concat(Columns.Select(_ => "---:|"))}");
        foreach (var (name, r) in results)
        {
            text.Append($"| {name} |");
            foreach (var column in Columns) text.Append(r.Systems.TryGetValue(column, out var runs) ? $" {runs.Average(x => x.Seconds).ToString("0.000", C)} |" : " – |");
            text.AppendLine();
        }
        text.AppendLine().AppendLine("Goal per dataset: mean ≥ scikit-learn − margin (0.005 accuracy, 0.01 R²) and ≥ the best ML.NET linear trainer (SDCA, L-BFGS) − margin.").AppendLine();
        text.AppendLine("| dataset | CLI − sklearn | CLI − best linear | catalog − sklearn | catalog − best linear | goal met |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, r) in results)
        {
            var (cs, cl, gs, gl) = (Gap(r, CliSystem.Name, Results.ScikitLearn), Gap(r, CliSystem.Name, "linear"), Gap(r, CatalogSystems.NeuralNetwork, Results.ScikitLearn), Gap(r, CatalogSystems.NeuralNetwork, "linear"));
            bool met = new[] { cs, cl, gs, gl }.All(g => g is null || g >= -r.Margin);
            text.AppendLine($"| {name} | {Signed(cs)} | {Signed(cl)} | {Signed(gs)} | {Signed(gl)} | {(met ? "yes" : "**no**")} |");
        }
        text.AppendLine().AppendLine("Wins / ties / losses of NNTrainer against each peer (per dataset, on the mean; a tie is within the margin):").AppendLine();
        text.AppendLine($"| NNTrainer | {string.Join(" | ", Columns.Where(c => !Ours.Contains(c)))} |");
        text.AppendLine($"|---|{string.Concat(Columns.Where(c => !Ours.Contains(c)).Select(_ => "---|"))}");
        foreach (var ours in Ours)
        {
            text.Append($"| {ours} |");
            foreach (var peer in Columns.Where(c => !Ours.Contains(c)))
            {
                var (w, t, l) = Tally(results, ours, peer);
                text.Append($" {w} / {t} / {l} |");
            }
            text.AppendLine();
        }
        text.AppendLine().AppendLine("![chart](chart.png)");
        return text.ToString();
    }

    public static string WinsLine(Dictionary<string, DatasetResult> results) => string.Join("\n", Ours.Select(ours =>
        $"{ours}: " + string.Join(", ", Columns.Where(c => !Ours.Contains(c)).Select(peer => Tally(results, ours, peer) is var (w, t, l) ? $"vs {peer} {w}/{t}/{l}" : ""))));

    public static (int Wins, int Ties, int Losses) Tally(Dictionary<string, DatasetResult> results, string ours, string peer)
    {
        int w = 0, t = 0, l = 0;
        foreach (var r in results.Values)
        {
            if (Gap(r, ours, peer) is not { } gap) continue;
            if (gap > r.Margin) w++;
            else if (gap >= -r.Margin) t++;
            else l++;
        }
        return (w, t, l);
    }

    /// <summary>Mean of <paramref name="ours"/> minus the peer's ("linear": the better of SDCA and L-BFGS), or null when one is missing.</summary>
    public static double? Gap(DatasetResult r, string ours, string peer)
    {
        if (!r.Systems.TryGetValue(ours, out var mine)) return null;
        double? other = peer == "linear" ? BestLinear(r) : r.Systems.TryGetValue(peer, out var runs) ? runs.Average(x => x.Metric) : null;
        return other is { } o ? mine.Average(x => x.Metric) - o : null;
    }

    public static double? BestLinear(DatasetResult r) => new[] { "SDCA", "L-BFGS" }
        .Where(r.Systems.ContainsKey).Select(s => (double?)r.Systems[s].Average(x => x.Metric)).Max();

    private static string Fmt((double Mean, double Sd) s) => $"{s.Mean.ToString("0.000", C)} ± {s.Sd.ToString("0.000", C)}";

    private static string Signed(double? v) => v is { } x ? x.ToString("+0.000;−0.000;0.000", C) : "–";
}
