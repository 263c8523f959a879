using System.CommandLine.Parsing;

namespace NNTrainer.Cli.Commands;

/// <summary><c>train --cv K</c>: report from K-fold cross-validation instead of one held-out part.</summary>
internal static class CrossValidationOption
{
    public static Option<int?> Create()
    {
        var option = new Option<int?>("--cv")
        {
            Description = "Report the mean and standard deviation of the metrics over K cross-validation folds instead of one held-out part (the saved model is still fitted on every row)",
            HelpName = "K",
        };
        NetworkOptions.Check(option, v => v is >= 2, "an integer ≥ 2 (the number of folds)");
        return option;
    }

    /// <summary>--cv replaces --test-fraction and needs a CSV file: say so rather than ignore one of them.</summary>
    public static void Validate(CommandResult result, Option<int?> cv, Option<double> testFraction, bool imageFolder)
    {
        if (!CommandSupport.Given(result, cv)) return;
        if (CommandSupport.Given(result, testFraction)) result.AddError("--cv and --test-fraction are alternatives: with --cv K every row is scored once, by the fold that held it out.");
        if (imageFolder) result.AddError("--cv applies to CSV files; an image folder is measured on a held-out part (--test-fraction).");
    }
}
