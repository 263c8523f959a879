using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>Files read with user-named missing values (<c>--missing-values</c>) through <see cref="CsvTable.Load"/>.</summary>
public sealed class MarkedRecordReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>40 rows: x with -999 in every 5th, vote with '?' in every 4th, count with 'unknown' in every 10th, class with '?' in row 7.</summary>
    private string File()
    {
        var rows = Enumerable.Range(0, 40).Select(i =>
            $"{(i % 5 == 0 ? "-999" : $"{i}.5")},{(i % 4 == 0 ? "?" : i % 2 == 0 ? "y" : "n")},{(i % 10 == 3 ? "unknown" : $"{i % 7}")},{(i == 7 ? "?" : i % 3 == 0 ? "a" : "b")}");
        return _dir.Write("m.csv", "x,vote,count,class\n" + string.Join("\n", rows) + "\n");
    }

    private static MissingValues Markers(string option) => MissingValues.Parse([option], out _)!.ForLabel("class");

    [Fact]
    public void NamedValuesReadAsBlanksInEveryColumnButTheLabel()
    {
        var table = CsvTable.Load(File(), markers: Markers("?,-999,unknown"));

        var x = table.Require("x", "x");
        Assert.Equal(ColumnKind.Numeric, x.Kind);
        Assert.Equal(8, x.MissingCount);
        Assert.True(float.IsNaN(x.Numbers![5]));
        var vote = table.Require("vote", "vote");
        Assert.Equal(10, vote.MissingCount);
        Assert.Null(vote.Texts![4]);
        Assert.DoesNotContain("?", vote.Texts);
        // 10 % of the values were 'unknown': without the marker the column is a category column.
        Assert.Equal(ColumnKind.Numeric, table.Require("count", "count").Kind);
        Assert.Equal(ColumnKind.Categorical, CsvTable.Load(File()).Require("count", "count").Kind);
        Assert.Equal("?", table.Require("class", "class").Texts![7]);
        Assert.Equal("Read as missing (--missing-values): '?', '-999', 'unknown' in every column but the label.", table.Notes[0]);
        Assert.Contains("Label column 'class' holds '?' in 1 row: --missing-values applies to the other columns, so the label keeps it as a class. "
            + "To skip those rows as unlabelled, name the label column: --missing-values \"class=?\".", table.Notes);
    }

    [Fact]
    public void TheMissingCategoryIsTheBlanksOneAndTheModelKeepsTheList()
    {
        var markers = Markers("?,-999,unknown,class=?");

        var problem = TabularProblem.Create(CsvTable.Load(File(), markers: markers), "class", null, new HashSet<string>());

        Assert.Equal(39, problem.Table.RowCount);
        Assert.Contains("1 of 40 rows have no value in label column 'class' and were skipped.", problem.Notes);
        Assert.Contains("Column 'vote': 10 missing values (25.6%) treated as a category of their own.", problem.Notes);
        Assert.DoesNotContain(problem.Notes, n => n.StartsWith("Missing-value markers"));
        Assert.Same(markers, problem.Schema.MissingValues);
        Assert.Equal(["a", "b"], problem.Schema.Classes);
    }

    [Fact]
    public void AColumnTheFileLacksIsAnError()
    {
        var error = Assert.Throws<CliException>(() => CsvTable.Load(File(), markers: Markers("?,plas=0")));

        Assert.Equal($"--missing-values names column 'plas', which {_dir.File("m.csv")} does not have; its columns are: x, vote, count, class.", error.Message);
    }

    [Fact]
    public void ATypedParquetNumberMatchesByValue()
    {
        var csv = "x,y\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{(i % 4 == 0 ? "-999" : $"{i}.25")},{i % 2}")) + "\n";
        var path = TestParquet.FromCsv(csv, _dir.File("t.parquet"));

        var x = CsvTable.Load(path, markers: MissingValues.Parse(["-999.0"], out _)!.ForLabel("y")).Require("x", "x");

        Assert.Equal(5, x.MissingCount);
        Assert.Equal(1.25f, x.Numbers![1]);
        Assert.Equal(0, CsvTable.Load(path).Require("x", "x").MissingCount);
    }
}
