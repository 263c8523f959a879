using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary>
/// From 5,000 training rows on a small network's automatic epochs spend a work budget (round 13): the progress lines and
/// the saved fit's note give the count the trainer really runs, for the network the featurised columns make.
/// </summary>
public sealed class LargeTableEpochsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheFinalFitOfASmallNetworkOnSixThousandRowsRunsAndAnnouncesTheBudgetsEpochs()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 6_000));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--hidden", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The measuring fit (4,800 rows) is below 5,000: about 10,000 updates of 150 batches.
        int measuring = NNTrainer.ML.NeuralNetworkDefaults.Epochs(4_800, 32);
        Assert.Equal(67, measuring);
        Assert.Contains($"  epoch {measuring,4}/{measuring}  ", result.Output);
        // The final fit (6,000 rows, a few dozen parameters) spends the budget: the cap of 200, where updates alone gave 54.
        Assert.Equal(54, NNTrainer.ML.NeuralNetworkDefaults.Epochs(6_000, 32));
        Assert.Contains("  epoch  200/200  ", result.Output);
        Assert.Contains("fitted again on all 6,000 rows for 200 epochs", result.Output);
        Assert.DoesNotContain("/54  ", result.Output);
    }
}
