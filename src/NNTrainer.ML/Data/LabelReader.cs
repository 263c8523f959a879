namespace NNTrainer.ML;

/// <summary>Reads one task's label column row by row as the float target the engine trains on.</summary>
internal abstract class LabelReader
{
    /// <summary>What a label the reader cannot use looks like, for error messages ("NaN or infinite", "a missing key").</summary>
    public abstract string BadValueDescription { get; }

    /// <summary>
    /// Binds to a cursor's label column; the returned function reads the current row's target, or NaN when the
    /// label is missing or not finite.
    /// </summary>
    public abstract Func<float> Bind(DataViewRow row, DataViewSchema.Column column);
}

/// <summary>Key labels (1-based, 0 = missing) become 0-based class indices.</summary>
internal sealed class KeyLabelReader : LabelReader
{
    public override string BadValueDescription => "a missing key (0, a value that the key mapping did not know)";

    public override Func<float> Bind(DataViewRow row, DataViewSchema.Column column)
    {
        var raw = column.Type.RawType;
        if (raw == typeof(uint)) return Bind<uint>(row, column, k => k);
        if (raw == typeof(ulong)) return Bind<ulong>(row, column, k => k);
        if (raw == typeof(ushort)) return Bind<ushort>(row, column, k => k);
        if (raw == typeof(byte)) return Bind<byte>(row, column, k => k);
        throw new ArgumentOutOfRangeException(SchemaChecks.ParameterName, $"Column '{column.Name}' is a key of an unsupported raw type {raw.Name}.");
    }

    private static Func<float> Bind<T>(DataViewRow row, DataViewSchema.Column column, Func<T, ulong> toUInt64)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            ulong key = toUInt64(value);
            return key == 0 ? float.NaN : key - 1;
        };
    }
}

/// <summary>Boolean labels become 0 or 1.</summary>
internal sealed class BooleanLabelReader : LabelReader
{
    public override string BadValueDescription => "an unusable value";

    public override Func<float> Bind(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<bool>(column);
        bool value = false;
        return () =>
        {
            getter(ref value);
            return value ? 1f : 0f;
        };
    }
}

/// <summary>Single labels are used as they are.</summary>
internal sealed class SingleLabelReader : LabelReader
{
    public override string BadValueDescription => "NaN or an infinite value";

    public override Func<float> Bind(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<float>(column);
        float value = 0;
        return () =>
        {
            getter(ref value);
            return float.IsFinite(value) ? value : float.NaN;
        };
    }
}
