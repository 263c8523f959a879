using System.Diagnostics;
using System.Reflection;

namespace NNTrainer.ML.Tests.Persistence;

/// <summary>
/// What the fresh process printed: each requested column's type line, each row's values, the stock Evaluate metrics,
/// and the whole scored schema (a line per column with every annotation, <see cref="NNTrainer.ML.LoadCheck.RowFormatter.Schema"/>).
/// </summary>
public sealed record LoadCheckOutput(IReadOnlyList<string> Types, IReadOnlyList<string> Rows, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Schema);

/// <summary>Runs tests/NNTrainer.ML.LoadCheck, a separate process that loads a model with nothing but <c>mlContext.Model.Load</c>.</summary>
public static class LoadCheckProcess
{
    public static string AssemblyPath => typeof(LoadCheckProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LoadCheckAssembly").Value!;

    public static LoadCheckOutput Run(string task, string modelPath, string dataPath, params string[] columns)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A directory of its own: the model must not depend on anything beside it.
            WorkingDirectory = Path.GetDirectoryName(modelPath)!,
        };
        foreach (var argument in new[] { AssemblyPath, task, modelPath, dataPath, string.Join(",", columns) }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The load-check process did not finish in 2 minutes.");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"The load-check process failed ({process.ExitCode}):\n{stderr.Result}\n{stdout.Result}");
        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var metrics = lines.Single(l => l.StartsWith("metrics ", StringComparison.Ordinal))["metrics ".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        return new LoadCheckOutput(
            lines.Where(l => l.StartsWith("type ", StringComparison.Ordinal)).Select(l => l["type ".Length..]).ToArray(),
            lines.Where(l => l.StartsWith("row ", StringComparison.Ordinal)).Select(l => l["row ".Length..]).ToArray(),
            metrics,
            lines.Where(l => l.StartsWith("schema ", StringComparison.Ordinal)).Select(l => l["schema ".Length..]).ToArray());
    }
}
