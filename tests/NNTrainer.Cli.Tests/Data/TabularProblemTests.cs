using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Tests.Data;

public sealed class TabularProblemTests
{
    private static CsvTable Table(params TableColumn[] columns) =>
        new("t.csv", columns, Enumerable.Range(2, columns[0].Length).ToArray());

    [Fact]
    public void ChoosesFeaturesAndExplainsWhatItSkipped()
    {
        int n = 30;
        var table = Table(
            TableColumn.Categorical("id", Enumerable.Range(0, n).Select(i => (string?)$"row{i}").ToArray()),
            TableColumn.Numeric("x", Enumerable.Range(0, n).Select(i => i % 10 == 0 ? float.NaN : i).ToArray()),
            TableColumn.Numeric("empty", Enumerable.Repeat(float.NaN, n).ToArray()),
            TableColumn.Categorical("kind", Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "a" : (string?)"b").ToArray()),
            TableColumn.Categorical("y", Enumerable.Range(0, n).Select(i => i == 5 ? null : (i % 3).ToString()).ToArray()));

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Equal(TaskKind.Multiclass, problem.Schema.Task);
        Assert.Equal(["0", "1", "2"], problem.Schema.Classes);
        Assert.Equal([new FeatureColumn("x", ColumnKind.Numeric), new FeatureColumn("kind", ColumnKind.Categorical)], problem.Schema.Features);
        Assert.Equal(29, problem.Table.RowCount);
        Assert.Equal(
        [
            "1 of 30 rows have no value in label column 'y' and were skipped.",
            "Column 'id' has a different text in every row (an identifier?) and was ignored.",
            "Column 'x': 3 missing values (10.3%) replaced by the training mean.",
            "Column 'empty' is empty in every row and was ignored.",
        ], problem.Notes);
    }

    [Fact]
    public void A_numeric_column_that_counts_the_rows_stays_a_feature_with_a_note()
    {
        int n = 30;
        var table = Table(
            TableColumn.Numeric("PassengerId", Enumerable.Range(1, n).Select(i => i == 7 ? 40f : i > 7 ? i + 33f : i).ToArray()),
            TableColumn.Numeric("Year", Enumerable.Range(1990, n).Select(i => (float)i).ToArray()),
            TableColumn.Numeric("Rank", Enumerable.Range(0, n).Select(i => i == 12 ? 11f : i).ToArray()),
            TableColumn.Categorical("y", Enumerable.Range(0, n).Select(i => (string?)(i % 2 == 0 ? "a" : "b")).ToArray()));

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Equal(["PassengerId", "Year", "Rank"], problem.Schema.Features.Select(f => f.Name));
        var note = Assert.Single(problem.Notes);
        Assert.Equal("Column 'PassengerId' counts the rows (1, 2, 3, …: a row number or id?); it is used as a feature, so pass --ignore PassengerId if it only identifies rows.", note);
    }

    [Fact]
    public void IgnoredColumnsAreLeftOut()
    {
        var table = Table(TableColumn.Numeric("a", [1, 2, 3, 4]), TableColumn.Numeric("b", [1, 2, 3, 4]), TableColumn.Categorical("y", ["p", "q", "p", "q"]));

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string> { "b" });

        Assert.Equal(["a"], problem.Schema.Features.Select(f => f.Name));
    }

    [Fact]
    public void ReservedFeatureNamesAndNoFeaturesAreErrors()
    {
        var reserved = Table(TableColumn.Numeric("Score", [1, 2]), TableColumn.Categorical("y", ["p", "q"]));
        Assert.Contains("column 'Score' has a name the ML.NET pipeline uses", Assert.Throws<CliException>(() => TabularProblem.Create(reserved, "y", null, new HashSet<string>())).Message);

        var onlyLabel = Table(TableColumn.Categorical("y", ["p", "q"]));
        Assert.Equal("t.csv: no feature columns are left besides label 'y'.", Assert.Throws<CliException>(() => TabularProblem.Create(onlyLabel, "y", null, new HashSet<string>())).Message);
    }

    [Fact]
    public void NoFeaturesAfterAFreeTextColumnSaysWhyAndWhatToDo()
    {
        // Weka's ReutersCorn saved as CSV: one document per row and a 0/1 label.
        int n = 30;
        var documents = Table(
            TableColumn.Categorical("Text", Enumerable.Range(0, n).Select(i => (string?)$"grain exports rose {i} tonnes").ToArray()),
            TableColumn.Categorical("class-att", Enumerable.Range(0, n).Select(i => (i % 2).ToString()).ToArray()));

        var message = Assert.Throws<CliException>(() => TabularProblem.Create(documents, "class-att", null, new HashSet<string>())).Message;

        Assert.StartsWith("t.csv: no feature columns are left besides label 'class-att'. Column 'Text' was left out as free text or identifiers: ", message);
        Assert.Contains("does not turn documents into word features", message);
        Assert.Contains("FeaturizeText", message);
    }
}
