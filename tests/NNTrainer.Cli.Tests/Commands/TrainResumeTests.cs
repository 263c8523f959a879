using Microsoft.ML;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary><c>nntrainer train --resume model.zip</c>: continuing a saved network on new rows of the same columns.</summary>
public sealed class TrainResumeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string TrainFirst(out string csv)
    {
        csv = _dir.Write("first.csv", TestCsv.Binary(rows: 200, seed: 2));
        var model = _dir.File("first.zip");
        // Without L2: the small-data default (30 × 0.001 on these 160 training rows) travels with the resumed layers and
        // would slow the continued training down too much to see it in forty epochs.
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--out", model, "--epochs", "5", "--hidden", "16", "--l2", "0", "--no-plots");
        Assert.True(result.ExitCode == 0, result.ToString());
        return model;
    }

    [Fact]
    public void ResumingReadsTheNewRowsWithTheModelsFeatureMapAndContinuesItsNetwork()
    {
        var first = TrainFirst(out _);
        var more = _dir.Write("more.csv", TestCsv.Binary(rows: 120, seed: 9));
        var resumed = _dir.File("resumed.zip");
        // Steps far below float resolution: the resumed model must score as the first one, which it can only do if it
        // read the new file with the first model's feature map and started from its network (the default would be 100 neurons).
        var result = CliRunner.Run(_dir.Path, "train", more, "--label", "churned", "--out", resumed, "--resume", first,
            "--epochs", "1", "--optimizer", "sgd", "--learning-rate", "1e-30", "--l2", "0", "--json", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(Path.GetFullPath(first), json.RootElement.GetProperty("savedModel").GetProperty("resumedFrom").GetString());
        var before = ChurnScores.Of(first);
        var after = ChurnScores.Of(resumed);
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i], after[i], Math.Abs(before[i]) * 1e-4f + 1e-5f);
    }

    [Fact]
    public void ResumingTrainsFurtherAndSaysSo()
    {
        var first = TrainFirst(out _);
        var more = _dir.Write("more.csv", TestCsv.Binary(rows: 200, seed: 9));
        var result = CliRunner.Run(_dir.Path, "train", more, "--label", "churned", "--out", _dir.File("again.zip"), "--resume", first, "--epochs", "40", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Continuing the network of {first} (", result.Output);
        var row = Assert.Single(Table.Parse(result.Output));
        Assert.True(Table.Number(row, "Accuracy") >= 0.8, result.Output);
    }

    [Fact]
    public void AFileWithOtherColumnsIsRefusedNamingThem()
    {
        var first = TrainFirst(out var csv);
        var renamed = File.ReadAllText(csv).Replace("age,income,plan,churned", "years,income,plan,churned");
        var result = CliRunner.Run(_dir.Path, "train", _dir.Write("renamed.csv", renamed), "--label", "churned", "--out", _dir.File("x.zip"), "--resume", first, "--no-plots");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing 'age'", result.Error);
        Assert.Contains("not in the model 'years'", result.Error);
    }

    [Fact]
    public void APositiveClassOtherThanTheResumedModelsIsRefusedNamingBoth()
    {
        var first = TrainFirst(out var csv);
        var other = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--out", _dir.File("x.zip"), "--resume", first, "--positive-class", "no", "--epochs", "1", "--no-plots");
        Assert.Equal(ExitCodes.UsageError, other.ExitCode);
        Assert.Contains($"--positive-class no: {first} was trained with 'yes' as its positive class", other.Error);

        var same = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--out", _dir.File("y.zip"), "--resume", first, "--positive-class", "yes", "--epochs", "1", "--no-plots");
        Assert.True(same.ExitCode == 0, same.ToString());
    }

    [Fact]
    public void AnotherLabelOrTrainerIsRefused()
    {
        var first = TrainFirst(out var csv);
        var label = CliRunner.Run(_dir.Path, "train", csv, "--label", "plan", "--out", _dir.File("x.zip"), "--resume", first, "--no-plots");
        Assert.NotEqual(0, label.ExitCode);
        Assert.Contains("first.zip predicts column 'churned', not 'plan'; pass --label churned", label.Error);

        var trainer = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--trainer", "fasttree", "--out", _dir.File("y.zip"), "--resume", first, "--no-plots");
        Assert.NotEqual(0, trainer.ExitCode);
        Assert.Contains("--resume continues a neural network; it does not apply to --trainer fasttree", trainer.Error);
    }
}
