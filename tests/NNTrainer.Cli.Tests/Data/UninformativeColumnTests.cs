using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class UninformativeColumnTests
{
    private static CsvTable Table(params TableColumn[] columns) => new("t.csv", columns, [.. Enumerable.Range(2, columns[0].Length)]);

    private static string[] Labels(int rows) => [.. Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "a" : "b")];

    [Fact]
    public void ConstantColumnsAreNamedAndLeftOut()
    {
        var table = Table(
            TableColumn.Numeric("x", [.. Enumerable.Range(0, 30).Select(i => (float)(i % 5))]),
            TableColumn.Numeric("pixels", [.. Enumerable.Range(0, 30).Select(i => i % 4 == 0 ? float.NaN : 9f)]),
            TableColumn.Categorical("site", [.. Enumerable.Repeat("north", 30)]),
            TableColumn.Categorical("blank or one", [.. Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? null : "one")]),
            TableColumn.Categorical("y", Labels(30)));

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Equal(["x", "blank or one"], problem.Schema.Features.Select(f => f.Name));
        Assert.Contains("Column 'pixels' holds one value ('9') in every row that has one (the missing ones would be filled with it), so it cannot tell rows apart and was left out of the features.", problem.Notes);
        Assert.Contains("Column 'site' holds one value ('north') in every row, so it cannot tell rows apart and was left out of the features.", problem.Notes);
    }

    [Fact]
    public void OnlyConstantColumnsIsAnErrorThatSaysSo()
    {
        var table = Table(TableColumn.Numeric("k", [.. Enumerable.Repeat(3f, 10)]), TableColumn.Categorical("y", Labels(10)));

        var error = Assert.Throws<CliException>(() => TabularProblem.Create(table, "y", null, new HashSet<string>()));

        Assert.Equal("t.csv: no feature columns are left besides label 'y'. Column 'k' holds one value in every row, which tells no row from another.", error.Message);
    }

    [Theory]
    [InlineData(1001, 1, "Column 'order' rises in every row (1001, 1002, 1003, …: a row number or id?)")]
    [InlineData(500, -3, "Column 'order' falls in every row (500, 497, 494, …: a row number or id?)")]
    [InlineData(1, 1, "Column 'order' counts the rows (1, 2, 3, …: a row number or id?)")]
    public void WholeNumbersRisingOrFallingInEveryRowAreNotedAsAnId(int first, int step, string note)
    {
        var table = Table(
            TableColumn.Numeric("order", [.. Enumerable.Range(0, 30).Select(i => (float)(first + step * i))]),
            TableColumn.Numeric("x", [.. Enumerable.Range(0, 30).Select(i => (float)(i % 5))]),
            TableColumn.Categorical("y", Labels(30)));

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Contains(note + "; it is used as a feature, so pass --ignore order if it only identifies rows.", problem.Notes);
    }

    [Fact]
    public void AMeasurementThatTurnsIsNoId()
    {
        var column = TableColumn.Numeric("age", [.. Enumerable.Range(0, 30).Select(i => (float)(20 + i + (i == 15 ? -3 : 0)))]);

        Assert.False(RowNumberColumn.IsMonotonic(column));
    }
}
