using System.Numerics;
using System.Runtime.CompilerServices;

namespace NNTrainer.Cli.Data;

/// <summary>One typed column of a CSV file: numbers (NaN where missing) or text (null where missing).</summary>
internal sealed class TableColumn
{
    private TableColumn(string name, ColumnKind kind, float[]? numbers, string?[]? texts, bool isBoolean)
    {
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Texts = texts;
        IsBoolean = isBoolean;
        MissingCount = numbers is not null ? CountNaN(numbers) : CountNull(texts!);
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    public float[]? Numbers { get; }

    public string?[]? Texts { get; }

    /// <summary>Whether the file held true/false values (read as 1/0).</summary>
    public bool IsBoolean { get; }

    public int MissingCount { get; }

    /// <summary>
    /// How many different values the file wrote, when every value was a whole number too large for float32 to hold
    /// exactly (<see cref="LargeWholeNumbers"/>): the floats in <see cref="Numbers"/> merge neighbours. Null otherwise.
    /// </summary>
    public int? WrittenDistinct { get; private init; }

    public int Length => Numbers?.Length ?? Texts!.Length;

    public static TableColumn Numeric(string name, float[] values, bool isBoolean = false, int? writtenDistinct = null) =>
        new(name, ColumnKind.Numeric, values, null, isBoolean) { WrittenDistinct = writtenDistinct };

    public static TableColumn Categorical(string name, string?[] values) => new(name, ColumnKind.Categorical, null, values, false);

    public bool IsMissing(int row) => Numbers is not null ? float.IsNaN(Numbers[row]) : Texts![row] is null;

    /// <summary>The value as text (numbers in invariant culture), or null when missing.</summary>
    public string? TextAt(int row) =>
        Numbers is not null
            ? (float.IsNaN(Numbers[row]) ? null : IsBoolean ? (Numbers[row] != 0 ? "true" : "false") : Numbers[row].ToString("R", CultureInfo.InvariantCulture))
            : Texts![row];

    /// <summary>NaNs in <paramref name="values"/>, a vector at a time (NaN is the one value unequal to itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int CountNaN(ReadOnlySpan<float> values)
    {
        // A block reader builds a column per 8,192 rows: a LINQ Count with a delegate per value cost more than the
        // parse, and this runs too few times to leave the unoptimised tier soon: optimised at once.
        int count = 0, i = 0;
        for (; i + Vector<float>.Count <= values.Length; i += Vector<float>.Count)
        {
            var v = new Vector<float>(values[i..]);
            count -= Vector.Sum(Vector.OnesComplement(Vector.Equals(v, v)));
        }
        for (; i < values.Length; i++) if (float.IsNaN(values[i])) count++;
        return count;
    }

    private static int CountNull(string?[] texts)
    {
        int count = 0;
        foreach (var text in texts) if (text is null) count++;
        return count;
    }

    public TableColumn SelectRows(IReadOnlyList<int> rows) =>
        Numbers is not null
            ? new TableColumn(Name, Kind, rows.Select(r => Numbers[r]).ToArray(), null, IsBoolean)
            : new TableColumn(Name, Kind, null, rows.Select(r => Texts![r]).ToArray(), false);

    /// <summary>The same values read as text categories.</summary>
    public TableColumn AsCategorical() =>
        Kind == ColumnKind.Categorical ? this : Categorical(Name, Enumerable.Range(0, Length).Select(TextAt).ToArray());
}
