namespace NNTrainer.Cli.Data;

/// <summary>
/// The note <c>predict</c> and <c>evaluate</c> give about texts of a category column the saved model has no category for,
/// which it encodes as no category. A column capped at training (<see cref="CategoryCap"/>) kept only its most frequent
/// values, so there the texts may well have been in the training file: set 4's storms, 114 names at a cap of 100, was
/// told its own training names were not among the model's categories.
/// </summary>
internal static class UnseenCategoryNote
{
    /// <summary>The note for <paramref name="unseen"/> texts of <paramref name="column"/> (the first three shown).</summary>
    /// <param name="column">The column's name.</param>
    /// <param name="unseen">The distinct texts met that the model has no category for, in the order met.</param>
    /// <param name="more">Whether the count stopped at its limit (more texts were not counted).</param>
    /// <param name="known">How many categories the model keeps for the column.</param>
    /// <param name="cap">The model's category cap (<see cref="CategoryCap.For"/>).</param>
    public static string For(string column, IReadOnlyList<string> unseen, bool more, int known, int cap)
    {
        var shown = string.Join(", ", unseen.Take(3).Select(u => $"'{u}'")) + (unseen.Count > 3 ? ", …" : "");
        var values = $"Column '{column}': {unseen.Count:N0}{(more ? "+" : "")} value{(unseen.Count == 1 ? "" : "s")} ";
        // A capped column keeps exactly the cap's categories (the missing-value category among them, as the slot names list it).
        return known >= cap
            ? values + $"outside the {known:N0} most frequent categories the model keeps for it ({shown}) encoded as no category, as training encoded its rarer ones (--max-categories)."
            : values + $"not among the categories the model was trained with ({shown}) encoded as no category.";
    }
}
