namespace NNTrainer.Cli.Data;

/// <summary>
/// Which of a binary label's two classes is the positive one: the class whose AUC, F1 and probability the reports
/// give, and whose probability <c>predict</c> writes. It is the second of the model's classes, saved with the model,
/// so <c>evaluate</c> and <c>predict</c> read it as <c>train</c> chose it. By default a class named as positives are
/// (1, true, yes, …; <see cref="TaskDetector.Classes"/>), else the second by name order; <c>--positive-class</c> chooses.
/// </summary>
internal static class PositiveClass
{
    /// <summary>The option <c>train</c>, <c>compare</c> and <c>evaluate</c> share.</summary>
    public static Option<string?> Option() => new("--positive-class")
    {
        Description = "Binary labels: the class whose AUC, F1 and probability are reported (and, for train, saved with the model as the one predict gives the probability of); default: 1, true, yes or positive when a class is so named, else the second by name order",
        HelpName = "VALUE",
    };

    /// <summary>The classes negative first, positive second, with <paramref name="requested"/> positive when given.</summary>
    /// <param name="classes">The default order (<see cref="TaskDetector.Classes"/>).</param>
    /// <param name="requested">The <c>--positive-class</c> value; null for the default.</param>
    /// <param name="label">The label column's name, for the errors.</param>
    /// <exception cref="CliException">The label is not binary, or no class is <paramref name="requested"/>.</exception>
    public static string[] Order(string[] classes, string? requested, string label)
    {
        if (requested is null) return classes;
        var found = Find(classes, requested, label);
        return found == classes[1] ? classes : [classes[1], classes[0]];
    }

    /// <summary>The model's class <paramref name="requested"/> names: the same text, or the same number (1.0 for 1), or the same text in another case when only one class matches.</summary>
    public static string Find(string[] classes, string requested, string label)
    {
        if (classes.Length != 2)
        {
            throw new CliException($"--positive-class applies to binary labels; label '{label}' has {(classes.Length == 0 ? "numeric targets (regression)" : $"{classes.Length} classes")}.", ExitCodes.UsageError);
        }
        var value = requested.Trim();
        if (ColumnSniffer.TryNumber(value, out float number)) value = number.ToString("R", CultureInfo.InvariantCulture);
        var match = classes.FirstOrDefault(c => c == value) ?? SingleOrNone(classes.Where(c => c.Equals(value, StringComparison.OrdinalIgnoreCase)));
        return match ?? throw new CliException($"--positive-class {requested}: label '{label}' has no such class; its classes are '{classes[0]}' and '{classes[1]}'.", ExitCodes.UsageError);
    }

    /// <summary>The report's line: which class is positive and why.</summary>
    /// <param name="classes">The model's classes, negative then positive.</param>
    /// <param name="requested">The <c>--positive-class</c> value; null when the default chose.</param>
    public static string Note(string[] classes, string? requested)
    {
        var why = requested is not null ? "chosen by --positive-class"
            : TaskDetector.IsPositiveName(classes[1], classes[0]) ? $"its name says so; --positive-class {Quote(classes[0])} chooses the other"
            : $"the second by name order; --positive-class {Quote(classes[0])} chooses the other";
        return $"Positive class: '{classes[1]}' ({why}). AUC, F1 and the probability are those of '{classes[1]}'.";
    }

    /// <summary><c>evaluate</c>'s line: the model's positive class, or with <paramref name="flipped"/> its other class read the other way round.</summary>
    /// <param name="classes">The model's classes, negative then positive.</param>
    /// <param name="flipped">Whether <c>--positive-class</c> named the model's negative class.</param>
    public static string EvaluatedNote(string[] classes, bool flipped) => flipped
        ? $"Positive class: '{classes[0]}' (--positive-class; the model was trained with '{classes[1]}' positive, so its scores and probabilities are read the other way round). AUC, F1 and log loss are those of '{classes[0]}'."
        : $"Positive class: '{classes[1]}' (the model's, as train chose it). AUC, F1 and log loss are those of '{classes[1]}'.";

    private static string? SingleOrNone(IEnumerable<string> matches)
    {
        var list = matches.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    private static string Quote(string value) => value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '<' or '>' or '&' or '|') ? $"'{value}'" : value;
}
