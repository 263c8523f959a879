using NNTrainer.Cli;
using System.Text;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>A column empty in the rows the types are guessed from takes its type from its first value.</summary>
public sealed class DeferredColumnTests
{
    private static string File(TempDirectory dir, string name, int emptyRows, IEnumerable<string> later)
    {
        var text = new StringBuilder("y,x\n");
        for (int i = 0; i < emptyRows; i++) text.Append(i % 2).Append(",\n");
        int row = 0;
        foreach (var value in later) text.Append(row++ % 2).Append(',').Append(value).Append('\n');
        return dir.Write(name, text.ToString());
    }

    [Fact]
    public void TextAfterAnEmptySampleMakesATextColumn()
    {
        using var dir = new TempDirectory();
        var path = File(dir, "late-text.csv", ColumnSniffer.SampleRows + 5, ["red", "", "blue", "NA"]);

        var x = CsvTable.Load(path).Require("x", "test");

        Assert.NotNull(x.Texts);
        Assert.Equal(ColumnSniffer.SampleRows + 9, x.Length);
        Assert.All(Enumerable.Range(0, ColumnSniffer.SampleRows + 5), r => Assert.Null(x.TextAt(r)));
        Assert.Equal(["red", null, "blue", "NA"], Enumerable.Range(ColumnSniffer.SampleRows + 5, 4).Select(x.TextAt));
    }

    [Fact]
    public void NumbersAfterAnEmptySampleMakeANumericColumn()
    {
        using var dir = new TempDirectory();
        var path = File(dir, "late-numbers.csv", ColumnSniffer.SampleRows, ["1.5", "", "-2"]);

        var x = CsvTable.Load(path).Require("x", "test");

        Assert.NotNull(x.Numbers);
        Assert.Equal([1.5f, float.NaN, -2f], x.Numbers![ColumnSniffer.SampleRows..]);
    }

    [Fact]
    public void TextAfterLateNumbersSaysTheColumnWasEmptyInItsFirstRows()
    {
        using var dir = new TempDirectory();
        var path = File(dir, "late-mixed.csv", ColumnSniffer.SampleRows, ["3", .. Enumerable.Repeat("word", 200)]);

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path));

        Assert.Contains($"column 'x' was empty in its first {ColumnSniffer.SampleRows:N0} rows, then its first value was a number, so it is numeric, but it holds 'word' here", error.Message);
        Assert.Contains("--ignore x", error.Message);
    }
}
