using System.Text;
using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// The reader's one-pass path for plain lines against its general state machine: the same text read from a normal
/// reader (whole lines in the buffer, the fast path) and from a reader handing out one character at a time (no line
/// is ever whole in the buffer, so every record goes through the state machine) must give the same records.
/// </summary>
public sealed class CsvRowReaderFastPathTests
{
    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5,6\n")]
    [InlineData("a,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n")]
    [InlineData("a,b,c\n1,,3\n,,\n,,")]
    [InlineData("a,b\n1,2\r\r\n3\r,4\n")]
    [InlineData("a,b\n\"x,y\",2\n3,\"q\"\"\"\n5,6\n")]
    [InlineData("a,b\n1,2\n\n\n3,4")]
    [InlineData("a,b\n 1 , 2 \n,\n")]
    [InlineData("a,b,c,d,e,f,g,h,i,j\n1,22,333,4444,55555,666666,7777777,88888888,999999999,0\n,,,,,,,,,\n")]
    public void PlainLinesGiveTheSameRecordsAsTheStateMachine(string text) =>
        Assert.Equal(ReadAll(new StringReader(text)), ReadAll(new OneCharReader(text)));

    [Fact]
    public void RandomFilesWithQuotesBlanksAndLongLinesGiveTheSameRecords()
    {
        var random = new Random(11);
        string[] pieces = ["1", "-0.5", "", "paris", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", " x ", "12345678901234567"];
        for (int file = 0; file < 40; file++)
        {
            var text = new StringBuilder("a,b,c\n");
            for (int row = 0; row < 200; row++)
            {
                int fields = random.Next(10) == 0 ? random.Next(1, 6) : 3;
                for (int f = 0; f < fields; f++)
                {
                    if (f > 0) text.Append(',');
                    text.Append(random.Next(300) == 0 ? new string('7', random.Next(1, 70_000)) : pieces[random.Next(pieces.Length)]);
                }
                text.Append(random.Next(4) switch { 0 => "\r\n", 1 when random.Next(5) == 0 => "\n\n", _ => "\n" });
            }
            var csv = text.ToString();
            Assert.Equal(ReadAll(new OneCharReader(csv)), ReadAll(new StringReader(csv)));
        }
    }

    [Theory]
    [InlineData("a,b\n1,2\nx\"y,3\n", "line 3: a quote (\") inside an unquoted field")]
    [InlineData("a,b\n1,2\n\"x\"y,3\n", "line 3: text after a closing quote")]
    [InlineData("a,b\n1,2\n\"x,3\n", "line 3: a quoted field is never closed")]
    public void BadQuotesGiveTheSameErrorOnBothPaths(string text, string expected)
    {
        var fast = Assert.Throws<CliException>(() => ReadAll(new StringReader(text)));
        var slow = Assert.Throws<CliException>(() => ReadAll(new OneCharReader(text)));
        Assert.Contains(expected, fast.Message);
        Assert.Equal(slow.Message, fast.Message);
    }

    /// <summary>Every record as its line, plainness, record text and fields, one string each for easy comparison.</summary>
    private static List<string> ReadAll(TextReader text)
    {
        using var reader = new CsvRowReader("f.csv", text);
        var records = new List<string> { string.Join("|", reader.Header) };
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.Field(i).ToString());
            records.Add($"{reader.Line} {reader.IsPlain} {reader.EndsWithoutNewline} [{reader.PlainRecord}] {string.Join("|", fields)}");
        }
        return records;
    }

    /// <summary>A reader that hands out one character per call, so no line is ever whole in the CSV reader's buffer.</summary>
    private sealed class OneCharReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position >= text.Length || count == 0) return 0;
            buffer[index] = text[_position++];
            return 1;
        }

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Peek() => _position < text.Length ? text[_position] : -1;
    }
}
