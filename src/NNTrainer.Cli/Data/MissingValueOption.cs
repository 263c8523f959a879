namespace NNTrainer.Cli.Data;

/// <summary>
/// <c>--missing-values</c>, shared by <c>train</c>, <c>compare</c>, <c>evaluate</c> and <c>predict</c>
/// (<see cref="MissingValues"/>), and what <c>evaluate</c> and <c>predict</c> do with it against the model's list.
/// </summary>
internal static class MissingValueOption
{
    private const string Always = "An empty field is always missing, and in a numeric column NA, N/A, NaN, null, none, ?, - and #N/A (any case) are too";

    /// <param name="training">For <c>train</c> and <c>compare</c>; else for a saved model's <c>evaluate</c> and <c>predict</c>.</param>
    public static Option<MissingValues?> Create(bool training) => new("--missing-values")
    {
        Description = "Values read as missing, comma-separated, as pandas' na_values (e.g. \"?,-999,unknown\"): in every column but the label, "
            + "or COLUMN=VALUE in one column (in the label's, its rows are skipped as unlabelled). A missing number is filled with the training mean, "
            + "a missing category is the category blanks get. Texts match as written, numbers by value (-999 matches -999.0). " + Always + ". "
            + (training ? "Saved with the model: evaluate and predict read new files with it" : "Default: the list the model was trained with; a list given here replaces it"),
        HelpName = "VALUES",
        CustomParser = result =>
        {
            var markers = MissingValues.Parse(result.Tokens.Select(t => t.Value), out var error);
            if (error is not null) result.AddError(error);
            return markers;
        },
    };

    /// <summary>For <c>train</c> and <c>compare</c>: the option's markers for a file whose label is <paramref name="label"/>, named in the JSON report; null when not given.</summary>
    public static MissingValues? Read(ParseResult result, Option<MissingValues?> option, string label, Reporter reporter)
    {
        if (result.GetValue(option) is not { } markers) return null;
        reporter.Json["missingValues"] = markers.ToJson("option");
        return markers.ForLabel(label);
    }

    /// <summary>
    /// For <c>evaluate</c> and <c>predict</c>: the model's schema with the markers to read the file with, the option's
    /// when given (a file from another source may mark missing values its own way: it replaces the model's list, with a
    /// note when the lists differ), else the model's; noted and named in the JSON report when there are any.
    /// </summary>
    /// <exception cref="CliException">The option names a column the model does not read.</exception>
    public static ModelSchema Apply(ParseResult result, Option<MissingValues?> option, ModelSchema schema, Reporter reporter)
    {
        var given = result.GetValue(option);
        if (given is not null)
        {
            if (given.Columns.Keys.FirstOrDefault(c => c != schema.LabelColumn && !schema.Features.Any(f => f.Name == c)) is { } unknown)
            {
                throw new CliException($"--missing-values names column '{unknown}', which the model does not read; its columns are: {string.Join(", ", schema.Features.Select(f => f.Name).Append(schema.LabelColumn))}.", ExitCodes.UsageError);
            }
            var model = schema.MissingValues;
            if (model is null) reporter.Note($"Read as missing (--missing-values): {given.Describe()}; the model was trained without --missing-values, so these values were read as they are then.");
            else if (!model.SameAs(given)) reporter.Note($"Read as missing (--missing-values): {given.Describe()}, in place of the model's list, which train read its file with: {model.Describe()} (--missing-values \"{model.AsOption()}\").");
            else reporter.Note($"Read as missing (--missing-values, the model's list too): {given.Describe()}.");
            schema = schema with { MissingValues = given };
        }
        else if (schema.MissingValues is { } saved)
        {
            reporter.Note($"Read as missing, as train read its file (the model's --missing-values): {saved.Describe()}.");
        }
        if (schema.MissingValues is { } used) reporter.Json["missingValues"] = used.ToJson(given is null ? "model" : "option");
        return schema;
    }
}
