namespace NNTrainer.Cli.Running;

/// <summary>
/// Says when a measuring fit's hold-out is too small for its figures to mean much: a 32-row table holds out 6 rows, so
/// one row is 17 % of the accuracy, and a user reading 0.33 against a majority class of 4 in 6 learns nothing about the
/// model. Cross-validation scores every row once, which is what scikit-learn's users reach for on such tables.
/// </summary>
internal static class SmallHoldOut
{
    /// <summary>Fewer held-out rows than this get the note: 50 (a table of under 250 rows at the default fifth).</summary>
    public const int Rows = 50;

    /// <summary>The note, or null when at least <see cref="Rows"/> rows are held out.</summary>
    /// <param name="testRows">The measuring fit's held-out rows.</param>
    /// <param name="task">The task, for the metric the note names.</param>
    public static string? Note(long testRows, TaskKind task)
    {
        if (testRows >= Rows || testRows <= 0) return null;
        string swing = task == TaskKind.Regression
            ? "R² and the errors above move a lot with which rows were held out"
            : $"each held-out row is {100.0 / testRows:0.#}% of the accuracy, so the figures above move a lot with which rows were held out";
        return $"Only {testRows:N0} rows were held out: {swing}. --cv 5 scores every row once, by the fold that held it out (the saved model is the same).";
    }
}
