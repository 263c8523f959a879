namespace NNTrainer.Cli.Data;

/// <summary>
/// Finds a text file's field separator from its first lines: of comma, semicolon, tab and '|', the one that splits the
/// header into the most fields and every other sampled line into as many (quotes respected), comma on a tie or when
/// none does. Semicolon- and tab-separated exports (Excel in much of Europe) then read like comma-separated ones.
/// </summary>
internal static class CsvSeparator
{
    /// <summary>The separators tried, comma first so that it wins a tie.</summary>
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    private const int SampleChars = 1 << 16;
    private const int SampleLines = 20;

    /// <summary>How a separator is named in messages.</summary>
    public static string Describe(char separator) => separator == '\t' ? "tab" : $"'{separator}'";

    /// <summary>How a separator is written after <c>--separator</c> in a suggestion.</summary>
    public static string OptionValue(char separator) => separator == '\t' ? "tab" : separator.ToString();

    /// <summary>The separator of the text a reader starts with (read from a separate reader, which it consumes).</summary>
    public static char Sniff(TextReader text)
    {
        var buffer = new char[SampleChars];
        int length = text.ReadBlock(buffer, 0, buffer.Length);
        var lines = Lines(buffer.AsSpan(0, length), complete: length < buffer.Length);
        if (lines.Count == 0) return ',';
        char best = ',';
        int bestFields = 1;
        foreach (char separator in Candidates)
        {
            int fields = Count(lines[0], separator);
            if (fields <= bestFields) continue;
            bool consistent = true;
            for (int i = 1; i < lines.Count && consistent; i++) consistent = Count(lines[i], separator) == fields;
            if (consistent) (best, bestFields) = (separator, fields);
        }
        return best;
    }

    /// <summary>The first non-blank lines, a quoted line break kept inside its line; the cut-off last one dropped.</summary>
    private static List<string> Lines(ReadOnlySpan<char> text, bool complete)
    {
        var lines = new List<string>();
        bool quoted = false;
        int start = SkipComments(text);
        for (int i = start; i < text.Length && lines.Count < SampleLines; i++)
        {
            char c = text[i];
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted)
            {
                var line = text[start..i].TrimEnd('\r');
                if (!line.IsWhiteSpace()) lines.Add(line.ToString());
                start = i + 1;
            }
        }
        if (complete && lines.Count < SampleLines && start < text.Length && !text[start..].IsWhiteSpace()) lines.Add(text[start..].ToString());
        return lines;
    }

    /// <summary>Where the text starts after its leading "//" comment lines (ML.NET's, skipped by <see cref="CsvRowReader"/> too), read as they are: a quote in a comment quotes nothing.</summary>
    private static int SkipComments(ReadOnlySpan<char> text)
    {
        int start = 0;
        while (text[start..].TrimStart("\r\n").StartsWith("//"))
        {
            int newline = text[start..].TrimStart("\r\n").IndexOf('\n');
            if (newline < 0) return text.Length;
            start = text.Length - text[start..].TrimStart("\r\n").Length + newline + 1;
        }
        return start;
    }

    /// <summary>Fields a line splits into at <paramref name="separator"/>, separators inside quotes not counted.</summary>
    private static int Count(string line, char separator)
    {
        int fields = 1;
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == separator && !quoted) fields++;
        }
        return fields;
    }
}
