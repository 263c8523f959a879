namespace NNTrainer.Cli.Data;

/// <summary>Chooses the task from the label column when the user asked for <c>--task auto</c>, and checks an explicit choice.</summary>
internal static class TaskDetector
{
    /// <summary>An integer label with at most this many distinct values is read as classes rather than a quantity.</summary>
    public const int MaxIntegerClasses = 10;

    private static readonly HashSet<string> PositiveNames = new(StringComparer.OrdinalIgnoreCase) { "1", "true", "yes", "y", "positive", "pos", "+" };

    public static TaskKind Detect(TableColumn label, TaskKind? requested)
    {
        var distinct = DistinctValues(label);
        // A constant number is a regression target when the user says so (scikit-learn and ML.NET's regressors fit it
        // and predict it); which classes or task a single value means cannot be guessed.
        bool constantRegression = distinct.Count == 1 && requested == TaskKind.Regression && label.Kind == ColumnKind.Numeric && !label.IsBoolean;
        if (distinct.Count < 2 && !constantRegression)
        {
            throw new CliException($"Label column '{label.Name}' has {(distinct.Count == 0 ? "no values" : $"a single value ('{distinct[0]}')")}; at least two different values are needed" +
                (distinct.Count == 1 && label.Kind == ColumnKind.Numeric && !label.IsBoolean ? " (or --task regression, to fit a model that predicts that value)." : "."));
        }
        if (requested is { } task)
        {
            if (task == TaskKind.Regression && label.Kind != ColumnKind.Numeric)
            {
                throw new CliException($"--task regression needs a numeric label, but column '{label.Name}' holds text such as '{distinct[0]}'.");
            }
            if (task == TaskKind.Binary && distinct.Count != 2)
            {
                throw new CliException($"--task binary needs exactly two label values, but column '{label.Name}' has {distinct.Count} ({Preview(distinct)}).");
            }
            return task;
        }
        if (label.Kind == ColumnKind.Numeric && !label.IsBoolean)
        {
            bool integers = label.Numbers!.All(v => float.IsNaN(v) || v == MathF.Round(v));
            if (!integers || distinct.Count > MaxIntegerClasses) return TaskKind.Regression;
        }
        return distinct.Count == 2 ? TaskKind.Binary : TaskKind.Multiclass;
    }

    /// <summary>Class names in a stable order: numeric order for numbers, ordinal order for text.</summary>
    public static string[] Classes(TableColumn label, TaskKind task)
    {
        if (task == TaskKind.Regression) return [];
        var distinct = DistinctValues(label);
        if (task == TaskKind.Binary)
        {
            var positive = distinct.LastOrDefault(d => IsPositiveName(d, distinct.First(o => o != d))) ?? distinct[1];
            return [distinct.First(d => d != positive), positive];
        }
        return distinct.ToArray();
    }

    /// <summary>Whether a class name says it is the positive class against <paramref name="other"/> (1, true, yes, positive, …).</summary>
    /// <remarks>
    /// 1 says so against 0 or -1 only: of 1 and 2 (survival::lung's status, 1 censored and 2 dead; many surveys' 1 yes
    /// and 2 no) neither is named positive, so the second by order is, as scikit-learn's classes_[1] and R's second level.
    /// </remarks>
    public static bool IsPositiveName(string name, string other) => PositiveNames.Contains(name) && (name != "1" || other is "0" or "-1");

    private static List<string> DistinctValues(TableColumn label)
    {
        if (label.Kind == ColumnKind.Numeric)
        {
            return label.Numbers!.Where(v => !float.IsNaN(v)).Distinct().Order()
                .Select((v, i) => label.IsBoolean ? (v != 0 ? "true" : "false") : v.ToString("R", CultureInfo.InvariantCulture)).ToList();
        }
        return label.Texts!.Where(t => t is not null).Select(t => t!).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string Preview(List<string> values) =>
        string.Join(", ", values.Take(5).Select(v => $"'{v}'")) + (values.Count > 5 ? ", ..." : "");
}
