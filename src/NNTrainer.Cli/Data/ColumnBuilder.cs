namespace NNTrainer.Cli.Data;

/// <summary>
/// Collects one column's values while a file is read, in chunks so that a growing column is never copied to a
/// doubled array: the final array is assembled once, column by column.
/// </summary>
internal abstract class ColumnBuilder(string name)
{
    protected const int ChunkSize = 1 << 16;

    public string Name { get; } = name;

    /// <summary>Adds the value of the next row.</summary>
    public abstract void Add(ReadOnlySpan<char> field, int line);

    public abstract TableColumn Build();

    public static ColumnBuilder Create(string name, SniffedKind kind) => kind switch
    {
        SniffedKind.Text => new TextColumnBuilder(name),
        SniffedKind.Empty => new DeferredColumnBuilder(name),
        _ => new NumericColumnBuilder(name, kind == SniffedKind.Boolean),
    };

    protected static T[] Assemble<T>(List<T[]> chunks, int filled)
    {
        int count = (chunks.Count - 1) * ChunkSize + filled;
        var all = new T[Math.Max(count, 0)];
        for (int i = 0; i < chunks.Count; i++)
        {
            int length = i == chunks.Count - 1 ? filled : ChunkSize;
            chunks[i].AsSpan(0, length).CopyTo(all.AsSpan(i * ChunkSize));
            chunks[i] = [];
        }
        return all;
    }
}

/// <summary>Numbers (or true/false), NaN where missing; values that are not numbers are kept as <see cref="Strays"/>.</summary>
internal sealed class NumericColumnBuilder(string name, bool isBoolean) : ColumnBuilder(name)
{
    private readonly List<float[]> _chunks = [new float[ChunkSize]];
    private int _filled;

    /// <summary>The column's values as written while every one is a whole number float32 cannot hold exactly; null once one is not.</summary>
    private LargeWholeNumbers? _large = new();

    /// <summary>Values that were neither a number nor a missing marker.</summary>
    public StrayValues Strays { get; } = new(name);

    public long Count => (long)(_chunks.Count - 1) * ChunkSize + _filled;

    /// <summary>Whether the column holds true/false rather than numbers.</summary>
    public bool IsBoolean => isBoolean;

    /// <summary>Adds a value a typed file already holds as a number (NaN where missing): no text to parse.</summary>
    public void AddNumber(float value)
    {
        _large = null; // a typed file's float: its text, if it had one, is gone
        if (_filled == ChunkSize)
        {
            _chunks.Add(new float[ChunkSize]);
            _filled = 0;
        }
        _chunks[^1][_filled++] = value;
    }

    public override void Add(ReadOnlySpan<char> field, int line)
    {
        if (_filled == ChunkSize)
        {
            _chunks.Add(new float[ChunkSize]);
            _filled = 0;
        }
        float value;
        var trimmed = field.Trim();
        bool ok = isBoolean ? ColumnSniffer.TryBoolean(trimmed, out value) : ColumnSniffer.TryNumber(trimmed, out value);
        if (!ok)
        {
            value = float.NaN;
            if (!ColumnSniffer.IsMissing(trimmed)) Strays.Add(trimmed, line);
        }
        else if (_large is not null && !_large.Add(trimmed, value)) _large = null;
        _chunks[^1][_filled++] = value;
    }

    public override TableColumn Build() => TableColumn.Numeric(Name, Assemble(_chunks, _filled), isBoolean, _large?.Distinct);
}

/// <summary>Text values, trimmed, null where empty; equal texts share one string.</summary>
internal sealed class TextColumnBuilder(string name) : ColumnBuilder(name)
{
    private readonly List<string?[]> _chunks = [new string?[ChunkSize]];
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private int _filled;

    public override void Add(ReadOnlySpan<char> field, int line)
    {
        if (_filled == ChunkSize)
        {
            _chunks.Add(new string?[ChunkSize]);
            _filled = 0;
        }
        var trimmed = field.Trim();
        string? value = null;
        if (!trimmed.IsEmpty)
        {
            var lookup = _distinct.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(trimmed, out value))
            {
                value = trimmed.ToString();
                _distinct.Add(value);
            }
        }
        _chunks[^1][_filled++] = value;
    }

    public override TableColumn Build() => TableColumn.Categorical(Name, Assemble(_chunks, _filled));
}

/// <summary>The texts found in a numeric column: how many, and the first few with their lines to show the user.</summary>
internal sealed class StrayValues(string column)
{
    private const int Shown = 5;

    public string Column { get; } = column;

    public List<(int Line, string Value)> First { get; } = [];

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<char> value, int line)
    {
        if (First.Count < Shown) First.Add((line, value.ToString()));
        Count++;
    }

    /// <summary>"line 12 'n/a?', line 40 'x', ..."</summary>
    public string Describe(RowLocator locator) =>
        string.Join(", ", First.Select(s => $"{locator.Describe(s.Line)} '{s.Value}'")) + (Count > First.Count ? ", ..." : "");
}
