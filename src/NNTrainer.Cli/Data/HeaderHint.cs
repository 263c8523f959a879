namespace NNTrainer.Cli.Data;

/// <summary>
/// Why a header may lack the column the user named when the file is not a table with a header row the reader takes: a
/// semicolon- or tab-separated file whose first lines do not split evenly (so <see cref="CsvSeparator"/> falls back to
/// commas) reads as one column, a file without a header row has its first row of data as column names. Either way
/// "no column 'x'" alone sends the user looking at the wrong thing.
/// </summary>
internal static class HeaderHint
{
    /// <summary>A sentence for the end of the "no column" error, or "" when the header looks like an ordinary one.</summary>
    /// <param name="names">The header's column names as read.</param>
    public static string For(IReadOnlyList<string> names)
    {
        if (SparsePairs(names) >= 2)
        {
            return " Its first line holds index:value pairs, the sparse rows of SVM-light/LIBSVM or of ML.NET's sparse text format, which the CLI does not read: " +
                "write the data as a table with one column per feature and a header (scikit-learn's load_svmlight_file reads such files).";
        }
        if (names.Count == 1)
        {
            foreach (char separator in CsvSeparator.Candidates.AsSpan(1))   // all but the comma, the fallback
            {
                if (names[0].Contains(separator))
                {
                    var shown = CsvSeparator.Describe(separator);
                    return $" The header was read as one column: it is split by {shown}, but the file's first lines do not all split into as many fields by {shown}, so it was read as comma-separated. " +
                        $"Give every line as many fields as the header (quote fields that hold the separator), or pass --separator {CsvSeparator.OptionValue(separator)} to read it so and have such lines named.";
                }
            }
        }
        if (names.SequenceEqual(HeaderlessFile.Names(names.Count)))
        {
            return $" The file has no header row (its first line is data: {HeaderlessFile.Rule}), so its columns are named col0 … col{names.Count - 1}.";
        }
        int numbers = names.Count(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numbers > 0 && numbers * 2 >= names.Count
            ? " Its first line looks like data, not column names: the file needs a header row naming its columns."
            : "";
    }

    /// <summary>How many whitespace-separated tokens of the header are <c>index:value</c> pairs (<c>152:3</c>, <c>7:0.25</c>).</summary>
    private static int SparsePairs(IReadOnlyList<string> names)
    {
        int pairs = 0;
        foreach (var token in names.SelectMany(n => n.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))
        {
            int colon = token.IndexOf(':');
            if (colon > 0 && int.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && double.TryParse(token.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out _)) pairs++;
        }
        return pairs;
    }
}
