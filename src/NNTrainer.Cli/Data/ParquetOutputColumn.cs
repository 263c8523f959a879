using Parquet;
using Parquet.Schema;

namespace NNTrainer.Cli.Data;

/// <summary>
/// One column of a Parquet file being written, buffering a row group's values. Input columns arrive as the text the
/// reader rendered (numbers in round-trip form, so they parse back to the same value); empty text is null.
/// </summary>
internal abstract class ParquetOutputColumn(DataField field)
{
    public DataField Field { get; } = field;

    /// <summary>Values buffered for the row group being filled.</summary>
    public int Count { get; protected set; }

    /// <summary>Appends a value given as text.</summary>
    public abstract void AddText(ReadOnlySpan<char> text);

    /// <summary>Writes the buffered values as this column of <paramref name="group"/> and empties the buffer.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group);

    /// <summary>
    /// A column like <paramref name="input"/> (its Parquet type, nullable) when the value is a number or a Boolean;
    /// text otherwise, and for every column of a CSV file, which has no types.
    /// </summary>
    public static ParquetOutputColumn For(string name, DataField? input, int capacity)
    {
        var type = input?.ClrType;
        if (type == typeof(float)) return new ParsedColumn<float>(name, capacity);
        if (type == typeof(double)) return new ParsedColumn<double>(name, capacity);
        if (type == typeof(sbyte)) return new ParsedColumn<sbyte>(name, capacity);
        if (type == typeof(byte)) return new ParsedColumn<byte>(name, capacity);
        if (type == typeof(short)) return new ParsedColumn<short>(name, capacity);
        if (type == typeof(ushort)) return new ParsedColumn<ushort>(name, capacity);
        if (type == typeof(int)) return new ParsedColumn<int>(name, capacity);
        if (type == typeof(uint)) return new ParsedColumn<uint>(name, capacity);
        if (type == typeof(long)) return new ParsedColumn<long>(name, capacity);
        if (type == typeof(ulong)) return new ParsedColumn<ulong>(name, capacity);
        if (type == typeof(bool)) return new ParsedColumn<bool>(name, capacity);
        return new StringOutputColumn(name, capacity);
    }
}

/// <summary>A nullable column of numbers or Booleans parsed from the reader's text.</summary>
internal sealed class ParsedColumn<T>(string name, int capacity) : ParquetOutputColumn(new DataField(name, typeof(T), isNullable: true))
    where T : struct, ISpanParsable<T>
{
    private readonly T?[] _values = new T?[capacity];

    public override void AddText(ReadOnlySpan<char> text) =>
        _values[Count++] = text.IsEmpty ? null : T.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Appends a value.</summary>
    public void Add(T value) => _values[Count++] = value;

    public override async Task WriteAsync(ParquetRowGroupWriter group)
    {
        await group.WriteAsync<T>(Field, _values.AsMemory(0, Count));
        Count = 0;
    }
}

/// <summary>A nullable UTF-8 text column.</summary>
internal sealed class StringOutputColumn(string name, int capacity) : ParquetOutputColumn(new DataField<string>(name))
{
    private readonly string?[] _values = new string?[capacity];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _shared = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public override void AddText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            _values[Count++] = null;
            return;
        }
        // Repeated categories share one string; the table is bounded so free text does not pile up.
        if (!_shared.TryGetValue(text, out var value))
        {
            value = text.ToString();
            if (_shared.Dictionary.Count < 10_000) _shared[value] = value;
        }
        _values[Count++] = value;
    }

    /// <summary>Appends a value.</summary>
    public void Add(string value) => _values[Count++] = value;

    public override async Task WriteAsync(ParquetRowGroupWriter group)
    {
        await group.WriteAsync(Field, new ArraySegment<string>(_values!, 0, Count));
        Array.Clear(_values, 0, Count);
        Count = 0;
    }
}
