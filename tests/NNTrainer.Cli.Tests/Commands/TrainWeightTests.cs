using Microsoft.ML;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary><c>nntrainer train --weight COLUMN</c>: example weights from a CSV column that is not a feature.</summary>
public sealed class TrainWeightTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WithWeights(Func<int, string> weight)
    {
        var lines = TestCsv.Binary(rows: 160, seed: 4).TrimEnd('\n').Split('\n');
        return string.Join('\n', lines.Select((line, i) => line + "," + (i == 0 ? "w" : weight(i)))) + "\n";
    }

    [Fact]
    public void WeightsOfOneTrainTheModelOfNoWeightsAndTheColumnIsNotAFeature()
    {
        var csv = _dir.Write("weighted.csv", WithWeights(_ => "1"));
        var weighted = _dir.File("weighted.zip");
        var plain = _dir.File("plain.zip");
        var a = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--weight", "w", "--out", weighted, "--epochs", "3", "--hidden", "8", "--no-plots");
        var b = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--ignore", "w", "--out", plain, "--epochs", "3", "--hidden", "8", "--no-plots");
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.DoesNotContain("w (numeric)", a.Output);

        var ml = new MLContext();
        var model = ml.Model.Load(weighted, out var inputSchema);
        Assert.Equal(["age", "income", "plan", "churned"], inputSchema.Select(c => c.Name));
        Assert.Equal(ChurnScores.Of(plain), ChurnScores.Of(weighted));
    }

    [Fact]
    public void WeightsChangeTheModel()
    {
        var csv = _dir.Write("weighted.csv", WithWeights(i => i % 3 == 0 ? "5" : "1"));
        var plain = _dir.File("plain.zip");
        var weighted = _dir.File("weighted.zip");
        var a = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--weight", "w", "--out", weighted, "--epochs", "3", "--hidden", "8", "--no-plots");
        var b = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--ignore", "w", "--out", plain, "--epochs", "3", "--hidden", "8", "--no-plots");
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.ToString() + b);
        Assert.NotEqual(ChurnScores.Of(plain), ChurnScores.Of(weighted));
    }

    [Fact]
    public void ABadWeightNamesItsLineAndATextColumnIsRefused()
    {
        var negative = CliRunner.Run(_dir.Path, "train", _dir.Write("neg.csv", WithWeights(i => i == 5 ? "-2" : "1")), "--label", "churned", "--weight", "w", "--out", _dir.File("x.zip"), "--no-plots");
        Assert.NotEqual(0, negative.ExitCode);
        Assert.Contains("line 6: column 'w' (--weight) has the weight -2; example weights must be finite numbers ≥ 0", negative.Error);

        var text = CliRunner.Run(_dir.Path, "train", _dir.Write("text.csv", WithWeights(i => i % 2 == 0 ? "high" : "low")), "--label", "churned", "--weight", "w", "--out", _dir.File("y.zip"), "--no-plots");
        Assert.NotEqual(0, text.ExitCode);
        Assert.Contains("column 'w' given by --weight holds text", text.Error);

        var stock = CliRunner.Run(_dir.Path, "train", _dir.Write("ok.csv", WithWeights(_ => "1")), "--label", "churned", "--weight", "w", "--trainer", "fasttree", "--out", _dir.File("z.zip"), "--no-plots");
        Assert.NotEqual(0, stock.ExitCode);
        Assert.Contains("--weight applies to the neural network (--trainer nn), not --trainer fasttree", stock.Error);
    }
}
