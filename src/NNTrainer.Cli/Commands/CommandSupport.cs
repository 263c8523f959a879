namespace NNTrainer.Cli.Commands;

/// <summary>Options and helpers several commands share.</summary>
internal static class CommandSupport
{
    public const string DefaultPlotsDirectory = "nntrainer-plots";

    public static Option<string> TaskOption()
    {
        var option = new Option<string>("--task")
        {
            Description = "auto (from the label column), multiclass, binary or regression",
            DefaultValueFactory = _ => "auto",
        };
        NetworkOptions.Check(option, v => v.ToLowerInvariant() is "auto" or "multiclass" or "binary" or "regression", "auto, multiclass, binary or regression");
        return option;
    }

    public static Option<string[]> IgnoreOption() => new("--ignore")
    {
        Description = "Columns not to use as features, comma-separated",
        HelpName = "COLUMNS",
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        DefaultValueFactory = _ => [],
    };

    /// <summary>
    /// <c>--numeric</c>: columns read as numbers even when the file quotes them, which otherwise makes them categories in
    /// a file that quotes its texts and not its numbers, as R's write.csv writes factors (<see cref="Data.QuotedColumns"/>).
    /// </summary>
    public static Option<string[]> NumericOption() => new("--numeric")
    {
        Description = "Columns to read as numbers even when the file quotes them (R's write.csv quotes factors, which are read as categories), comma-separated",
        HelpName = "COLUMNS",
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        DefaultValueFactory = _ => [],
    };

    /// <summary>
    /// <c>--categorical</c>: columns read as categories (one-hot encoded) even when every value is a number, as a
    /// scikit-learn user lists them for <c>OneHotEncoder</c>: integer-coded factors such as R's ChickWeight <c>Diet</c>
    /// (1–4) or a passenger class.
    /// </summary>
    public static Option<string[]> CategoricalOption() => new("--categorical")
    {
        Description = "Columns to read as categories (one-hot encoded) even when they hold numbers, comma-separated, e.g. a diet or class coded 1-4",
        HelpName = "COLUMNS",
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        DefaultValueFactory = _ => [],
    };

    /// <summary>
    /// <c>--max-categories</c>: one-hot slots at most per category column, as ML.NET's one-hot encoder's
    /// <c>maximumNumberOfKeys</c>; the most frequent categories get a slot each and the rest share the 'other' encoding.
    /// Without it the cap scales with the rows (<see cref="Data.CategoryCap.ForRows"/>): every category up to 1,000 while
    /// the one-hot matrix stays under 128 MB (a factor of a few hundred levels that matter, lme4's VerbAgg respondent
    /// id, 316), down to 100 on large tables, where a column of thousands of names would cost gigabytes.
    /// </summary>
    public static Option<int?> MaxCategoriesOption()
    {
        var option = new Option<int?>("--max-categories")
        {
            Description = "One-hot slots at most per category column: the most frequent categories get one each, the others share one 'other' slot "
                + "[default: every category up to 1000 while the one-hot features stay under 32M values (32,000 rows), down to 100 from 320,000 rows]",
            HelpName = "N",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is not { } value) return;
            if (value < 2 || value > Data.CategoryCap.MaxCategoriesLimit) r.AddError($"--max-categories must be from 2 to {Data.CategoryCap.MaxCategoriesLimit:N0}; got {value}.");
        });
        return option;
    }

    public static Option<double> TestFractionOption()
    {
        var option = new Option<double>("--test-fraction")
        {
            Description = "Part of the rows held out to measure the models, in (0, 1)",
            DefaultValueFactory = _ => 0.2,
        };
        NetworkOptions.Check(option, v => v is > 0 and < 1, "in (0, 1)");
        return option;
    }

    public static Option<string> PlotsOption() => new("--plots")
    {
        Description = "Folder for the PNG plots",
        HelpName = "DIR",
        DefaultValueFactory = _ => DefaultPlotsDirectory,
    };

    public static Option<bool> NoPlotsOption() => new("--no-plots") { Description = "Do not draw plots" };

    /// <summary>Whether the user typed the option (a default value does not count).</summary>
    public static bool Given(System.CommandLine.Parsing.CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };

    public static TaskKind? ReadTask(ParseResult result, Option<string> option) => TaskKindNames.Parse(result.GetValue(option));

    public static HashSet<string> ReadSet(ParseResult result, Option<string[]> option) =>
        new(result.GetValue(option) ?? [], StringComparer.Ordinal);

    /// <summary>
    /// An output file given by <paramref name="option"/>, checked before any work: a folder that does not exist, or a
    /// folder given as the file, would otherwise be found only when the result is written, after the training.
    /// </summary>
    /// <exception cref="CliException">The path is a folder, or its folder does not exist (a usage error).</exception>
    public static string OutputFile(string option, string path)
    {
        if (Directory.Exists(path)) throw new CliException($"{option} {path} is a folder; give the name of a file (in it or elsewhere).", ExitCodes.UsageError);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder)) throw new CliException($"{option} {path}: the folder {folder} does not exist.", ExitCodes.UsageError);
        return path;
    }
}
