using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Running;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

public sealed class SmallHoldOutTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Six_held_out_rows_of_a_classifier_are_each_a_sixth_of_the_accuracy()
    {
        var note = SmallHoldOut.Note(6, TaskKind.Binary);

        Assert.Equal("Only 6 rows were held out: each held-out row is 16.7% of the accuracy, so the figures above move a lot with which rows were held out. "
            + "--cv 5 scores every row once, by the fold that held it out (the saved model is the same).", note);
    }

    [Fact]
    public void A_regression_note_speaks_of_R2_not_accuracy()
    {
        var note = SmallHoldOut.Note(14, TaskKind.Regression);

        Assert.NotNull(note);
        Assert.StartsWith("Only 14 rows were held out: R² and the errors above move a lot", note);
        Assert.DoesNotContain("accuracy", note);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(4_038)]
    [InlineData(0)]
    public void Fifty_held_out_rows_or_more_get_no_note(long rows) => Assert.Null(SmallHoldOut.Note(rows, TaskKind.Multiclass));

    [Fact]
    public void Train_on_a_table_of_forty_rows_says_so_after_the_metrics_and_a_table_of_three_hundred_does_not()
    {
        string Table(int rows) => "x,y\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{i % 10},{(i % 10 < 5 ? "low" : "high")}\n"));
        var small = _dir.Write("small.csv", Table(40));
        var large = _dir.Write("large.csv", Table(300));

        var a = CliRunner.Run(_dir.Path, "train", small, "--label", "y", "--epochs", "2", "--out", _dir.File("a.zip"), "--no-plots");
        var b = CliRunner.Run(_dir.Path, "train", large, "--label", "y", "--epochs", "2", "--out", _dir.File("b.zip"), "--no-plots");

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        int note = a.Output.IndexOf("Only 8 rows were held out: each held-out row is 12.5% of the accuracy", StringComparison.Ordinal);
        Assert.True(note > a.Output.IndexOf("Held-out metrics", StringComparison.Ordinal), a.Output);
        Assert.DoesNotContain("rows were held out:", b.Output);
    }
}
