using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Data;

public sealed class PositiveClassTests
{
    [Fact]
    public void TheNamedClassBecomesTheSecond()
    {
        Assert.Equal(["Inactive", "Active"], PositiveClass.Order(["Active", "Inactive"], "Active", "Outcome"));
        Assert.Equal(["Active", "Inactive"], PositiveClass.Order(["Active", "Inactive"], "Inactive", "Outcome"));
        Assert.Equal(["Active", "Inactive"], PositiveClass.Order(["Active", "Inactive"], null, "Outcome"));
    }

    [Fact]
    public void ANumberOrAnotherCaseNamesTheSameClass()
    {
        Assert.Equal("0", PositiveClass.Find(["0", "1"], "0.0", "y"));
        Assert.Equal("Active", PositiveClass.Find(["Active", "Inactive"], "active", "y"));
    }

    [Fact]
    public void AnUnknownValueIsAnErrorNamingTheClasses()
    {
        var error = Assert.Throws<CliException>(() => PositiveClass.Find(["Active", "Inactive"], "Positive", "Outcome"));

        Assert.Equal("--positive-class Positive: label 'Outcome' has no such class; its classes are 'Active' and 'Inactive'.", error.Message);
    }

    [Fact]
    public void MoreThanTwoClassesIsAnError()
    {
        var error = Assert.Throws<CliException>(() => PositiveClass.Find(["a", "b", "c"], "a", "y"));

        Assert.Equal("--positive-class applies to binary labels; label 'y' has 3 classes.", error.Message);
    }

    [Fact]
    public void TheNoteSaysWhyTheClassIsPositive()
    {
        Assert.Equal("Positive class: 'Inactive' (the second by name order; --positive-class Active chooses the other). AUC, F1 and the probability are those of 'Inactive'.",
            PositiveClass.Note(["Active", "Inactive"], null));
        Assert.StartsWith("Positive class: 'yes' (its name says so; --positive-class no chooses the other)", PositiveClass.Note(["no", "yes"], null));
        Assert.StartsWith("Positive class: 'Active' (chosen by --positive-class)", PositiveClass.Note(["Inactive", "Active"], "Active"));
    }

    [Fact]
    public void TheProblemKeepsTheChosenOrder()
    {
        var labels = Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? "Active" : "Inactive").ToArray();
        var table = new CsvTable("t.csv", [TableColumn.Numeric("x", [.. labels.Select((_, i) => (float)(i % 7))]), TableColumn.Categorical("Outcome", labels)],
            [.. Enumerable.Range(2, labels.Length)]);

        var problem = TabularProblem.Create(table, "Outcome", null, new HashSet<string>(), positiveClass: "Active");

        Assert.Equal(["Inactive", "Active"], problem.Schema.Classes);
        Assert.Contains("Positive class: 'Active' (chosen by --positive-class). AUC, F1 and the probability are those of 'Active'.", problem.Notes);
    }

    [Fact]
    public void One_is_named_positive_against_zero_or_minus_one_but_not_against_two()
    {
        string[] Classes(params float[] values)
        {
            var label = TableColumn.Numeric("status", [.. Enumerable.Range(0, 20).Select(i => values[i % values.Length])]);
            return TaskDetector.Classes(label, TaskKind.Binary);
        }

        // survival::lung's status: 1 censored, 2 dead; the second by order is positive, as scikit-learn's classes_[1].
        Assert.Equal(["1", "2"], Classes(1, 2));
        Assert.StartsWith("Positive class: '2' (the second by name order; --positive-class 1 chooses the other)", PositiveClass.Note(["1", "2"], null));
        Assert.Equal(["0", "1"], Classes(1, 0));
        Assert.Equal(["-1", "1"], Classes(1, -1));
        Assert.StartsWith("Positive class: '1' (its name says so; --positive-class -1 chooses the other)", PositiveClass.Note(["-1", "1"], null));
    }
}
