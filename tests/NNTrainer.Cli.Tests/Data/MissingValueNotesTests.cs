using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class MissingValueNotesTests
{
    private static CsvTable Table(params TableColumn[] columns) =>
        new("t.csv", columns, Enumerable.Range(2, columns[0].Length).ToArray());

    /// <summary>A numeric column with a blank in the given rows.</summary>
    private static TableColumn Numeric(string name, int rows, params int[] blanks) =>
        TableColumn.Numeric(name, Enumerable.Range(0, rows).Select(i => blanks.Contains(i) ? float.NaN : i * 0.5f).ToArray());

    private static TableColumn Label(int rows) => TableColumn.Numeric("y", Enumerable.Range(0, rows).Select(i => (float)(i % 7)).ToArray());

    [Fact]
    public void Eight_columns_with_blanks_keep_a_note_each()
    {
        var columns = Enumerable.Range(0, 8).Select(c => Numeric($"x{c}", 40, c)).Append(Label(40)).ToArray();

        var notes = TabularProblem.Create(Table(columns), "y", null, new HashSet<string>()).Notes;

        Assert.Equal(8, notes.Count(n => n.StartsWith("Column 'x", StringComparison.Ordinal) && n.EndsWith("replaced by the training mean.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Fifty_year_columns_with_blanks_make_one_note_with_the_range_of_shares()
    {
        var years = Enumerable.Range(1960, 50).Select(year => Numeric($"{year}", 40, year == 1961 ? [0, 1, 2] : [0, 1])).ToList();
        var columns = years.Append(TableColumn.Categorical("region", Enumerable.Range(0, 40).Select(i => i == 3 ? null : (i % 2 == 0 ? "a" : "b")).ToArray())).Append(Label(40)).ToArray();

        var notes = TabularProblem.Create(Table(columns), "y", null, new HashSet<string>()).Notes;

        Assert.DoesNotContain(notes, n => n.StartsWith("Column '19", StringComparison.Ordinal));
        Assert.Contains("50 numeric columns have missing values (5–7.5% of the rows each), replaced by the training mean: '1960', '1961', '1962' and 47 more.", notes);
        Assert.Contains("1 category column has missing values (2.5% of the rows), treated as a category of their own: 'region'.", notes);
    }
}
