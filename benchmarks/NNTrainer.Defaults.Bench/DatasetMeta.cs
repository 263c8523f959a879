using System.Text.Json;

namespace NNTrainer.Defaults.Bench;

/// <summary>One dataset as datasets.py exported it: its task, columns and the held-out rows of every split.</summary>
internal sealed record DatasetMeta(string Name, string Task, string Label, int Rows, string[] Numeric, string[] Categorical, string[] Classes, int[][] Splits, string Directory)
{
    public bool IsRegression => Task == "regression";

    public string MetricName => IsRegression ? "R2" : "Accuracy";

    public string TrainCsv(int split) => Path.Combine(Directory, $"split{split}.train.csv");

    public string TestCsv(int split) => Path.Combine(Directory, $"split{split}.test.csv");

    public static DatasetMeta Load(string directory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "meta.json")));
        var root = document.RootElement;
        static string[] Strings(JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToArray();
        return new DatasetMeta(
            root.GetProperty("name").GetString()!,
            root.GetProperty("task").GetString()!,
            root.GetProperty("label").GetString()!,
            root.GetProperty("rows").GetInt32(),
            Strings(root.GetProperty("numeric")),
            Strings(root.GetProperty("categorical")),
            Strings(root.GetProperty("classes")),
            root.GetProperty("splits").EnumerateArray().Select(s => s.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray(),
            directory);
    }
}
