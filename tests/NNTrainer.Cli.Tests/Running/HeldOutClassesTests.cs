using NNTrainer.Cli.Data;
using NNTrainer.Cli.Running;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

public sealed class HeldOutClassesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static TabularProblem Problem(params string[] labels) => TabularProblem.Create(
        new CsvTable("t.csv", [TableColumn.Numeric("x", labels.Select((_, i) => (float)i).ToArray()), TableColumn.Categorical("y", labels)],
            Enumerable.Range(2, labels.Length).ToArray()),
        "y", null, new HashSet<string>());

    /// <summary>The note for the split a measuring fit with this held-out fraction and seed makes.</summary>
    private static string? Note(TabularProblem problem, double testFraction, int seed)
    {
        var (train, test) = HoldOutSplit.Random(problem.Table.RowCount, testFraction, seed);
        return HeldOutClasses.Note(problem, train, test);
    }

    [Fact]
    public void Three_rows_of_three_classes_always_hold_out_a_class_the_training_rows_lack()
    {
        var problem = Problem("a", "b", "c");

        for (int seed = 0; seed < 5; seed++)
        {
            var note = Note(problem, 0.2, seed);
            Assert.NotNull(note);
            Assert.Matches("^The held-out rows hold class '[abc]' that none of the 2 training rows of the measuring fit has", note);
        }
    }

    [Fact]
    public void Classes_present_on_both_sides_give_no_note()
    {
        var problem = Problem([.. Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? "a" : "b")]);

        Assert.Null(Note(problem, 0.2, seed: 0));
    }

    [Fact]
    public void Train_prints_the_note_before_the_metrics()
    {
        var csv = _dir.Write("tiny.csv", "x,species\n5.1,setosa\n7.0,versicolor\n6.3,virginica\n");

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--epochs", "1", "--out", _dir.File("m.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        int note = result.Output.IndexOf("that none of the 2 training rows of the measuring fit has", StringComparison.Ordinal);
        Assert.True(note >= 0, result.Output);
        Assert.True(note < result.Output.IndexOf("Held-out metrics", StringComparison.Ordinal), result.Output);
    }
}
