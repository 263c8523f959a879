namespace NNTrainer.Cli.Data;

/// <summary>
/// Spots a column that holds one value (Weka's segment-challenge: <c>region-pixel-count</c> is 9 in every row): it
/// cannot tell one row from another, so it is left out of the features and named. A numeric column counts when its
/// present values are all equal, since the missing ones are filled with their mean, that same value; a text column
/// only when no row is missing (a blank is a category of its own, which may say something).
/// </summary>
internal static class ConstantColumn
{
    /// <summary>The one value, or null when the column holds two or more (or no value at all).</summary>
    public static string? Value(TableColumn column)
    {
        if (column.Numbers is { } numbers)
        {
            int first = -1;
            for (int r = 0; r < numbers.Length; r++)
            {
                if (float.IsNaN(numbers[r])) continue;
                if (first < 0) first = r;
                else if (numbers[r] != numbers[first]) return null;
            }
            return first < 0 ? null : column.TextAt(first);
        }
        var texts = column.Texts!;
        if (column.MissingCount > 0 || texts.Length == 0) return null;
        foreach (var text in texts) if (!string.Equals(text, texts[0], StringComparison.Ordinal)) return null;
        return texts[0];
    }

    /// <summary>The note for the report.</summary>
    public static string Note(TableColumn column, string value) =>
        $"Column '{column.Name}' holds one value ('{value}') in every row{(column.MissingCount > 0 ? " that has one (the missing ones would be filled with it)" : "")}, so it cannot tell rows apart and was left out of the features.";
}
