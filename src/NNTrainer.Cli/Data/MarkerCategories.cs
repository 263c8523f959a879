namespace NNTrainer.Cli.Data;

/// <summary>
/// Counts missing-value markers (<c>?</c>, <c>NA</c>, <c>-</c>, …; <see cref="ColumnSniffer.MissingMarkers"/> but <c>none</c>) in
/// category columns. A numeric column reads them as missing; a category column keeps each as a category of its own,
/// one more one-hot slot, which is the model a blank gives too and what scikit-learn's <c>OneHotEncoder</c> and ML.NET's
/// one-hot encoding do with them. Saved models hold that category, so it stays; the report says so (Weka's vote.arff has
/// '?' in 16 columns, 392 values; soybean.arff in 34).
/// </summary>
internal static class MarkerCategories
{
    /// <summary>Columns named in full before the rest are summed up.</summary>
    private const int Named = 6;

    /// <summary>
    /// Whether a category is a missing-value marker. Not 'none': in a category column it is mostly a value of its own
    /// (soybean.arff's <c>seed-tmt</c>: none, fungicide, other), where a numeric column can only mean missing by it.
    /// </summary>
    public static bool IsMarker(string text) => ColumnSniffer.MissingMarkers.Contains(text) && !text.Equals("none", StringComparison.OrdinalIgnoreCase);

    /// <summary>The note, or null when no category column holds a marker.</summary>
    /// <param name="columns">The category feature columns.</param>
    public static string? Note(IEnumerable<TableColumn> columns)
    {
        var found = new List<(string Column, string Markers, int Rows)>();
        var rows = new HashSet<int>();
        var markers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var texts = column.Texts!;
            for (int r = 0; r < texts.Length; r++)
            {
                if (texts[r] is not { } text || !IsMarker(text)) continue;
                counts[text] = counts.GetValueOrDefault(text) + 1;
                rows.Add(r);
                markers.Add(text);
            }
            if (counts.Count > 0) found.Add((column.Name, string.Join(", ", counts.Select(c => $"{c.Value} '{c.Key}'")), counts.Values.Sum()));
        }
        if (found.Count == 0) return null;
        var named = string.Join("; ", found.Take(Named).Select(f => $"'{f.Column}' {f.Markers}"));
        var more = found.Count > Named ? $"; {found.Count - Named} more column{(found.Count - Named == 1 ? "" : "s")}, {found.Skip(Named).Sum(f => f.Rows):N0} markers in all" : "";
        return $"Missing-value markers in category columns are read as a category of their own (as a blank would be): {named}{more}. "
            + $"{rows.Count:N0} row{(rows.Count == 1 ? "" : "s")} carry at least one. In a numeric column these markers are missing values, filled with the training mean; "
            + $"--missing-values \"{string.Join(",", markers)}\" reads them as missing in category columns too (the category blanks get).";
    }
}
