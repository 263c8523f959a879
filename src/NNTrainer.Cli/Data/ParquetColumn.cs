using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace NNTrainer.Cli.Data;

/// <summary>
/// One column of the row group being read from a Parquet file, rendered as the text a CSV file would hold: numbers in
/// their shortest round-trip form (so they parse back to the same value), true/false, dates in ISO 8601, null as an
/// empty field. The buffer is reused from group to group, so memory follows the largest row group, not the file.
/// </summary>
internal abstract class ParquetColumn(DataField field)
{
    public DataField Field { get; } = field;

    /// <summary>Reads the column of <paramref name="group"/>.</summary>
    public abstract void Load(ParquetRowGroupReader group, int rows);

    /// <summary>Writes row <paramref name="row"/>'s text to <paramref name="text"/> (growing it when needed); 0 chars when null.</summary>
    public abstract int Format(int row, ref char[] text, int at);

    /// <summary>
    /// Row <paramref name="row"/> as the float the text path would parse from <see cref="Format"/>'s text (NaN when
    /// null), without the text; false when the column has no such shortcut or the value needs the text path's rules.
    /// </summary>
    public virtual bool TryNumber(int row, out float value)
    {
        value = float.NaN;
        return false;
    }

    /// <summary>A reader for the field, or an error naming the column when its type is not a plain value.</summary>
    public static ParquetColumn Create(string path, DataField field)
    {
        if (field.IsArray)
        {
            throw new CliException($"{path}: column '{field.Name}' is a list; only flat columns of numbers, Booleans, text and dates can be read. Flatten it first.");
        }
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) return new TextColumn(field);
        if (type == typeof(bool)) return new BooleanColumn(field);
        if (type == typeof(float)) return new NumberColumn<float>(field, "R");
        if (type == typeof(double)) return new NumberColumn<double>(field, "R");
        if (type == typeof(sbyte)) return new NumberColumn<sbyte>(field, null);
        if (type == typeof(byte)) return new NumberColumn<byte>(field, null);
        if (type == typeof(short)) return new NumberColumn<short>(field, null);
        if (type == typeof(ushort)) return new NumberColumn<ushort>(field, null);
        if (type == typeof(int)) return new NumberColumn<int>(field, null);
        if (type == typeof(uint)) return new NumberColumn<uint>(field, null);
        if (type == typeof(long)) return new NumberColumn<long>(field, null);
        if (type == typeof(ulong)) return new NumberColumn<ulong>(field, null);
        if (type == typeof(decimal)) return new ValueColumn<decimal>(field, null);
        if (type == typeof(DateTime)) return new ValueColumn<DateTime>(field, "O");
        if (type == typeof(DateOnly)) return new ValueColumn<DateOnly>(field, "O");
        if (type == typeof(TimeSpan)) return new ValueColumn<TimeSpan>(field, "c");
        if (type == typeof(TimeOnly)) return new ValueColumn<TimeOnly>(field, "O");
        throw new CliException($"{path}: column '{field.Name}' holds {type.Name} values, which cannot be read as numbers or text; pass --ignore {field.Name} or convert the column.");
    }

    protected static Span<char> Room(ref char[] text, int at, int length)
    {
        if (at + length > text.Length) Array.Resize(ref text, Math.Max(text.Length * 2, at + length));
        return text.AsSpan(at);
    }
}

/// <summary>A column of numbers, dates or times: formatted in invariant culture.</summary>
internal class ValueColumn<T>(DataField field, string? format) : ParquetColumn(field) where T : struct, ISpanFormattable
{
    /// <summary>The row group's values, null where missing.</summary>
    protected T?[] Values { get; private set; } = [];

    public override void Load(ParquetRowGroupReader group, int rows)
    {
        if (Values.Length < rows) Values = new T?[rows];
        group.ReadAsync<T>(Field, Values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
    }

    public override int Format(int row, ref char[] text, int at)
    {
        if (Values[row] is not { } value) return 0;
        int written;
        while (!value.TryFormat(Room(ref text, at, 64), out written, format, CultureInfo.InvariantCulture)) Array.Resize(ref text, text.Length * 2);
        return written;
    }
}

/// <summary>A column of numbers: formatted as <see cref="ValueColumn{T}"/> does, and read as floats without the text.</summary>
internal sealed class NumberColumn<T>(DataField field, string? format) : ValueColumn<T>(field, format) where T : struct, INumber<T>, ISpanFormattable
{
    /// <summary>Integers up to 2^53 are exact as doubles, so their float is the correctly rounded one the text gives.</summary>
    private const double ExactIntegers = 9007199254740992;

    /// <summary>The smallest normal float, 2^-126.</summary>
    private const float SmallestNormal = 1.17549435E-38f;

    public override bool TryNumber(int row, out float value)
    {
        if (Values[row] is not { } number)
        {
            value = float.NaN;
            return true;
        }
        double exact = double.CreateTruncating(number);
        value = (float)exact;
        if (double.IsNaN(exact)) return true;
        // Infinities and overflows are strays on the text path; leave them to it.
        if (!float.IsFinite(value)) return false;
        // A bigger integer was rounded once already on its way to double: only its text gives the correctly rounded float.
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float)) return Math.Abs(exact) <= ExactIntegers;
        if (value == exact) return true;
        // A double's shortest text lies within half an ulp of it, so it parses to the same float unless the double is
        // next to a halfway point between two floats (or in the subnormal range, where the halfway points are others).
        long low = BitConverter.DoubleToInt64Bits(exact) & 0x1FFFFFFF;
        return Math.Abs(low - 0x10000000) > 1 && Math.Abs(exact) >= SmallestNormal;
    }
}

/// <summary>A Boolean column: true/false, as the CSV reader reads them.</summary>
internal sealed class BooleanColumn(DataField field) : ParquetColumn(field)
{
    private bool?[] _values = [];

    public override void Load(ParquetRowGroupReader group, int rows)
    {
        if (_values.Length < rows) _values = new bool?[rows];
        group.ReadAsync<bool>(Field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
    }

    public override int Format(int row, ref char[] text, int at)
    {
        if (_values[row] is not { } value) return 0;
        var word = value ? "true" : "false";
        word.CopyTo(Room(ref text, at, word.Length));
        return word.Length;
    }
}

/// <summary>A UTF-8 text column.</summary>
internal sealed class TextColumn(DataField field) : ParquetColumn(field)
{
    private string?[] _values = [];

    public override void Load(ParquetRowGroupReader group, int rows)
    {
        if (_values.Length < rows) _values = new string?[rows];
        group.ReadAsync(Field, _values.AsMemory(0, rows)!).AsTask().GetAwaiter().GetResult();
    }

    public override int Format(int row, ref char[] text, int at)
    {
        if (_values[row] is not { } value) return 0;
        value.CopyTo(Room(ref text, at, value.Length));
        return value.Length;
    }
}
