namespace NNTrainer.Cli.Data;

/// <summary>
/// One column's user-named missing values (<see cref="MissingValues"/>): a field matches when its trimmed text is one
/// of them as written (case matters, as in pandas' na_values), or when both are numbers of the same value, so that
/// <c>-999</c> also matches <c>-999.0</c> and a Parquet file's typed -999.
/// </summary>
internal sealed class MarkerSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _texts;
    private readonly HashSet<float> _numbers = [];

    public MarkerSet(IEnumerable<string> markers)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var marker in markers)
        {
            texts.Add(marker);
            if (ColumnSniffer.TryNumber(marker, out float number)) _numbers.Add(number);
        }
        _texts = texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether a trimmed field is one of the markers.</summary>
    public bool Matches(ReadOnlySpan<char> trimmed) =>
        !trimmed.IsEmpty && (_texts.Contains(trimmed) || (_numbers.Count > 0 && ColumnSniffer.TryNumber(trimmed, out float value) && _numbers.Contains(value)));

    /// <summary>Whether a number is one of the numeric markers.</summary>
    public bool Matches(float value) => _numbers.Contains(value);
}
