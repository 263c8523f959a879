using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace NNTrainer.Cli.Tests.Support;

/// <summary>
/// Parquet fixtures written by the tests themselves (Parquet.Net, no Python): the same table as a CSV text, with
/// typed columns — a column whose non-empty values are all numbers becomes a nullable double column (empty and "NA"
/// become null), any other a nullable text column — in row groups of a given size.
/// </summary>
public static class TestParquet
{
    /// <summary>Writes <paramref name="csv"/> (plain, unquoted) as a Parquet file and returns its path.</summary>
    public static string FromCsv(string csv, string path, int groupRows = 100, Func<string, bool>? keepAsText = null)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var numeric = header.Select((name, c) => !(keepAsText?.Invoke(name) ?? false)
            && rows.All(r => r[c] is "" or "NA" || double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray();
        var fields = header.Select((name, c) => numeric[c] ? (DataField)new DataField<double?>(name) : new DataField<string>(name)).ToArray();
        Write(path, fields, rows.Length, groupRows, (group, field, c, start, count) =>
        {
            var slice = rows.Skip(start).Take(count);
            if (numeric[c])
            {
                var values = slice.Select(r => r[c] is "" or "NA" ? (double?)null : double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray();
                return group.WriteAsync<double>(field, values);
            }
            return group.WriteAsync(field, slice.Select(r => r[c] == "" ? null! : r[c]).ToArray());
        });
        return path;
    }

    /// <summary>Writes columns given per row group by <paramref name="column"/>(group, field, index, first row, rows).</summary>
    public static void Write(string path, DataField[] fields, int rows, int groupRows, Func<ParquetRowGroupWriter, DataField, int, int, int, Task> column)
    {
        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        try
        {
            for (int start = 0; start < rows; start += groupRows)
            {
                int count = Math.Min(groupRows, rows - start);
                using var group = writer.CreateRowGroup();
                for (int c = 0; c < fields.Length; c++) column(group, fields[c], c, start, count).GetAwaiter().GetResult();
                group.CompleteValidate();
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Every column of a Parquet file as objects (null where missing), read with Parquet.Net.</summary>
    public static Dictionary<string, (Type Type, object?[] Values)> Read(string path)
    {
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            return ReadColumns(reader);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static Dictionary<string, (Type Type, object?[] Values)> ReadColumns(ParquetReader reader)
    {
        var result = new Dictionary<string, (Type, object?[])>();
        foreach (var field in reader.Schema.GetDataFields())
        {
            var values = new List<object?>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int n = (int)group.RowCount;
                if (field.ClrType == typeof(double)) values.AddRange(ReadAll<double>(group, field, n));
                else if (field.ClrType == typeof(float)) values.AddRange(ReadAll<float>(group, field, n));
                else if (field.ClrType == typeof(bool)) values.AddRange(ReadAll<bool>(group, field, n));
                else
                {
                    var texts = new string[n];
                    group.ReadAsync(field, texts).AsTask().GetAwaiter().GetResult();
                    values.AddRange(texts);
                }
            }
            result[field.Name] = (field.ClrType, values.ToArray());
        }
        return result;
    }

    private static IEnumerable<object?> ReadAll<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var values = new T?[rows];
        group.ReadAsync<T>(field, values).AsTask().GetAwaiter().GetResult();
        return values.Select(v => v.HasValue ? (object)v.Value : null);
    }
}
