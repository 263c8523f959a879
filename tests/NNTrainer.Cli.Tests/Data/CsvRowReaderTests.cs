using System.Text;
using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class CsvRowReaderTests
{
    /// <summary>Every record's fields and line, each checked against the header's shape.</summary>
    private static (string[] Header, List<string[]> Rows, List<int> Lines) ReadAll(string text, bool skip = false)
    {
        using var reader = new CsvRowReader("f.csv", new StringReader(text));
        var badRows = new BadRows("f.csv", reader.Header, skip);
        var rows = new List<string[]>();
        var lines = new List<int>();
        while (reader.Read())
        {
            if (!badRows.Accept(reader)) continue;
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.Field(i).ToString()).ToArray());
            lines.Add(reader.Line);
        }
        return (reader.Header, rows, lines);
    }

    [Fact]
    public void QuotedFieldsMayHoldCommasQuotesAndLineBreaks()
    {
        var (header, rows, lines) = ReadAll("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\n\nb,\"two\nlines\"\n");

        Assert.Equal(["name", "note"], header);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Smith, J", "said \"hi\""], rows[0]);
        Assert.Equal(["b", "two\nlines"], rows[1]);
        Assert.Equal([2, 4], lines);
    }

    [Fact]
    public void EmptyFieldsAndMissingFinalNewline()
    {
        var (_, rows, _) = ReadAll("a,b,c\n1,,3\n,,");

        Assert.Equal(["1", "", "3"], rows[0]);
        Assert.Equal(["", "", ""], rows[1]);
    }

    [Fact]
    public void FieldsLongerThanTheReadBufferArriveWhole()
    {
        var plain = new string('x', 150_000);
        var quoted = new string('y', 100_000) + "\"" + new string('z', 70_000);

        var (_, rows, lines) = ReadAll($"a,b\n{plain},\"{quoted.Replace("\"", "\"\"")}\"\n1,2\n");

        Assert.Equal([plain, quoted], rows[0]);
        Assert.Equal(["1", "2"], rows[1]);
        Assert.Equal([2, 3], lines);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", "f.csv line 3: 1 field, but the header has 2 columns. Column 'b' has no value; --skip-bad-rows skips such rows.")]
    [InlineData("a,b\n1,2\n\n\n3,4,5\n", "f.csv line 5: 3 fields, but the header has 2 columns. The row goes on after the last column 'b'; --skip-bad-rows skips such rows.")]
    [InlineData("a,b,c\n1,2,3\n4,5", "f.csv line 3: the file ends in the middle of a row (2 of 3 fields, column 'c' has no value); it looks cut short.")]
    [InlineData("a,b\n\"1,2\n", "f.csv line 2: a quoted field is never closed.")]
    [InlineData("a,b\n\"1\"x,2\n", "f.csv line 2: text after a closing quote; quote the whole field.")]
    [InlineData("a,b\n1,2\"3\n", "f.csv line 2: a quote (\") inside an unquoted field; quote the whole field and double the quote.")]
    [InlineData("a,b,a\n1,2,3\n", "f.csv: the header names column 'a' twice.")]
    [InlineData("\n\n", "f.csv is empty: a header row with column names is expected.")]
    public void MalformedFilesAreReportedWithTheirLine(string text, string message)
    {
        var error = Assert.Throws<CliException>(() => ReadAll(text));
        Assert.Equal(message, error.Message);
        Assert.Equal(ExitCodes.DataError, error.ExitCode);
    }

    [Fact]
    public void SkippingBadRowsCountsThemAndKeepsTheRest()
    {
        using var reader = new CsvRowReader("f.csv", new StringReader("a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n11"));
        var badRows = new BadRows("f.csv", reader.Header, skip: true);
        var kept = new List<int>();
        while (reader.Read())
        {
            if (badRows.Accept(reader)) kept.Add(reader.Line);
        }

        Assert.Equal([2, 4, 6], kept);
        Assert.Equal(3, badRows.Count);
        Assert.Equal("3 malformed or unreadable rows were skipped (--skip-bad-rows): lines 3, 5, 7.", badRows.Note());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"x\"", "\"say \"\"x\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void EscapeQuotesOnlyWhenNeeded(string value, string expected)
    {
        var text = new StringBuilder();
        CsvRowReader.AppendEscaped(text, value);
        Assert.Equal(expected, text.ToString());
    }
}
