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
    public void A_share_of_missing_values_below_a_twentieth_of_a_percent_is_not_printed_as_0_percent()
    {
        int n = 2532;
        var table = Table(
            TableColumn.Numeric("age", Enumerable.Range(0, n).Select(i => i == 7 ? float.NaN : i % 60).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, n).Select(i => i * 0.5f).ToArray()));

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Contains("Column 'age': 1 missing value (<0.1%) replaced by the training mean.", problem.Notes);
        Assert.Equal("0.3%", MissingValueNotes.Share(0.3));
    }

    /// <summary>
    /// dslabs' gapminder and polls_us_election_2016: train said "1453 missing values" and "429 of 4208 rows" where
    /// evaluate and predict say "1,453", as every other count in the notes does.
    /// </summary>
    [Fact]
    public void Counts_in_the_missing_value_notes_have_thousands_separators()
    {
        int n = 4208;
        var table = Table(
            TableColumn.Numeric("gdp", Enumerable.Range(0, n).Select(i => i % 3 == 0 ? float.NaN : i % 60).ToArray()),
            TableColumn.Categorical("grade", Enumerable.Range(0, n).Select(i => i % 10 == 1 ? null : i % 2 == 0 ? "A" : "B").ToArray()));

        var problem = TabularProblem.Create(table, "grade", null, new HashSet<string>());

        Assert.Contains("421 of 4,208 rows have no value in label column 'grade' and were skipped.", problem.Notes);
        Assert.Contains("Column 'gdp': 1,263 missing values (33.4%) replaced by the training mean.", problem.Notes);
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
        // Whole numbers rising in every row are noted whatever they start from (ids given in order); a year column of a
        // file sorted by year is too, and stays a feature: the note only asks. Rank repeats a value, so it is no id.
        Assert.Equal(
        [
            "Positive class: 'b' (the second by name order; --positive-class a chooses the other). AUC, F1 and the probability are those of 'b'.",
            "Column 'PassengerId' counts the rows (1, 2, 3, …: a row number or id?); it is used as a feature, so pass --ignore PassengerId if it only identifies rows.",
            "Column 'Year' rises in every row (1990, 1991, 1992, …: a row number or id?); it is used as a feature, so pass --ignore Year if it only identifies rows.",
        ], problem.Notes);
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
    public void Free_text_becomes_a_text_feature_and_an_address_stays_out()
    {
        int n = 40;
        string[] words = ["quiet", "sturdy", "cheap", "bright", "heavy", "small", "fast", "clean"];
        var table = Table(
            TableColumn.Categorical("review", Enumerable.Range(0, n).Select(i => i == 3 ? null : (string?)$"a {words[i % 8]} and {words[(i / 8) % 8]} lamp, item {i}").ToArray()),
            TableColumn.Categorical("address", Enumerable.Range(0, n).Select(i => (string?)$"{100 + i} MAIN ST").ToArray()),
            TableColumn.Categorical("y", Enumerable.Range(0, n).Select(i => (string?)(i % 2 == 0 ? "good" : "bad")).ToArray()));

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Equal([new FeatureColumn("review", ColumnKind.Text)], problem.Schema.Features);
        Assert.Equal(
        [
            "Positive class: 'good' (the second by name order; --positive-class bad chooses the other). AUC, F1 and the probability are those of 'good'.",
            "Column 'review' holds free text (39 distinct values, 7 words on average): its words and letter trigrams are counted as features (ML.NET's FeaturizeText).",
            "Column 'review': 1 missing value (2.5%) read as empty texts.",
            "Column 'address' has a different text in every row (an identifier?) and was ignored.",
        ], problem.Notes);
    }

    [Fact]
    public void NoFeaturesAfterAnIdentifierColumnSaysWhyAndWhatToDo()
    {
        // A name and a label: too varied for categories, too short for free text (a document column is read as text).
        int n = 30;
        var names = Table(
            TableColumn.Categorical("Name", Enumerable.Range(0, n).Select(i => (string?)$"Person {i}").ToArray()),
            TableColumn.Categorical("class-att", Enumerable.Range(0, n).Select(i => (i % 2).ToString()).ToArray()));

        var message = Assert.Throws<CliException>(() => TabularProblem.Create(names, "class-att", null, new HashSet<string>())).Message;

        Assert.Equal("t.csv: no feature columns are left besides label 'class-att'. Column 'Name' was left out: too varied to one-hot encode as categories, "
            + "and too short to read as free text (that takes 4 words a value on average, mostly letters). "
            + "Add numeric or category columns, or make features from the text in code (ML.NET's FeaturizeText) before the trainer.", message);
    }
}
