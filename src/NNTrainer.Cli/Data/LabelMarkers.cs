namespace NNTrainer.Cli.Data;

/// <summary>
/// Missing-value markers in a text label column: R's <c>write.csv</c> writes a missing factor as <c>NA</c> (MASS's
/// survey has one in <c>Sex</c>), and pandas' <c>read_csv</c> reads <c>NA</c>, <c>N/A</c>, <c>NaN</c>, <c>null</c> and
/// <c>#N/A</c> as missing in every column. Such a row has no label and is skipped, as a blank label is; taken as a class
/// it turned a binary label into three classes, one of a single row. Not <c>none</c> or <c>-</c>, which name classes
/// (contact-lenses.arff's <c>none</c>, credit approval's <c>+</c>/<c>-</c>). <c>evaluate</c> and <c>predict</c> read a
/// marker the model has no class for as a missing label already (<see cref="CsvBlockReader"/>).
/// </summary>
internal static class LabelMarkers
{
    /// <summary>Whether the label of row <paramref name="row"/> is a text that says the value is missing.</summary>
    public static bool Is(TableColumn label, int row) => label.Texts is { } texts && texts[row] is { } text && IsMarker(text);

    /// <summary>Whether a label text is a missing-value marker (<see cref="ColumnSniffer.MissingMarkers"/> but none and -).</summary>
    public static bool IsMarker(string text) => MarkerCategories.IsMarker(text) && text != "-";

    /// <summary>"('NA' in 1 row read as missing, as pandas reads it)", or "" when no label is a marker.</summary>
    public static string Detail(TableColumn label)
    {
        var counts = label.Texts?.Where(t => t is not null && IsMarker(t)).GroupBy(t => t!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (counts is null || counts.Count == 0) return "";
        var found = string.Join(", ", counts.Select(g => $"'{g.Key}' in {g.Count():N0} row{(g.Count() == 1 ? "" : "s")}"));
        return $" ({found} read as missing, as pandas reads {(counts.Count == 1 ? "it" : "them")})";
    }
}
