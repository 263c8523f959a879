using NNTrainer.Defaults.Bench;

// usage: NNTrainer.Defaults.Bench --data DIR --out DIR [--sklearn FILE] [--datasets a,b] [--splits N] [--systems cli,catalog,stock] [--report-only] [--nn-options k=v;...] [--merge a/results.json,b/results.json]
var options = Arguments.Parse(args);
CatalogSystems.Overrides = options.NnOptions;
var resultsPath = Path.Combine(options.Out, "results.json");
Directory.CreateDirectory(options.Out);
var results = Results.Load(resultsPath);
if (!options.ReportOnly)
{
    var work = Directory.CreateTempSubdirectory("nntrainer-defaults-");
    foreach (var name in options.Datasets)
    {
        var data = DatasetMeta.Load(Path.Combine(options.Data, name));
        if (!results.TryGetValue(name, out var result)) results[name] = result = new DatasetResult { Task = data.Task, Rows = data.Rows };
        int splits = Math.Min(options.Splits, data.Splits.Length);
        var systems = new List<string>();
        if (options.Systems.Contains("cli")) systems.Add(CliSystem.Name);
        if (options.Systems.Contains("catalog")) systems.Add(CatalogSystems.NeuralNetwork);
        // "stock" is every ML.NET trainer of the task; a trainer's own name (SDCA, L-BFGS, LightGBM, FastTree) picks it alone.
        systems.AddRange(CatalogSystems.For(data).Skip(1).Where(s => options.Systems.Contains("stock") || options.Systems.Contains(s)));
        systems.AddRange(options.Systems.Where(EnsembleSystem.Is).Order());
        foreach (var system in systems)
        {
            var runs = new List<Run>();
            for (int split = 0; split < splits; split++)
            {
                var (metric, seconds) = system == CliSystem.Name ? CliSystem.Run(data, split, work.FullName)
                    : EnsembleSystem.Is(system) ? EnsembleSystem.Run(system, data, split, work.FullName)
                    : CatalogSystems.Run(system, data, split);
                runs.Add(new Run(split, metric, seconds));
            }
            result.Systems[system] = runs;
            var (mean, sd) = Results.Stats(runs.Select(r => r.Metric));
            Console.WriteLine($"{name,-16} {system,-18} {data.MetricName} {mean:0.0000} ± {sd:0.0000}  {runs.Average(r => r.Seconds):0.000} s");
            Results.Save(resultsPath, results);
        }
    }
    work.Delete(recursive: true);
}
foreach (var other in options.Merge) Results.Merge(results, Results.Load(other));
if (options.ScikitLearn is { } sklearn) Results.AddScikitLearn(results, sklearn);
Results.Save(resultsPath, results);
File.WriteAllText(Path.Combine(options.Out, "summary.md"), Report.Markdown(results, options.Title));
Chart.Save(Path.Combine(options.Out, "chart.png"), results, options.Title);
Console.WriteLine(Report.WinsLine(results));
Console.WriteLine($"Wrote {options.Out}/results.json, summary.md and chart.png");

/// <summary>The command line.</summary>
internal sealed record Arguments(string Data, string Out, string? ScikitLearn, string[] Datasets, int Splits, HashSet<string> Systems, bool ReportOnly, string Title, string NnOptions, string[] Merge)
{
    public static Arguments Parse(string[] args)
    {
        string Value(string name, string fallback) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var data = Value("--data", "benchmarks/defaults/data");
        var datasets = Value("--datasets", "");
        return new Arguments(
            data,
            Value("--out", "benchmarks/results/defaults"),
            Value("--sklearn", "") is { Length: > 0 } s ? s : null,
            datasets.Length > 0 ? datasets.Split(',') : Directory.GetDirectories(data).Select(d => Path.GetFileName(d)!).Where(d => File.Exists(Path.Combine(data, d, "meta.json"))).Order().ToArray(),
            int.Parse(Value("--splits", "5"), System.Globalization.CultureInfo.InvariantCulture),
            [.. Value("--systems", "cli,catalog,stock").Split(',')],
            args.Contains("--report-only"),
            Value("--title", "Defaults benchmark"),
            Value("--nn-options", ""),
            Value("--merge", "").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}
