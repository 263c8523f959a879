using System.Globalization;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Why a header may lack the column the user named when the file is not the comma-separated table with a header row
/// the reader takes: a semicolon- or tab-separated export reads as one column, a file without a header row has
/// its first row of data as column names. Either way "no column 'x'" alone sends the user looking at the wrong thing.
/// </summary>
internal static class HeaderHint
{
    private static readonly (char Separator, string Shown)[] OtherSeparators = [(';', "';'"), ('\t', "tabs"), ('|', "'|'")];

    /// <summary>A sentence for the end of the "no column" error, or "" when the header looks like an ordinary one.</summary>
    /// <param name="names">The header's column names as read.</param>
    public static string For(IReadOnlyList<string> names)
    {
        if (names.Count == 1)
        {
            foreach (var (separator, shown) in OtherSeparators)
            {
                if (names[0].Contains(separator))
                {
                    return $" The header was read as one column: the file seems to be separated by {shown}, but nntrainer reads comma-separated files (quote fields that hold commas).";
                }
            }
        }
        int numbers = names.Count(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numbers > 0 && numbers * 2 >= names.Count
            ? " Its first line looks like data, not column names: the file needs a header row naming its columns."
            : "";
    }
}
