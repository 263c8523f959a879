using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary>
/// From 5,000 training rows on a small network trains the usual way or the long way, whichever a held-out tenth of the
/// rows scores better (round 13): the output says which, and how many epochs the saved fit trained.
/// </summary>
public sealed class LargeTableEpochsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheFinalFitOnSixThousandRowsSaysWhichTrainingTheHoldOutChose()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 6_000));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--hidden", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The measuring fit (4,800 rows) is below 5,000: about 10,000 updates of 150 batches, counted in its progress lines.
        Assert.Equal(67, NNTrainer.ML.NeuralNetworkDefaults.Epochs(4_800, 32));
        Assert.Contains("  epoch   67/67  ", result.Output);
        // The final fit (6,000 rows, a few dozen parameters): 54 epochs the usual way, the budget's 200 the long way.
        var chosen = System.Text.RegularExpressions.Regex.Match(result.Output, @"on all 6,000 rows: (\d+) epochs, the (usual training|long training of a large table) chosen on a stratified tenth of these rows\.");
        Assert.True(chosen.Success, result.Output);
        Assert.Equal(chosen.Groups[2].Value == "usual training" ? "54" : "200", chosen.Groups[1].Value);
        Assert.Contains($"fitted again on all 6,000 rows for {chosen.Groups[1].Value} epochs", result.Output);
    }
}
