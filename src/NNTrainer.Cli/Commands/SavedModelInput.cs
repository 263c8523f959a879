using NNTrainer.Cli.Images;

namespace NNTrainer.Cli.Commands;

/// <summary>
/// What <c>evaluate</c> and <c>predict</c> take to apply a saved model to a file: the model argument, the CSV reader's
/// options, <c>--missing-values</c> and the image options, and the one routine that opens a table with the model's
/// columns. Each command lists <see cref="Model"/>, <see cref="Reading"/> and <see cref="MissingValues"/> where they
/// go in its help; the image options go after the output options (<see cref="OutputOptions.Complete"/>).
/// </summary>
internal sealed class SavedModelInput
{
    public Argument<string> Model { get; } = new("model") { Description = "A model zip written by 'nntrainer train'" };

    public CsvReadOptions Reading { get; } = new();

    public Option<MissingValues?> MissingValues { get; } = MissingValueOption.Create(training: false);

    public ImageOptions Images { get; } = new(training: false);

    /// <summary>
    /// Loads the model that is to read the table <paramref name="file"/>, with the missing-value markers the command
    /// reads with (<c>--missing-values</c>), and opens a block reader with the model's columns and categories, so a new
    /// file is read as the training file was, and the model's block scorer.
    /// </summary>
    /// <exception cref="CliException">Image options with a table, a model trained on images, or a bad <c>--missing-values</c>.</exception>
    public ModelTable Open(ParseResult result, Reporter reporter, string file, bool labelRequired, bool keepText, bool keepFields = false)
    {
        var ml = new MLContext(seed: 0);
        var model = ImageCommands.LoadCsvModel(result, Images, ml, result.GetValue(Model)!, file);
        var schema = MissingValueOption.Apply(result, MissingValues, model.Schema, reporter);
        var reader = new CsvBlockReader(file, schema, labelRequired, keepText, Reading.SkipsBadRows(result), keepFields, ModelCategories.Read(model), Reading.ReadSeparator(result));
        return new ModelTable(schema, reader, new BlockScorer(ml, model));
    }
}
