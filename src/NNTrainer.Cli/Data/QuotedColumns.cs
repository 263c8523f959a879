namespace NNTrainer.Cli.Data;

/// <summary>
/// R's factors as R wrote them. <c>write.csv</c> quotes character and factor columns and leaves numbers (and NA)
/// unquoted, so in a file that quotes selectively, a column whose every value was quoted was text or a factor in R,
/// even when its labels are numbers (lme4's VerbAgg respondent <c>id</c>, 316 levels written "1", "2", …): it is read
/// as categories, as Python's csv module reads quoted fields as text under QUOTE_NONNUMERIC. A file is selective when,
/// in the rows type inference reads, one column holds only unquoted numbers and another only quoted values. A file
/// that quotes every field, or only the fields that need it, reads as before: there the quotes say nothing of the type.
/// Missing values (empty, NA) count neither way, and a quoted value that needed its quotes (it holds a separator, a
/// quote or a line break) is no evidence, so a quote-where-needed file of "1,234" never turns into categories.
/// </summary>
internal sealed class QuotedColumns
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",;\t|\"\r\n");
    private readonly long[] _quoted, _unquoted, _optional;

    /// <param name="columns">Columns of the file.</param>
    public QuotedColumns(int columns)
    {
        _quoted = new long[columns];
        _unquoted = new long[columns];
        _optional = new long[columns];
    }

    /// <summary>Counts the current record's present values as quoted or not.</summary>
    public void Add(IRecordReader reader)
    {
        for (int c = 0; c < _quoted.Length; c++)
        {
            var value = reader.Field(c).Trim();
            if (ColumnSniffer.IsMissing(value)) continue;
            if (!reader.WasQuoted(c)) _unquoted[c]++;
            else
            {
                _quoted[c]++;
                if (value.IndexOfAny(NeedsQuotes) < 0) _optional[c]++;
            }
        }
    }

    /// <summary>
    /// The columns the quotes make categories: in a selectively quoted file, those whose present values were all quoted,
    /// some without need, and that type inference read as numbers or true/false (a text column is a category already).
    /// </summary>
    /// <param name="kinds">The types inferred from the same rows.</param>
    public IReadOnlyList<int> Categories(IReadOnlyList<SniffedKind> kinds)
    {
        bool numbersBare = Enumerable.Range(0, kinds.Count).Any(c => kinds[c] == SniffedKind.Numeric && _unquoted[c] > 0 && _quoted[c] == 0);
        bool textQuoted = Enumerable.Range(0, kinds.Count).Any(AllQuoted);
        if (!numbersBare || !textQuoted) return [];
        return [.. Enumerable.Range(0, kinds.Count).Where(c => AllQuoted(c) && _optional[c] > 0 && kinds[c] is SniffedKind.Numeric or SniffedKind.Boolean)];
    }

    private bool AllQuoted(int column) => _quoted[column] > 0 && _unquoted[column] == 0;

    /// <summary>The note for the report, or null when no column is read so.</summary>
    /// <param name="names">The columns read as categories because of their quotes (features and label).</param>
    public static string? Note(IReadOnlyList<string> names) => names.Count == 0 ? null
        : $"{(names.Count == 1 ? "Column" : "Columns")} {string.Join(", ", names.Select(n => $"'{n}'"))} {(names.Count == 1 ? "was" : "were")} read as categories although {(names.Count == 1 ? "it holds" : "they hold")} numbers: "
          + "the file quotes them and not its numbers, as R's write.csv writes factors and text (--numeric reads a column as numbers).";
}
