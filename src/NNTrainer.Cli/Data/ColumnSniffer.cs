namespace NNTrainer.Cli.Data;

/// <summary>What a column holds, guessed from a sample of its values.</summary>
internal enum SniffedKind
{
    /// <summary>Numbers (a few stray texts are treated as missing).</summary>
    Numeric,

    /// <summary>true/false only, read as 1/0.</summary>
    Boolean,

    /// <summary>Anything else: text categories.</summary>
    Text,

    /// <summary>No value in the sample: the column's first value decides (<see cref="DeferredColumnBuilder"/>).</summary>
    Empty,
}

/// <summary>
/// Guesses column types from the first rows of a file (<see cref="SampleRows"/>), so the file never has to be held
/// as strings: a column is numeric when its values are numbers but for at most one in a hundred (a stray "n/a?"
/// does not turn a numeric column into 100,000 categories), Boolean when they are all true/false.
/// </summary>
internal static class ColumnSniffer
{
    /// <summary>Rows read to choose the types.</summary>
    public const int SampleRows = 10_000;

    /// <summary>
    /// Markers read as a missing value in a numeric column, as pandas' <c>read_csv</c> reads its default na_values
    /// (a lone '-' and Excel's '#N/A' too: a column of numbers with a few of them is numbers, not categories). A
    /// category column keeps them as categories (<see cref="MarkerCategories"/>).
    /// </summary>
    public static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { "NA", "N/A", "NaN", "null", "?", "none", "-", "#N/A" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Markers = MissingMarkers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a trimmed field is empty or a missing-value marker.</summary>
    public static bool IsMissing(ReadOnlySpan<char> trimmed) => trimmed.IsEmpty || Markers.Contains(trimmed);

    /// <summary>Parses a finite number in invariant culture.</summary>
    public static bool TryNumber(ReadOnlySpan<char> field, out float value) =>
        DecimalParser.TryParsePlain(field, out value)
        || (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value));

    /// <summary>Reads true/false (any case) as 1/0.</summary>
    public static bool TryBoolean(ReadOnlySpan<char> trimmed, out float value)
    {
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase)) { value = 1; return true; }
        if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)) { value = 0; return true; }
        value = float.NaN;
        return false;
    }

    /// <summary>Most stray (non-number) values a numeric column of <paramref name="values"/> values may have.</summary>
    public static long StrayAllowance(long values) => values / 100;

    public static SniffedKind[] Infer(int columns, IReadOnlyList<string[]> sample)
    {
        var kinds = new SniffedKind[columns];
        for (int c = 0; c < columns; c++)
        {
            int present = 0, numbers = 0, booleans = 0;
            foreach (var row in sample)
            {
                var value = row[c].AsSpan().Trim();
                if (IsMissing(value)) continue;
                present++;
                if (TryNumber(value, out _)) numbers++;
                else if (TryBoolean(value, out _)) booleans++;
            }
            kinds[c] = present == 0 ? SniffedKind.Empty
                : booleans == present ? SniffedKind.Boolean
                : numbers > 0 && present - numbers <= StrayAllowance(present) ? SniffedKind.Numeric
                : SniffedKind.Text;
        }
        return kinds;
    }
}
