namespace NNTrainer.Cli.Data;

/// <summary>
/// Spots a text column of calendar dates in ISO 8601 form, as R's <c>write.csv</c> and readr's <c>write_csv</c> write a
/// <c>Date</c> or a date-time (modeldata's Chicago, ggplot2's economics) and pandas' <c>to_csv</c> a timestamp. Such a
/// column is as varied as an identifier and is left out by the same rule (<see cref="TabularProblem"/>), but "an
/// identifier?" misnames it: the user is told it holds dates and how to make features of them. pandas and ML.NET's
/// <c>InferColumns</c> read it as text too; R alone has it as a number (days since 1970), and only because it keeps
/// the class <c>Date</c>, which a CSV file loses.
/// </summary>
internal static class DateColumn
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// Whether every present value of a text column is an ISO 8601 date or date-time. A missing-value marker is not a
    /// value here though the column keeps it as a category: R writes a missing date as <c>NA</c> (vcd's Bundesliga, 2
    /// of 14,018 kick-off times).
    /// </summary>
    public static bool Is(TableColumn column)
    {
        if (column.Texts is not { } texts) return false;
        bool any = false;
        foreach (var text in texts)
        {
            if (text is null || ColumnSniffer.IsMissing(text)) continue;
            if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>The note for the report: the column was left out, and what would make it a feature.</summary>
    public static string Note(TableColumn column, int distinct)
    {
        int present = column.Length - column.MissingCount;
        var spread = distinct == present ? "a different one in every row" : $"{distinct:N0} distinct in {present:N0} values";
        return $"Column '{column.Name}' holds dates ({Shown(column)}, …), {spread}, and was ignored: as a category a date met in one row says nothing about another, and the network reads numbers and categories only. {Advice}";
    }

    /// <summary>
    /// The note for a date column kept as categories but with more dates than the cap (<c>--max-categories</c>, <paramref name="cap"/>)
    /// (dslabs' polls_us_election_2016: 347 start dates in 3,779 polls): the generic "distinct texts" note did not say
    /// that the dates lose their order and all but the most frequent lose their meaning.
    /// </summary>
    public static string CategoryNote(TableColumn column, int distinct, int cap) =>
        $"Column '{column.Name}' holds dates ({Shown(column)}, …), {distinct:N0} distinct in {column.Length - column.MissingCount:N0} values, read as categories: "
        + $"its {cap:N0} most frequent dates are one-hot encoded and the other {distinct - cap:N0} share one 'other' encoding, "
        + $"with no order between them. {Advice}";

    private const string Advice = "To learn from it, add what matters as columns of their own: its year, month or weekday (R: format(d, \"%u\"); pandas: d.dt.dayofweek), or its count of days (R: as.numeric(d)).";

    private static string Shown(TableColumn column) =>
        string.Join(", ", column.Texts!.Where(t => t is not null && !ColumnSniffer.IsMissing(t)).Distinct().Take(2).Select(t => $"'{t}'"));
}
