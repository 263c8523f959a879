using System.Text;
using Microsoft.ML;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>Bad input as it shows up in big files: one broken row deep in the file, a file cut short, stray texts, too many categories.</summary>
public sealed class CsvTableBadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>"x,y,label" rows; row r (0-based) is on line r + 2.</summary>
    private string Write(int rows, Func<int, string>? line = null, string tail = "\n")
    {
        var text = new StringBuilder("x,y,label\n");
        for (int r = 0; r < rows; r++) text.Append(line?.Invoke(r) ?? $"{r % 7},{r % 3}.5,{(r % 2 == 0 ? "a" : "b")}").Append(r == rows - 1 ? tail : "\n");
        return _dir.Write("t.csv", text.ToString());
    }

    [Fact]
    public void AMalformedRowDeepInTheFileIsNamedByLineAndColumn()
    {
        // 987,653 good rows, then line 987,654 is missing its label; found after the sample that chose the types.
        var path = Write(990_000, r => r == 987_652 ? "1,2" : "1,2,a");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path));

        Assert.Equal($"{path} line 987654: 2 fields, but the header has 3 columns. Column 'label' has no value; --skip-bad-rows skips such rows.", error.Message);
    }

    [Fact]
    public void SkipBadRowsLeavesThemOutAndSaysWhich()
    {
        var path = Write(50, r => r is 10 or 30 ? "1,2,a,extra" : $"{r},1,a");

        var table = CsvTable.Load(path, skipBadRows: true);

        Assert.Equal(48, table.RowCount);
        Assert.DoesNotContain(12, table.LineNumbers);
        Assert.DoesNotContain(32, table.LineNumbers);
        Assert.Contains("2 malformed or unreadable rows were skipped (--skip-bad-rows): lines 12, 32.", table.Notes);
    }

    [Fact]
    public void AFileCutShortMidRowIsReportedAsSuch()
    {
        var path = Write(20, r => r == 19 ? "0.5" : "1,2,a", tail: "");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path));

        Assert.Equal($"{path} line 21: the file ends in the middle of a row (1 of 3 fields, column 'y' has no value); it looks cut short.", error.Message);
    }

    [Fact]
    public void AFewStrayTextsInANumericColumnAreMissingValuesAndReported()
    {
        var path = Write(1_000, r => r == 500 ? "n/a?,1,a" : r == 700 ? "--,1,b" : $"{r},1,a");

        var table = CsvTable.Load(path);

        var x = table.Require("x", "test");
        Assert.Equal(ColumnKind.Numeric, x.Kind);
        Assert.True(float.IsNaN(x.Numbers![500]));
        Assert.Equal(2, x.MissingCount);
        Assert.Contains("Column 'x' is numeric but 2 values are not a number and were read as missing: line 502 'n/a?', line 702 '--'.", table.Notes);
    }

    [Fact]
    public void ATextAfterTheSampleInANumericColumnIsAMissingValueToo()
    {
        int row = ColumnSniffer.SampleRows + 500;
        var path = Write(ColumnSniffer.SampleRows + 1_000, r => r == row ? "oops,1,a" : $"{r % 10},1,a");

        var table = CsvTable.Load(path);

        Assert.Equal(ColumnKind.Numeric, table.Require("x", "test").Kind);
        Assert.Contains($"Column 'x' is numeric but 1 value is not a number and was read as missing: line {row + 2} 'oops'.", table.Notes);
    }

    [Fact]
    public void ManyTextsAfterTheSampleInANumericColumnAreAnError()
    {
        int first = ColumnSniffer.SampleRows;
        var path = Write(ColumnSniffer.SampleRows + 500, r => r >= first ? "word,1,a" : $"{r % 10},1,a");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path));

        Assert.StartsWith($"{path} line {first + 2}: column 'x' held numbers in its first rows but holds 'word' here; 500 of its 10,500 values are not numbers", error.Message);
    }

    [Fact]
    public void AByteOrderMarkIsNotPartOfTheFirstColumnName()
    {
        var path = _dir.File("bom.csv");
        File.WriteAllText(path, "a,b\n1,2\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("a", CsvTable.Load(path).Columns[0].Name);
    }

    [Fact]
    public void ATextColumnWithThousandsOfValuesIsCappedNotBlindlyOneHotEncoded()
    {
        // 2,000 distinct values over 6,000 rows: categories, but too many to one-hot in full.
        var path = Write(6_000, r => $"{r % 5},{r % 2000}x,{(r % 3 == 0 ? "a" : "b")}");
        var table = CsvTable.Load(path);
        var problem = TabularProblem.Create(table, "label", null, new HashSet<string>());

        var data = PreparedData.FromProblem(new MLContext(seed: 1), problem, 0.2, 1, "");

        // The default cap for 6,000 rows is 1,000.
        Assert.Contains(problem.Notes, n => n.StartsWith("Column 'y' has 2,000 distinct texts: its 1,000 most frequent categories are one-hot encoded"));
        var features = data.Train.Schema["Features"].Type as Microsoft.ML.Data.VectorDataViewType;
        Assert.Equal(1 + 1000, features!.Size);
    }

    [Fact]
    public void FreeTextIsLeftOutAndSaid()
    {
        var path = Write(4_000, r => $"{r % 5},id{r % 3000},{(r % 3 == 0 ? "a" : "b")}");
        var problem = TabularProblem.Create(CsvTable.Load(path), "label", null, new HashSet<string>());

        Assert.DoesNotContain(problem.Schema.Features, f => f.Name == "y");
        Assert.Contains(problem.Notes, n => n.StartsWith("Column 'y' has 3,000 distinct texts in 4,000 values (free text or an identifier?) and was ignored"));
    }
}
