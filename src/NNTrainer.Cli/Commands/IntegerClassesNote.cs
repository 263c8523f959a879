using System.Globalization;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Commands;

/// <summary>
/// Says so when <c>--task auto</c> read a label of whole numbers as classes. Up to
/// <see cref="TaskDetector.MaxIntegerClasses"/> different whole numbers are classes (scikit-learn's type_of_target
/// agrees), which is right for codes and wrong for a score: mlmRev's ScotsSec <c>attain</c>, a test score of 1 to 10,
/// trained a 10-class classifier with no word about it, where <c>--task regression</c> gives R² 0.54.
/// </summary>
internal static class IntegerClassesNote
{
    /// <summary>The note for a label of three or more whole numbers read as classes without <c>--task</c>; null otherwise.</summary>
    /// <param name="problem">The problem train or compare read.</param>
    /// <param name="requested">The task given by <c>--task</c>; null when it was detected.</param>
    public static string? For(TabularProblem problem, TaskKind? requested)
    {
        // Two values are a yes/no far more often than a quantity, so a binary label gets no note.
        if (requested is not null || problem.Schema.Task != TaskKind.Multiclass) return null;
        var label = problem.Table.Require(problem.Schema.LabelColumn, "the label");
        if (label.Kind != ColumnKind.Numeric || label.IsBoolean) return null;
        var values = label.Numbers!.Where(v => !float.IsNaN(v)).ToArray();
        string low = values.Min().ToString(CultureInfo.InvariantCulture), high = values.Max().ToString(CultureInfo.InvariantCulture);
        int count = problem.Schema.Classes.Length;
        return $"Label '{label.Name}' holds {count} different whole numbers ({low} to {high}), read as {count} classes: up to {TaskDetector.MaxIntegerClasses} are. "
            + "If they measure an amount (a score, a count), --task regression predicts it as a number.";
    }
}
