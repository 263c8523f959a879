namespace NNTrainer.Cli.Running;

/// <summary>
/// Warns when the held-out rows of a measuring fit hold a class that none of its training rows has: the metrics then
/// score a class the model never saw, and a lucky guess reads as accuracy 1. A CSV file's hold-out is stratified
/// (<see cref="HoldOutSplit.Stratified"/>), so there it takes a table whose classes have one row each (three rows of
/// three classes); an image folder's split is not stratified, and a class of a few images can be held out whole.
/// </summary>
internal static class HeldOutClasses
{
    /// <summary>The note, or null when every held-out class is also among the training rows (or the task is regression).</summary>
    /// <param name="problem">The rows and their schema.</param>
    /// <param name="train">The measuring fit's training rows (the split <see cref="PreparedData.FromProblem"/> made).</param>
    /// <param name="test">Its held-out rows.</param>
    public static string? Note(TabularProblem problem, int[] train, int[] test)
    {
        var schema = problem.Schema;
        if (schema.Task == TaskKind.Regression) return null;
        var seen = FeatureDataView.Labels(problem.Table, schema, train).ToHashSet();
        var unseen = FeatureDataView.Labels(problem.Table, schema, test).Where(c => !seen.Contains(c)).Distinct().Order().Select(c => $"'{schema.Classes[(int)c]}'").ToArray();
        if (unseen.Length == 0) return null;
        return $"The held-out rows hold class{(unseen.Length == 1 ? "" : "es")} {string.Join(", ", unseen)} that none of the {train.Length:N0} training rows of the measuring fit has, "
            + "so the metrics below score a class the model never saw; give more rows of each class, or use --cv K (stratified folds).";
    }
}
