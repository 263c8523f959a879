using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

public sealed class MissingMarkerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MarkersInANumericColumnAreMissing()
    {
        var rows = Enumerable.Range(0, 40).Select(i => $"{(i % 8) switch { 0 => "-", 1 => "?", 2 => "NA", 3 => "N/A", 4 => "null", 5 => "", _ => $"{i}.5" }},{i % 2}");
        var csv = _dir.Write("m.csv", "x,y\n" + string.Join("\n", rows) + "\n");

        var table = CsvTable.Load(csv, skipBadRows: false);

        var x = table.Require("x", "x");
        Assert.Equal(ColumnKind.Numeric, x.Kind);
        Assert.Equal(30, x.MissingCount);
        Assert.Empty(table.Notes);
    }

    [Fact]
    public void MarkersInACategoryColumnAreCountedAsTheirOwnCategory()
    {
        // 'none' is not counted: in a category column it is mostly a value of its own.
        string?[] vote = [.. Enumerable.Range(0, 20).Select(i => i % 5 == 0 ? "?" : i % 2 == 0 ? "y" : "n")];
        string?[] color = [.. Enumerable.Range(0, 20).Select(i => i == 3 ? "NA" : i == 4 ? "?" : i == 7 ? "none" : i % 2 == 0 ? "red" : "blue")];
        var table = new CsvTable("t.csv", [TableColumn.Categorical("vote", vote), TableColumn.Categorical("color", color),
            TableColumn.Categorical("y", [.. Enumerable.Range(0, 20).Select(i => i % 3 == 0 ? "a" : "b")])], [.. Enumerable.Range(2, 20)]);

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Contains("Missing-value markers in category columns are read as a category of their own (as a blank would be): 'vote' 4 '?'; 'color' 1 '?', 1 'NA'. "
            + "6 rows carry at least one. In a numeric column these markers are missing values, filled with the training mean; "
            + "--missing-values \"?,NA\" reads them as missing in category columns too (the category blanks get).", problem.Notes);
    }
}
