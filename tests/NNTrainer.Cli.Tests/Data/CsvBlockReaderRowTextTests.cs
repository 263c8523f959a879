using System.Text;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Tests.Support;
using Microsoft.ML;

namespace NNTrainer.Cli.Tests.Data;

public sealed class CsvBlockReaderRowTextTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void EachRowsTextIsItsFieldsEscapedAgainInUtf8AcrossBlocks()
    {
        // Plain rows, quoted commas and quotes, a line break inside quotes, accents, a surrogate pair, CRLF endings and
        // a row longer than the reader's buffers, over more rows than one block holds.
        string[] plans = ["basic", "\"a, \"\"quoted\"\" plan\"", "prémium ünï", "rocket 🚀 plan", "\"two\nlines\"", new string('x', 70_000) + "é"];
        var random = new Random(5);
        var text = new StringBuilder("age,income,plan,churned\n");
        for (int i = 0; i < CsvBlockReader.BlockRows + 900; i++)
        {
            var plan = plans[i % 97 == 0 ? 5 : random.Next(5)];
            text.Append($"{18 + i % 50},{(i % 13 == 0 ? "NA" : (i % 70).ToString())},{plan},{(i % 2 == 0 ? "yes" : "no")}");
            text.Append(i % 7 == 0 ? "\r\n" : "\n");
        }
        var csv = Path.Combine(models.Directory, "row-text.csv");
        File.WriteAllText(csv, text.ToString(), new UTF8Encoding(false));
        var expected = ExpectedRowTexts(csv);

        var model = ModelFile.Load(models.BinaryModel, new MLContext(seed: 0));
        using var reader = new CsvBlockReader(csv, model.Schema, labelRequired: false, keepText: true, skipBadRows: false);
        int row = 0, blocks = 0;
        while (reader.ReadBlock() is { } block)
        {
            blocks++;
            for (int r = 0; r < block.RowCount; r++, row++)
            {
                Assert.True(expected[row].AsSpan().SequenceEqual(reader.RowText(r)), $"row {row}: '{Encoding.UTF8.GetString(reader.RowText(r))}'");
            }
        }

        Assert.Equal(expected.Count, row);
        Assert.Equal(2, blocks);
    }

    /// <summary>The oracle: every record's fields from the row reader, each escaped as CSV again, joined by commas.</summary>
    private static List<byte[]> ExpectedRowTexts(string csv)
    {
        var rows = new List<byte[]>();
        using var reader = TableFile.OpenCsv(csv);
        while (reader.Read())
        {
            var line = new StringBuilder();
            for (int c = 0; c < reader.FieldCount; c++)
            {
                if (c > 0) line.Append(',');
                CsvRowReader.AppendEscaped(line, reader.Field(c));
            }
            rows.Add(Encoding.UTF8.GetBytes(line.ToString()));
        }
        return rows;
    }
}
