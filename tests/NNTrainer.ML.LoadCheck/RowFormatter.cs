using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.LoadCheck;

/// <summary>
/// Writes scored rows exactly (floats as their bit patterns), so that two processes' outputs can be compared
/// bit for bit. Shared with the tests, which format their in-process scores the same way.
/// </summary>
public static class RowFormatter
{
    /// <summary>One line per column: its name, type and key values.</summary>
    public static IEnumerable<string> Types(IDataView data, IEnumerable<string> columns)
    {
        foreach (var name in columns)
        {
            var column = data.Schema[name];
            string keyValues = string.Empty;
            if (column.Annotations.Schema.GetColumnOrNull("KeyValues") is not null)
            {
                var values = default(VBuffer<ReadOnlyMemory<char>>);
                column.GetKeyValues(ref values);
                keyValues = " keyvalues=" + string.Join("|", values.DenseValues());
            }
            yield return $"{column.Name} {column.Type}{keyValues}";
        }
    }

    /// <summary>
    /// One line per visible column of the schema, in order: its name and type, then every annotation with its type and
    /// value (vectors as values joined by '|'), so that two schemas can be compared column by column, annotation by annotation.
    /// </summary>
    public static IEnumerable<string> Schema(DataViewSchema schema)
    {
        foreach (var column in schema.Where(c => !c.IsHidden))
        {
            var annotations = column.Annotations.Schema.Select(a => $"{a.Name}:{a.Type}={Annotation(column.Annotations, a)}");
            yield return string.Join(" ", new[] { column.Name, $"{column.Type}".Replace(' ', '_') }.Concat(annotations));
        }
    }

    private static string Annotation(DataViewSchema.Annotations annotations, DataViewSchema.Column annotation)
    {
        var method = typeof(RowFormatter).GetMethod(nameof(AnnotationValue), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var itemType = annotation.Type is VectorDataViewType vector ? vector.ItemType.RawType : annotation.Type.RawType;
        return (string)method.MakeGenericMethod(itemType).Invoke(null, [annotations, annotation.Name, annotation.Type is VectorDataViewType])!;
    }

    private static string AnnotationValue<T>(DataViewSchema.Annotations annotations, string name, bool isVector)
    {
        if (!isVector)
        {
            T value = default!;
            annotations.GetValue(name, ref value);
            return Format(value);
        }
        var values = default(VBuffer<T>);
        annotations.GetValue(name, ref values);
        return string.Join("|", values.DenseValues().Select(Format));
    }

    private static string Format<T>(T value) => value switch
    {
        float f => Bits(f),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };

    /// <summary>One line per row: the columns' values separated by spaces.</summary>
    public static List<string> Rows(IDataView data, IEnumerable<string> columnNames)
    {
        var columns = columnNames.Select(name => data.Schema[name]).ToArray();
        var lines = new List<string>();
        using var cursor = data.GetRowCursor(columns);
        var readers = columns.Select(c => Reader(cursor, c)).ToArray();
        while (cursor.MoveNext()) lines.Add(string.Join(" ", readers.Select(r => r())));
        return lines;
    }

    /// <summary>The double-valued properties of a metrics object, as name=value pairs.</summary>
    public static string Metrics(object metrics) => string.Join(" ", metrics.GetType().GetProperties()
        .Where(p => p.PropertyType == typeof(double))
        .Select(p => $"{p.Name}={((double)p.GetValue(metrics)!).ToString("R", CultureInfo.InvariantCulture)}"));

    private static Func<string> Reader(DataViewRow row, DataViewSchema.Column column)
    {
        switch (column.Type)
        {
            case VectorDataViewType vector when vector.ItemType == NumberDataViewType.Single:
            {
                var getter = row.GetGetter<VBuffer<float>>(column);
                var value = default(VBuffer<float>);
                return () =>
                {
                    getter(ref value);
                    return string.Join(",", value.DenseValues().Select(Bits));
                };
            }
            case NumberDataViewType when column.Type == NumberDataViewType.Single:
            {
                var getter = row.GetGetter<float>(column);
                float value = 0;
                return () =>
                {
                    getter(ref value);
                    return Bits(value);
                };
            }
            case BooleanDataViewType:
            {
                var getter = row.GetGetter<bool>(column);
                bool value = false;
                return () =>
                {
                    getter(ref value);
                    return value ? "true" : "false";
                };
            }
            case KeyDataViewType:
            {
                var getter = row.GetGetter<uint>(column);
                uint value = 0;
                return () =>
                {
                    getter(ref value);
                    return value.ToString(CultureInfo.InvariantCulture);
                };
            }
            case TextDataViewType:
            {
                var getter = row.GetGetter<ReadOnlyMemory<char>>(column);
                var value = default(ReadOnlyMemory<char>);
                return () =>
                {
                    getter(ref value);
                    return value.ToString();
                };
            }
            default:
                throw new NotSupportedException($"Column {column.Name} has type {column.Type}.");
        }
    }

    private static string Bits(float value) => BitConverter.SingleToInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture);
}
