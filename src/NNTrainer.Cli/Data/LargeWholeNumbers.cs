namespace NNTrainer.Cli.Data;

/// <summary>
/// The different values of a numeric column whose every value is a whole number of 2²⁴ (16,777,216) or more, counted
/// as the file wrote them: float32 holds such numbers only to within 2, 4, … 16 (for 9 digits), so caret's
/// segmentationData <c>Cell</c> ids (207,827,637 to 210,964,110, mostly consecutive) become 194 floats for 2,019 rows
/// and <see cref="IdentifierColumn"/> could not see that every row has its own. A column stops being counted at its
/// first value that is smaller, a fraction or not written as an integer, so an ordinary column costs one comparison.
/// </summary>
internal sealed class LargeWholeNumbers
{
    /// <summary>The smallest whole number float32 cannot follow by its successor: above it, neighbours merge.</summary>
    private const float Exact = 16_777_216f;

    /// <summary>More values than this are not counted: the set would grow with the file (8 MB of longs at the cap).</summary>
    private const int MaxCounted = 1 << 20;

    private readonly HashSet<long> _values = [];

    /// <summary>The different values met, or null when none was.</summary>
    public int? Distinct => _values.Count == 0 ? null : _values.Count;

    /// <summary>Counts the written field of a parsed value; false when the column is not (or no longer) one to count.</summary>
    public bool Add(ReadOnlySpan<char> field, float value)
    {
        if (MathF.Abs(value) < Exact || _values.Count >= MaxCounted
            || !long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long written)) return false;
        _values.Add(written);
        return true;
    }
}
