namespace NNTrainer.Cli.Data;

/// <summary>
/// Recognises a decimal written with a comma (<c>5,1</c>, <c>-0,25</c>), as files separated by ';' often have them:
/// digits, one comma, digits, an optional leading minus. Nothing else (no thousands groups, no exponent) is taken,
/// so a text such as "1,2,3" stays text.
/// </summary>
internal static class DecimalComma
{
    /// <summary>Whether a trimmed field is -?digits,digits.</summary>
    public static bool IsDecimalComma(ReadOnlySpan<char> trimmed) => IsDecimal(trimmed, ',');

    /// <summary>Whether a trimmed field is -?digits, the mark, digits: one mark between digits, nothing else.</summary>
    public static bool IsDecimal(ReadOnlySpan<char> trimmed, char mark)
    {
        int at = trimmed.IndexOf(mark);
        if (at < 0) return false;
        int digitsFrom = trimmed.Length > 0 && trimmed[0] == '-' ? 1 : 0;
        if (at == digitsFrom || at == trimmed.Length - 1) return false;
        for (int i = digitsFrom; i < trimmed.Length; i++)
        {
            if (i != at && !char.IsAsciiDigit(trimmed[i])) return false;
        }
        return true;
    }
}
