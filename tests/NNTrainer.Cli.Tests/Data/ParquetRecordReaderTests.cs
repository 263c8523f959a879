using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;
using Parquet.Schema;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>Parquet files read as text records, row group by row group, with CSV's inference and error rules.</summary>
public sealed class ParquetRecordReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TypedColumnsReadAsTheTextACsvFileWouldHold()
    {
        var path = _dir.File("typed.parquet");
        DataField[] fields = [new DataField<float>("f"), new DataField<double?>("d"), new DataField<int>("i"), new DataField<bool?>("b"), new DataField<string>("s")];
        TestParquet.Write(path, fields, rows: 5, groupRows: 3, (group, field, c, start, count) => c switch
        {
            0 => group.WriteAsync<float>(field, new[] { 0.1f, -2.5f, 3e-8f, 1f, 7f }.AsMemory(start, count)),
            1 => group.WriteAsync<double>(field, new double?[] { 0.1, null, 1e300, -0.0, 2 }.AsMemory(start, count)),
            2 => group.WriteAsync<int>(field, new[] { 1, -2, 3, 4, int.MaxValue }.AsMemory(start, count)),
            3 => group.WriteAsync<bool>(field, new bool?[] { true, false, null, true, false }.AsMemory(start, count)),
            _ => group.WriteAsync(field, new[] { "a", "b,c", null!, "say \"hi\"", "" }.Skip(start).Take(count).ToArray()),
        });

        using var reader = ParquetRecordReader.Open(path);
        Assert.Equal(["f", "d", "i", "b", "s"], reader.Header);
        var rows = new List<(int Line, string[] Fields, bool Plain)>();
        while (reader.Read()) rows.Add((reader.Line, Enumerable.Range(0, reader.FieldCount).Select(c => reader.Field(c).ToString()).ToArray(), reader.IsPlain));
        // The last row's fields joined by commas: what predict copies to a CSV output when no field needs quoting.
        Assert.Equal("7,2,2147483647,false,", reader.PlainRecord.ToString());

        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Line));
        Assert.Equal(["0.1", "0.1", "1", "true", "a"], rows[0].Fields);
        Assert.Equal(["-2.5", "", "-2", "false", "b,c"], rows[1].Fields);
        Assert.Equal(["3E-08", "1E+300", "3", "", ""], rows[2].Fields);
        Assert.Equal(["1", "-0", "4", "true", "say \"hi\""], rows[3].Fields);
        Assert.Equal(["7", "2", "2147483647", "false", ""], rows[4].Fields);
        Assert.Equal([true, false, true, false, true], rows.Select(r => r.Plain));
        Assert.Equal("row 4 (row group 2, row 1 of the group)", reader.Locator.Describe(4));
    }

    [Fact]
    public void TheSameTableAsCsvAndAsParquetLoadsTheSame()
    {
        var csvText = TestCsv.Multiclass(rows: 300);
        var csv = CsvTable.Load(_dir.Write("m.csv", csvText));
        var parquet = CsvTable.Load(TestParquet.FromCsv(csvText, _dir.File("m.parquet"), groupRows: 64));

        Assert.Equal(csv.RowCount, parquet.RowCount);
        Assert.Equal(csv.Columns.Select(c => (c.Name, c.Kind, c.IsBoolean)), parquet.Columns.Select(c => (c.Name, c.Kind, c.IsBoolean)));
        for (int c = 0; c < csv.Columns.Count; c++)
        {
            if (csv.Columns[c].Numbers is { } numbers) Assert.Equal(numbers, parquet.Columns[c].Numbers!);
            else Assert.Equal(csv.Columns[c].Texts!, parquet.Columns[c].Texts!);
        }
        Assert.Equal(Enumerable.Range(1, 300), parquet.LineNumbers);
    }

    [Fact]
    public void StrayTextsInANumericColumnAreNamedByRowAndRowGroup()
    {
        var text = "x,label\n" + string.Concat(Enumerable.Range(0, 1_000).Select(r => $"{(r == 500 ? "n/a?" : r == 700 ? "--" : r.ToString())},{r % 2}\n"));
        var path = TestParquet.FromCsv(text, _dir.File("strays.parquet"), groupRows: 256);

        var table = CsvTable.Load(path);

        Assert.Equal(ColumnKind.Numeric, table.Find("x")!.Kind);
        Assert.Contains("Column 'x' is numeric but 2 values are not a number and were read as missing: " +
            "row 501 (row group 2, row 245 of the group) 'n/a?', row 701 (row group 3, row 189 of the group) '--'.", table.Notes);
    }

    [Fact]
    public void ManyStrayTextsAfterTheSampleAreAnErrorNamingRowGroupRowAndColumn()
    {
        var text = "x,label\n" + string.Concat(Enumerable.Range(0, 10_300).Select(r => $"{(r >= 10_100 ? "text" : r.ToString())},{r % 2}\n"));
        var path = TestParquet.FromCsv(text, _dir.File("many.parquet"), groupRows: 4096);

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path));

        Assert.StartsWith($"{path} row 10101 (row group 3, row 1909 of the group): column 'x' held numbers in its first rows but holds 'text' here;", error.Message);
    }

    [Fact]
    public void AFileCutShortIsAClearError()
    {
        var path = TestParquet.FromCsv(TestCsv.Binary(), _dir.File("whole.parquet"));
        var bytes = File.ReadAllBytes(path);
        var cut = _dir.File("cut.parquet");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CliException>(() => CsvTable.Load(cut));

        Assert.StartsWith($"{cut}: not a readable Parquet file (", error.Message);
        Assert.EndsWith("it may be cut short or not Parquet at all.", error.Message);
    }

    [Fact]
    public void AListColumnIsRefusedByName()
    {
        var path = _dir.File("list.parquet");
        DataField[] fields = [new DataField<int>("id"), new DataField<int[]>("tags")];
        Assert.True(fields[1].IsArray);
        var error = Record.Exception(() => TestParquet.Write(path, fields, 1, 1, (g, f, c, s, n) =>
            c == 0 ? g.WriteAsync<int>(f, new[] { 1 }) : g.WriteAsync<int>(f, new[] { 1, 2 }, new[] { 0, 1 })));
        Assert.Null(error);

        var refused = Assert.Throws<CliException>(() => CsvTable.Load(path));

        Assert.Equal($"{path}: column 'tags' is a list; only flat columns of numbers, Booleans, text and dates can be read. Flatten it first.", refused.Message);
    }
}
