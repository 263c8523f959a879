using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NNTrainer.Cli;

namespace NNTrainer.Defaults.Bench;

/// <summary>
/// NNTrainer the way a user runs it: <c>nntrainer train split.train.csv --label y --out m.zip</c> with every default,
/// then <c>nntrainer evaluate m.zip split.test.csv</c>, both through the tool's own command tree in this process.
/// The time is the wall-clock time of the whole <c>train</c> command (reading, featurising, training, saving).
/// For a screen, the environment variable <c>NNTRAINER_BENCH_CLI_ARGS</c> adds options to <c>train</c> (e.g.
/// <c>--select-model true</c>), split on spaces. A regression table's <c>train</c> gets <c>--task regression</c>: a label of
/// a few whole numbers (set 4's ScotsSec, scores 1–10) is read as classes by default, which the tool's note tells its
/// user to correct, and <c>evaluate</c> would then report accuracy where the table's metric is R².
/// </summary>
internal static class CliSystem
{
    public const string Name = "NNTrainer CLI";

    public static (double Metric, double Seconds) Run(DatasetMeta data, int split, string workDirectory)
    {
        var model = Path.Combine(workDirectory, $"{data.Name}.{split}.zip");
        var clock = Stopwatch.StartNew();
        var extra = (Environment.GetEnvironmentVariable("NNTRAINER_BENCH_CLI_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] task = data.IsRegression ? ["--task", "regression"] : [];
        Invoke(["train", data.TrainCsv(split), "--label", data.Label, "--out", model, "--no-plots", "--json", .. task, .. extra]);
        double seconds = clock.Elapsed.TotalSeconds;
        var evaluation = Invoke(["evaluate", model, data.TestCsv(split), "--json"]);
        File.Delete(model);
        using var document = JsonDocument.Parse(evaluation);
        var metrics = document.RootElement.GetProperty("results")[0].GetProperty("metrics");
        return (metrics.GetProperty(data.MetricName).GetDouble(), seconds);
    }

    private static string Invoke(string[] args)
    {
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        int exit;
        try
        {
            exit = CliApplication.Build().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        finally
        {
            Console.SetOut(original);
        }
        if (exit != 0) throw new InvalidOperationException($"nntrainer {string.Join(' ', args)} exited with {exit}: {output}");
        return output.ToString();
    }
}
