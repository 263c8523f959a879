using System.IO.Compression;
using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// <c>nntrainer train --streaming</c>: a model trained without holding the file in memory predicts about as well as
/// the in-memory one, is reproducible bit for bit, reads CSV and Parquet alike, and what does not combine is refused.
/// </summary>
public sealed class TrainStreamingTests : IDisposable
{
    // More rows than the 10,000-row sample, so the file is read past it, in more than one 8,192-row block.
    private const int Rows = 12_000;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Network = ["--epochs", "3", "--hidden", "16", "--seed", "5", "--no-plots"];

    private CliResult Train(string file, string model, params string[] extra) =>
        CliRunner.Run(_dir.Path, ["train", file, "--label", "churned", "--out", model, .. Network, .. extra]);

    private double Accuracy(string model, string file)
    {
        var run = CliRunner.Run(_dir.Path, "evaluate", model, file, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("results")[0].GetProperty("metrics").GetProperty("Accuracy").GetDouble();
    }

    [Fact]
    public void StreamingTrainsAModelThatPredictsAsWellAsTheInMemoryOneAndSaysWhatItMeasuredOn()
    {
        var csv = _dir.Write("churn.csv", TestCsv.Binary(Rows, seed: 7));
        var streamed = _dir.File("streamed.zip");
        var inMemory = _dir.File("memory.zip");

        var a = Train(csv, streamed, "--streaming", "--json");
        var b = Train(csv, inMemory);

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        var measured = JsonDocument.Parse(a.Output).RootElement.GetProperty("measuredOn");
        Assert.Equal("everyKthRow", measured.GetProperty("method").GetString());
        Assert.Equal(5, measured.GetProperty("k").GetInt32());
        Assert.Equal(Rows / 5, measured.GetProperty("testRows").GetInt64());
        Assert.Equal(Rows - Rows / 5, measured.GetProperty("trainRows").GetInt64());
        // The saved model is not the measured one: it was trained again on every row, held-out ones included.
        var saved = JsonDocument.Parse(a.Output).RootElement.GetProperty("savedModel");
        Assert.Equal(Rows, saved.GetProperty("rows").GetInt64());
        Assert.Equal(3, saved.GetProperty("epochs").GetInt32());
        double streamedAccuracy = Accuracy(streamed, csv), inMemoryAccuracy = Accuracy(inMemory, csv);
        Assert.True(streamedAccuracy > 0.9, $"streaming accuracy {streamedAccuracy}");
        Assert.True(Math.Abs(streamedAccuracy - inMemoryAccuracy) < 0.03, $"streaming {streamedAccuracy}, in memory {inMemoryAccuracy}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelBytesAndParquetTheModelOfTheCsv()
    {
        var text = TestCsv.Binary(Rows, seed: 8);
        var csv = _dir.Write("churn.csv", text);
        var parquet = TestParquet.FromCsv(text, _dir.File("churn.parquet"), groupRows: 5_000);
        var first = _dir.File("first.zip");
        var second = _dir.File("second.zip");
        var fromParquet = _dir.File("parquet.zip");

        var a = Train(csv, first, "--streaming", "-q");
        var b = Train(csv, second, "--streaming", "-q");
        var c = Train(parquet, fromParquet, "--streaming", "-q");

        Assert.True(a.ExitCode == 0 && b.ExitCode == 0 && c.ExitCode == 0, a.ToString() + b + c);
        Assert.Equal(Entries(first), Entries(second));
        var predictions = Predictions(first, csv);
        Assert.Equal(Rows + 1, predictions.Length);
        Assert.Equal(predictions, Predictions(second, csv));
        Assert.Equal(predictions, Predictions(fromParquet, csv));
        Assert.Equal(ChurnScores.Of(first), ChurnScores.Of(fromParquet));
    }

    [Fact]
    public void AClassFirstSeenAfterTheSampleIsAnErrorNamingItsLine()
    {
        var lines = TestCsv.Binary(10_050, seed: 9).TrimEnd('\n').Split('\n');
        lines[10_030] = string.Join(',', lines[10_030].Split(',')[..^1]) + ",maybe";
        var csv = _dir.Write("late-class.csv", string.Join('\n', lines) + "\n");

        var run = Train(csv, _dir.File("late.zip"), "--streaming");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 10031: column 'churned' holds class 'maybe', which is not among the classes of the first 10,000 rows", run.Error);
        Assert.False(File.Exists(_dir.File("late.zip")));
    }

    [Theory]
    [InlineData("--cv 3", "--cv would train once per fold")]
    [InlineData("--resume other.zip", "it does not continue a saved model (--resume)")]
    [InlineData("--weight age", "it does not read example weights (--weight) yet")]
    [InlineData("--trainer fasttree", "--trainer fasttree reads its rows into memory")]
    [InlineData("--validation-fraction 0.1", "cannot hold out --validation-fraction")]
    public void WhatDoesNotCombineIsRefusedByName(string options, string message)
    {
        var csv = _dir.Write("small.csv", TestCsv.Binary(100, seed: 10));

        var run = Train(csv, _dir.File("refused.zip"), ["--streaming", .. options.Split(' ')]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void AMemoryBudgetBelowTheEstimateSwitchesToStreaming()
    {
        // 40,000 rows × (4 columns × 14 bytes + 2 more plan slots × 5) ≈ 2.6 MB in memory by the estimate: over 1 MB, under 100.
        var csv = _dir.Write("budget.csv", TestCsv.Binary(40_000, seed: 11));

        var over = Train(csv, _dir.File("over.zip"), "--memory-budget", "1", "--json");
        var under = Train(csv, _dir.File("under.zip"), "--memory-budget", "100", "--json");
        var refused = Train(csv, _dir.File("refused.zip"), "--memory-budget", "1", "--cv", "3");

        Assert.True(over.ExitCode == 0, over.ToString());
        Assert.True(under.ExitCode == 0, under.ToString());
        Assert.Equal("everyKthRow", JsonDocument.Parse(over.Output).RootElement.GetProperty("measuredOn").GetProperty("method").GetString());
        Assert.Equal("holdout", JsonDocument.Parse(under.Output).RootElement.GetProperty("measuredOn").GetProperty("method").GetString());
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("about 2 MB to train on in memory, over --memory-budget 1, but --streaming does not combine with --cv", refused.Error);
    }

    [Fact]
    public void AnImageFolderIsRefused()
    {
        var folder = Directory.CreateDirectory(_dir.File("images")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "a"));

        var run = CliRunner.Run(_dir.Path, "train", folder, "--out", _dir.File("images.zip"), "--streaming");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("an image folder is read into memory", run.Error);
    }

    /// <summary>The model's predictions of every row of <paramref name="csv"/>, probabilities in round-trip form.</summary>
    private string[] Predictions(string model, string csv)
    {
        var output = _dir.File($"{Path.GetFileNameWithoutExtension(model)}-predictions.csv");
        var run = CliRunner.Run(_dir.Path, "predict", model, csv, "--out", output, "-q");
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllLines(output);
    }

    /// <summary>
    /// Every entry of a model zip with its bytes (the zip's own timestamps left aside), but ML.NET's binary data views
    /// (.idv): its writer compresses columns on several threads and writes their blocks in the order they finish, so
    /// the same data can be laid out differently from run to run, in-memory models too. Their content is compared
    /// through the predictions.
    /// </summary>
    private static Dictionary<string, string> Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Where(e => !e.FullName.EndsWith(".idv", StringComparison.Ordinal)).ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return Convert.ToBase64String(memory.ToArray());
        });
    }
}
