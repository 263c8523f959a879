namespace NNTrainer.Cli.Data;

/// <summary>
/// Which decimal mark each column of a ';' (tab, '|') file writes its numbers with, as the reader meets them: a column
/// that writes "1,5" on one line and "1.5" on another is an error naming both lines. Read per field, "1.234" beside
/// "1,5" would be 1.234 where a German writer meant 1,234 (a thousands group), and "1.5" beside "1,5" is a hand-merged
/// column whose meaning the reader cannot know; pandas (<c>decimal=','</c>) and ML.NET's TextLoader
/// (<c>DecimalMarker</c>) take one mark per file and read the other as no number at all, without saying so.
/// </summary>
internal sealed class DecimalMarks(string path)
{
    private (bool Comma, int Line, string Value)?[] _first = [];

    /// <summary>Whether a trimmed field is a decimal comma (<see cref="DecimalComma.IsDecimalComma"/>), once its mark is checked against its column's.</summary>
    /// <param name="trimmed">The field.</param><param name="column">Its column.</param>
    /// <param name="header">The column names; null while the header itself is read (names are not numbers).</param>
    /// <param name="line">The field's line.</param>
    /// <exception cref="CliException">The column mixes "1,5" and "1.5".</exception>
    public bool IsDecimalComma(ReadOnlySpan<char> trimmed, int column, string[]? header, int line)
    {
        bool comma = DecimalComma.IsDecimalComma(trimmed);
        if (header is not null && column < header.Length && (comma || IsDecimalPoint(trimmed))) See(column, header[column], comma, trimmed, line);
        return comma;
    }

    /// <summary>Notes a field's decimal mark (<paramref name="comma"/> or a point); throws when its column wrote the other one before.</summary>
    /// <exception cref="CliException">The column mixes "1,5" and "1.5".</exception>
    private void See(int column, string name, bool comma, ReadOnlySpan<char> value, int line)
    {
        if (column >= _first.Length) Array.Resize(ref _first, Math.Max(column + 1, _first.Length * 2));
        if (_first[column] is not { } first)
        {
            _first[column] = (comma, line, value.ToString());
            return;
        }
        if (first.Comma == comma || first.Line == line) return;
        throw new CliException($"{path} line {line}: column '{name}' writes '{value}' with a decimal {Mark(comma)}, but '{first.Value}' on line {first.Line} with a decimal {Mark(first.Comma)}. " +
            "In a file not separated by commas, a number written with a comma is read with a decimal comma; one column cannot mix the two marks (is a point there a thousands separator?). " +
            "Write the column's numbers with one mark.");
    }

    /// <summary>Whether a trimmed field is -?digits.digits: a number a decimal-comma writer could have meant otherwise.</summary>
    public static bool IsDecimalPoint(ReadOnlySpan<char> trimmed) => DecimalComma.IsDecimal(trimmed, '.');

    private static string Mark(bool comma) => comma ? "comma" : "point";
}
