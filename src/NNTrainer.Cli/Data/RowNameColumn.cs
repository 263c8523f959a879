namespace NNTrainer.Cli.Data;

/// <summary>
/// Spots the row names R's <c>write.csv</c> writes (and the index pandas' <c>to_csv</c> writes) in a first column with
/// no name in the header: <c>"","low","age",…</c> then <c>"85",0,19,…</c>. R's row names are unique by construction,
/// so a first column without a name and with a different value in every row is the table's row names, not a
/// measurement; R reads it back with <c>read.csv(row.names = 1)</c>, pandas with <c>read_csv(index_col = 0)</c>. As a
/// feature it lets the network memorise where a row sat (birthwt's row names follow its label), and a model trained on
/// it cannot score the same rows saved with <c>row.names = FALSE</c>, so it is left out of the features.
/// </summary>
internal static class RowNameColumn
{
    /// <summary>The name the reader gives a first header field that is empty (<see cref="CsvRowReader"/>, as pandas names it).</summary>
    public const string UnnamedFirst = "Unnamed: 0";

    /// <summary>Whether <paramref name="column"/> is the table's first column, unnamed, with no value missing and no value repeated.</summary>
    public static bool Is(CsvTable table, TableColumn column)
    {
        if (column.Name != UnnamedFirst || table.Columns[0] != column || column.MissingCount > 0 || column.Length < 2) return false;
        return column.Numbers is { } numbers ? numbers.Distinct().Count() == numbers.Length : column.Texts!.Distinct(StringComparer.Ordinal).Count() == column.Length;
    }

    /// <summary>The note for the report.</summary>
    public static string Note(TableColumn column) =>
        $"Column '{column.Name}' has no name in the header and a different value in every row ('{column.TextAt(0)}', '{column.TextAt(1)}', …): "
        + "row names, as R's write.csv writes them (pandas' to_csv its index), so it is not a feature, as read.csv(row.names = 1) and read_csv(index_col = 0) read it. "
        + "Name the column in the header to train on it.";
}
