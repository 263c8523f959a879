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

    [Fact]
    public void Evaluate_counts_the_missing_values_of_the_rows_it_scores_as_train_does()
    {
        // carData's Chile: 'income' is missing in 83 of the 2,532 rows with a vote and in 98 of all 2,700; evaluate
        // said 98 replaced for the 2,532 rows it scored. Here 10 rows lack the label, 4 of them 'x' as well.
        using var dir = new TempDirectory();
        var text = new System.Text.StringBuilder("x,z,kind\n");
        for (int i = 0; i < 100; i++)
        {
            bool unlabelled = i % 10 == 0;
            var x = (unlabelled && i < 40) || i % 33 == 1 ? "NA" : System.FormattableString.Invariant($"{i % 2 + i * 0.001:F3}");
            text.Append(System.FormattableString.Invariant($"{x},{i * 0.01:F2},{(unlabelled ? "NA" : i % 2 == 0 ? "a" : "b")}\n"));
        }
        var csv = dir.Write("na-x.csv", text.ToString());
        var model = dir.File("na-x.zip");

        var train = CliRunner.Run(dir.Path, "train", csv, "--label", "kind", "--out", model, "--no-plots", "--epochs", "2");
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Column 'x': 3 missing values (3.3%) replaced by the training mean.", train.Output);

        // evaluate scores the 90 labelled rows; predict scores every row, the unlabelled ones too.
        foreach (var (command, missing) in new[] { ("evaluate", "3 missing values (3.3%)"), ("predict", "7 missing values (7%)") })
        {
            string[] args = command == "evaluate" ? [command, model, csv] : [command, model, csv, "--out", dir.File("p.csv")];
            var run = CliRunner.Run(dir.Path, args);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"Column 'x': {missing} replaced by the training mean.", run.Output);
        }
    }
}
