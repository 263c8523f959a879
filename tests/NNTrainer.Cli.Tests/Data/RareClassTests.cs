using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class RareClassTests
{
    [Fact]
    public void ABinaryLabelWithUnderFivePercentOfOneClassGetsANote()
    {
        // Weka's unbalanced table in miniature: 2 'Active' rows in 60, the positive class 'Inactive' by name order.
        var label = TableColumn.Categorical("Outcome", Enumerable.Range(0, 61).Select(i => i == 60 ? null : i < 2 ? "Active" : (string?)"Inactive").ToArray());

        var note = RareClass.Note(label, ["Active", "Inactive"]);

        Assert.Equal("Class 'Active' is rare: 2 of 60 rows (3.3%). Answering 'Inactive' for every row is right 96.7% of the time, "
            + "so an accuracy near that says little; AUC says more, and F1 is that of the positive class 'Inactive'. If a missed 'Active' costs more, give those rows more weight with --weight.", note);
    }

    [Fact]
    public void BalancedEnoughLabelsAndMulticlassLabelsGetNone()
    {
        var numbers = TableColumn.Numeric("y", Enumerable.Range(0, 20).Select(i => i < 1 ? 1f : 0f).ToArray());
        Assert.Null(RareClass.Note(numbers, ["0", "1"])); // 1 in 20 is 5%, not under it

        var three = TableColumn.Categorical("y", Enumerable.Range(0, 100).Select(i => i < 1 ? "a" : i < 50 ? "b" : (string?)"c").ToArray());
        Assert.Null(RareClass.Note(three, ["a", "b", "c"]));
    }

    [Fact]
    public void TrainingNotesIncludeIt()
    {
        var table = new CsvTable("t.csv", [TableColumn.Numeric("x", Enumerable.Range(0, 40).Select(i => (float)(i * 7 % 13)).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, 40).Select(i => i == 7 ? 1f : 0f).ToArray())], Enumerable.Range(2, 40).ToArray());

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Contains("Class '1' is rare: 1 of 40 rows (2.5%). Answering '0' for every row is right 97.5% of the time", Assert.Single(problem.Notes, n => n.StartsWith("Class ", StringComparison.Ordinal)));
    }
}
