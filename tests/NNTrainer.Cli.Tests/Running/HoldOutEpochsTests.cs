using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary><c>--hold-out-epochs</c>: the saved fit's epochs come from a hold-out of its rows, and the output gives the count it trained for.</summary>
public sealed class HoldOutEpochsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheOutputSaysHowManyEpochsTheHoldOutChoseAndTheFinalFitTrained()
    {
        // 2,500 rows: the measuring fit's 2,000 and the final fit's 2,500 are both above the 1,000-row threshold, and the
        // automatic rule gives the final fit 127 epochs, fewer than the 200 the hold-out may choose.
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 2_500));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--hold-out-epochs", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        var chosen = System.Text.RegularExpressions.Regex.Match(result.Output, @"on all 2,500 rows: (\d+) epochs and the L2 penalty chosen on a stratified tenth of these rows \(--hold-out-epochs\)");
        Assert.True(chosen.Success, result.Output);
        int epochs = int.Parse(chosen.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The hold-out only lengthens training.
        Assert.InRange(epochs, NNTrainer.ML.NeuralNetworkDefaults.Epochs(2_500, 32), NNTrainer.ML.NeuralNetworkDefaults.MaximumEpochs);
        Assert.Contains($"fitted again on all 2,500 rows for {epochs} epochs", result.Output);
        // Without a known count the progress lines would have to invent one: the measuring fit shows none.
        Assert.DoesNotContain("epoch    1/", result.Output);
    }
}
