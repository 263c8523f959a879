namespace NNTrainer.Cli.Data;

/// <summary>
/// A record reader that hands out a field holding a user-named missing value (<see cref="MissingValues"/>) as an
/// empty field, and such a typed number as NaN: every reader after it (type inference, the column builders, a saved
/// model's block reader, the streaming checks) then treats it exactly as a blank, with no rule of its own. A column the
/// markers name but the file lacks is left to the caller (<see cref="CsvTable.Load"/> refuses it for training).
/// </summary>
internal sealed class MarkedRecordReader : IRecordReader
{
    private readonly IRecordReader _inner;
    private readonly MarkerSet?[] _markers;

    public MarkedRecordReader(IRecordReader inner, MissingValues markers)
    {
        _inner = inner;
        _markers = [.. inner.Header.Select(markers.For)];
    }

    /// <summary>The reader of the file itself.</summary>
    public IRecordReader Inner => _inner;

    public string Path => _inner.Path;

    public string[] Header => _inner.Header;

    public int Line => _inner.Line;

    public RowLocator Locator => _inner.Locator;

    public int FieldCount => _inner.FieldCount;

    public bool EndsWithoutNewline => _inner.EndsWithoutNewline;

    // The row's own text, markers and all: predict copies the input rows as they are.
    public bool IsPlain => _inner.IsPlain;

    public ReadOnlySpan<char> PlainRecord => _inner.PlainRecord;

    public ReadOnlySpan<char> Field(int index)
    {
        var field = _inner.Field(index);
        return index < _markers.Length && _markers[index] is { } markers && markers.Matches(field.Trim()) ? [] : field;
    }

    public bool TryNumber(int index, out float value)
    {
        if (!_inner.TryNumber(index, out value)) return false;
        if (index < _markers.Length && _markers[index] is { } markers && markers.Matches(value)) value = float.NaN;
        return true;
    }

    public bool WasQuoted(int index) => _inner.WasQuoted(index);

    public bool Read() => _inner.Read();

    public void Dispose() => _inner.Dispose();
}
