using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>evaluate skips the rows train skipped: blank labels and "NA" (a missing label, as R writes it and pandas reads it).</summary>
public sealed class EvaluateMissingLabelTests
{
    [Fact]
    public void EvaluateSkipsAndNotesTheRowsTrainSkipped()
    {
        using var dir = new TempDirectory();
        var random = new Random(3);
        var text = new System.Text.StringBuilder("x,y,kind\n");
        for (int i = 0; i < 120; i++)
        {
            var label = i % 17 == 0 ? "" : i % 23 == 0 ? "NA" : i % 2 == 0 ? "a" : "b";
            text.Append(System.FormattableString.Invariant($"{i % 2 + random.NextDouble():F3},{random.NextDouble():F3},{label}\n"));
        }
        var csv = dir.Write("na-class.csv", text.ToString());
        var model = dir.File("na-class.zip");

        var train = CliRunner.Run(dir.Path, "train", csv, "--label", "kind", "--out", model, "--no-plots", "--epochs", "2");
        var evaluate = CliRunner.Run(dir.Path, "evaluate", model, csv);

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("13 of 120 rows have no value in label column 'kind' ('NA' in 5 rows read as missing, as pandas reads it) and were skipped.", train.Output);
        Assert.Contains("label 'kind' (binary", train.Output);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("13 of 120 rows have no value in label column 'kind' and were skipped.", evaluate.Output);
        Assert.Contains("on na-class.csv: 107 rows", evaluate.Output);
    }
}
