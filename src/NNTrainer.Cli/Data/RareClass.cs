namespace NNTrainer.Cli.Data;

/// <summary>
/// A note for a binary label whose smaller class is rare: there, a model that never predicts it scores an accuracy
/// that looks good (Weka's unbalanced table: 12 'Active' rows in 856, so every model scored 0.988 by answering
/// 'Inactive', and F1 of 0.99 was the F1 of the common class).
/// </summary>
internal static class RareClass
{
    /// <summary>The share of the labelled rows below which a binary label's smaller class is rare: 5%.</summary>
    public const double Share = 0.05;

    /// <summary>The note, or null when both classes have at least <see cref="Share"/> of the rows.</summary>
    /// <param name="label">The label column, rows without a label left out.</param>
    /// <param name="classes">The task's classes (<see cref="TaskDetector.Classes"/>); only two classes get a note.</param>
    public static string? Note(TableColumn label, string[] classes)
    {
        if (classes.Length != 2) return null;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int r = 0; r < label.Length; r++)
        {
            if (label.TextAt(r) is { } value) counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        long rows = counts.Values.Sum();
        var rare = counts.MinBy(c => c.Value);
        if (rows == 0 || rare.Value >= Share * rows) return null;
        var common = counts.MaxBy(c => c.Value).Key;
        double share = 100.0 * rare.Value / rows;
        return $"Class '{rare.Key}' is rare: {rare.Value:N0} of {rows:N0} rows ({share:0.#}%). Answering '{common}' for every row is right {100 - share:0.#}% of the time, "
            + $"so an accuracy near that says little; AUC says more, and F1 is that of the positive class '{classes[1]}'. If a missed '{rare.Key}' costs more, give those rows more weight with --weight.";
    }
}
