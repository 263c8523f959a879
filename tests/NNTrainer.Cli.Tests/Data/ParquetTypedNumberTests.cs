using System.Globalization;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;
using Parquet.Schema;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// Parquet's typed fast path: numeric columns go into the column builders as floats without being rendered as text,
/// and must give exactly the floats (and the stray-value rules) the text path gives.
/// </summary>
public sealed class ParquetTypedNumberTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Doubles next to the halfway point between two floats, where converting and parsing the text can differ, and other edges.</summary>
    private static double[] HardDoubles()
    {
        var values = new List<double> { 0, -0.0, 1e300, -1e300, 3.4028235677973366E+38, 1e-40, -1e-45, 1.4e-45, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1, 1.0 / 3 };
        var random = new Random(5);
        for (int i = 0; i < 2_000; i++)
        {
            float f = (float)(random.NextDouble() * Math.Pow(10, random.Next(-30, 30)) * (random.Next(2) == 0 ? -1 : 1));
            double midpoint = ((double)f + MathF.BitIncrement(f)) / 2;
            values.AddRange([midpoint, Math.BitIncrement(midpoint), Math.BitDecrement(midpoint), f, random.NextDouble() * 1e6 - 5e5]);
        }
        return values.ToArray();
    }

    [Fact]
    public void TypedNumbersAreTheFloatsTheirTextParsesTo()
    {
        var doubles = HardDoubles();
        long[] longs = [0, -1, 16_777_217, -16_777_219, 9_007_199_254_740_993, long.MaxValue, long.MinValue, 123_456_789_012];
        int rows = doubles.Length;
        var longValues = Enumerable.Range(0, rows).Select(r => r % 11 == 3 ? (long?)null : unchecked(longs[r % longs.Length] + r)).ToArray();
        var path = _dir.File("typed.parquet");
        DataField[] fields = [new DataField<double?>("d"), new DataField<float>("f"), new DataField<long?>("l"), new DataField<int>("i"), new DataField<byte>("b")];
        TestParquet.Write(path, fields, rows, groupRows: 3_000, (group, field, c, start, count) => c switch
        {
            0 => group.WriteAsync<double>(field, doubles.Select((d, r) => r % 97 == 5 ? (double?)null : d).ToArray().AsMemory(start, count)),
            1 => group.WriteAsync<float>(field, doubles.Select(d => (float)d).ToArray().AsMemory(start, count)),
            2 => group.WriteAsync<long>(field, longValues.AsMemory(start, count)),
            3 => group.WriteAsync<int>(field, Enumerable.Range(0, rows).Select(r => r * 7919 - 40_000_000).ToArray().AsMemory(start, count)),
            _ => group.WriteAsync<byte>(field, Enumerable.Range(0, rows).Select(r => (byte)r).ToArray().AsMemory(start, count)),
        });

        using var reader = ParquetRecordReader.Open(path);
        var typed = new int[fields.Length];
        while (reader.Read())
        {
            for (int c = 0; c < reader.FieldCount; c++)
            {
                if (!reader.TryNumber(c, out float value)) continue;
                typed[c]++;
                var text = reader.Field(c).Trim();
                if (!ColumnSniffer.TryNumber(text, out float parsed))
                {
                    Assert.True(ColumnSniffer.IsMissing(text), $"row {reader.Line} column {c}: '{text}' is a stray on the text path, but typed {value}");
                    parsed = float.NaN;
                }
                Assert.True(BitConverter.SingleToInt32Bits(parsed) == BitConverter.SingleToInt32Bits(value) || (float.IsNaN(parsed) && float.IsNaN(value)),
                    $"row {reader.Line} column {c}: text '{text}' parses to {parsed:R}, typed {value:R}");
            }
        }
        // Only the values the text path must judge take it: infinities and overflows, doubles next to a halfway point
        // (three in five of the hard doubles are made so), longs beyond 2^53.
        Assert.Equal([rows - doubles.Count(d => float.IsInfinity((float)d)), rows, rows], new[] { typed[1], typed[3], typed[4] });
        Assert.InRange(typed[0], rows * 2 / 5 - 20, rows / 2);
        var exactLongs = longValues.Count(v => v is null || Math.Abs((double)v.Value) <= 9_007_199_254_740_992);
        Assert.Equal(exactLongs, typed[2]);
    }

    [Fact]
    public void BeyondTheSampleTheTypedPathLoadsWhatTheCsvLoads()
    {
        // 12,000 rows: the first 10,000 are read as text to infer the types, the rest go through the typed path.
        var random = new Random(9);
        var lines = new List<string> { "x,n,label" };
        var x = new double?[12_000];
        var n = new int?[12_000];
        for (int r = 0; r < x.Length; r++)
        {
            x[r] = r == 11_000 ? double.PositiveInfinity : r % 500 == 7 ? null : r == 11_500 ? double.NaN : random.NextDouble() * 200 - 100;
            n[r] = r % 301 == 0 ? null : random.Next(-1_000, 1_000);
            lines.Add($"{x[r]?.ToString("R", CultureInfo.InvariantCulture)},{n[r]},{r % 3}");
        }
        var csv = CsvTable.Load(_dir.Write("t.csv", string.Join("\n", lines) + "\n"));
        var path = _dir.File("t.parquet");
        DataField[] fields = [new DataField<double?>("x"), new DataField<int?>("n"), new DataField<string>("label")];
        TestParquet.Write(path, fields, x.Length, groupRows: 4_096, (group, field, c, start, count) => c switch
        {
            0 => group.WriteAsync<double>(field, x.AsMemory(start, count)),
            1 => group.WriteAsync<int>(field, n.AsMemory(start, count)),
            _ => group.WriteAsync(field, Enumerable.Range(start, count).Select(r => (r % 3).ToString(CultureInfo.InvariantCulture)).ToArray()),
        });

        var parquet = CsvTable.Load(path);

        Assert.Equal(csv.Find("x")!.Numbers!, parquet.Find("x")!.Numbers!);
        Assert.Equal(csv.Find("n")!.Numbers!, parquet.Find("n")!.Numbers!);
        Assert.Equal(csv.Find("label")!.Texts!, parquet.Find("label")!.Texts!);
        // The infinity after the sample is a stray on both paths, named by its position.
        Assert.Contains(csv.Notes, note => note.StartsWith("Column 'x' is numeric but 1 value is not a number and was read as missing: line 11002 '"));
        Assert.Contains(parquet.Notes, note => note.StartsWith("Column 'x' is numeric but 1 value is not a number and was read as missing: row 11001 (row group 3, row 2809 of the group) '"));
    }

    [Fact]
    public void TheRecordIsRenderedOnlyWhenAskedForAndInAnyOrder()
    {
        var path = TestParquet.FromCsv("a,b,c\n1.5,x y,2\n-3,\"q\",\n", _dir.File("lazy.parquet"));
        using var reader = ParquetRecordReader.Open(path);

        Assert.True(reader.Read());
        Assert.True(reader.TryNumber(0, out float a));
        Assert.Equal(1.5f, a);
        Assert.False(reader.TryNumber(1, out _));
        Assert.Equal("2", reader.Field(2).ToString());
        Assert.Equal("1.5,x y,2", reader.PlainRecord.ToString());
        Assert.True(reader.IsPlain);
        Assert.Equal("x y", reader.Field(1).ToString());

        Assert.True(reader.Read());
        Assert.False(reader.IsPlain);
        Assert.Equal("-3,\"q\",", reader.PlainRecord.ToString());
        Assert.True(reader.TryNumber(2, out float missing));
        Assert.True(float.IsNaN(missing));
        Assert.Equal("", reader.Field(2).ToString());
        Assert.False(reader.Read());
    }
}
