using System.Text.Json;
using System.Text.Json.Nodes;

namespace NNTrainer.Defaults.Bench;

/// <summary>One split's figures for one system.</summary>
internal sealed record Run(int Split, double Metric, double Seconds);

/// <summary>Every system's runs on one dataset.</summary>
internal sealed class DatasetResult
{
    public required string Task { get; init; }

    public required int Rows { get; init; }

    public Dictionary<string, List<Run>> Systems { get; } = [];

    public bool IsRegression => Task == "regression";

    /// <summary>The margin within which two means tie: 0.005 accuracy, 0.01 R².</summary>
    public double Margin => IsRegression ? 0.01 : 0.005;
}

/// <summary>results.json: datasets → systems → runs, merged across invocations so that one system can be re-run alone.</summary>
internal static class Results
{
    public const string ScikitLearn = "scikit-learn MLP";

    public static Dictionary<string, DatasetResult> Load(string path)
    {
        var results = new Dictionary<string, DatasetResult>();
        if (!File.Exists(path)) return results;
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var (name, node) in root)
        {
            var result = new DatasetResult { Task = (string)node!["task"]!, Rows = (int)node["rows"]! };
            foreach (var (system, runs) in node["systems"]!.AsObject())
            {
                result.Systems[system] = runs!.AsArray().Select(r => new Run((int)r!["split"]!, (double)r["metric"]!, (double)r["seconds"]!)).ToList();
            }
            results[name] = result;
        }
        return results;
    }

    /// <summary>Adds scikit-learn's runs from the file sklearn_run.py wrote.</summary>
    public static void AddScikitLearn(Dictionary<string, DatasetResult> results, string path)
    {
        if (!File.Exists(path)) return;
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var (name, node) in root)
        {
            if (!results.TryGetValue(name, out var result)) continue;
            result.Systems[ScikitLearn] = node!["runs"]!.AsArray().Select(r => new Run((int)r!["split"]!, (double)r["metric"]!, (double)r["seconds"]!)).ToList();
        }
    }

    /// <summary>Adds the systems of <paramref name="other"/> that <paramref name="results"/> lacks (e.g. stock trainers run once, in another folder).</summary>
    public static void Merge(Dictionary<string, DatasetResult> results, Dictionary<string, DatasetResult> other)
    {
        foreach (var (name, result) in other)
        {
            if (!results.TryGetValue(name, out var mine)) results[name] = mine = new DatasetResult { Task = result.Task, Rows = result.Rows };
            foreach (var (system, runs) in result.Systems) mine.Systems.TryAdd(system, runs);
        }
    }

    public static void Save(string path, Dictionary<string, DatasetResult> results)
    {
        var root = new JsonObject();
        foreach (var (name, result) in results)
        {
            var systems = new JsonObject();
            foreach (var (system, runs) in result.Systems)
            {
                systems[system] = new JsonArray(runs.Select(r => (JsonNode)new JsonObject { ["split"] = r.Split, ["metric"] = Math.Round(r.Metric, 6), ["seconds"] = Math.Round(r.Seconds, 4) }).ToArray());
            }
            root[name] = new JsonObject { ["task"] = result.Task, ["rows"] = result.Rows, ["systems"] = systems };
        }
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static (double Mean, double Sd) Stats(IEnumerable<double> values)
    {
        var v = values.ToArray();
        double mean = v.Average();
        double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return (mean, sd);
    }
}
