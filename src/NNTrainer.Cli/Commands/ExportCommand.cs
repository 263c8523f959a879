using NNTrainer.Cli.Images;
using NNTrainer.ML;
using NNTrainer.Onnx;

namespace NNTrainer.Cli.Commands;

/// <summary>
/// <c>nntrainer export</c>: a saved neural-network model as one ONNX file that reads the CSV's feature columns
/// (missing-value replacement, normalisation and one-hot encoding included), or for a model trained on an image folder
/// the pixels its image steps prepare (<see cref="ImageOnnxExport"/>).
/// </summary>
internal sealed class ExportCommand
{
    private readonly Argument<string> _model = new("model") { Description = "A model zip written by 'nntrainer train' with the neural network (--trainer nn)" };
    private readonly Option<string> _onnx = new("--onnx") { Description = "Where to write the ONNX model", HelpName = "FILE", Required = true };
    private readonly Option<int> _opset = new("--opset") { Description = "ONNX opset version, 13 to 17", DefaultValueFactory = _ => 13 };
    private readonly OutputOptions _output = new();

    public Command Build()
    {
        var command = new Command("export", "Export a saved neural-network model to ONNX: one file that takes the CSV's feature columns and gives the model's scores and prediction.") { _model, _onnx, _opset };
        NetworkOptions.Check(_opset, v => v is >= 13 and <= 17, "from 13 to 17");
        return _output.Complete(command, Run);
    }

    private int Run(ParseResult result, Reporter reporter)
    {
        var ml = new MLContext(seed: 0);
        var modelPath = result.GetValue(_model)!;
        var onnxPath = result.GetValue(_onnx)!;
        var model = ModelFile.Load(modelPath, ml);
        var directory = Path.GetDirectoryName(Path.GetFullPath(onnxPath))!;
        if (!Directory.Exists(directory)) throw new CliException($"Cannot write the ONNX model to {onnxPath}: folder {directory} does not exist.");
        FoundNeuralNetwork found;
        try
        {
            found = NeuralNetworkModel.FindNetwork(model.Transformer);
        }
        catch (ArgumentException)
        {
            throw new CliException($"{modelPath} holds a {model.Schema.Trainer} model; only neural-network models (--trainer nn) can be exported to ONNX.");
        }
        catch (ModelFormatException e)
        {
            throw new CliException($"{modelPath}: the neural network in it is damaged ({e.Message}).");
        }
        var images = model.Schema.Images;
        var (scoring, exportSchema) = images is null ? (ScoringChain(found, model.InputSchema!), model.InputSchema!) : ImageOnnxExport.Split(found, model.InputSchema!);
        try
        {
            ml.Model.ConvertNeuralNetworkToOnnx(scoring, exportSchema, onnxPath, result.GetValue(_opset));
        }
        catch (OnnxExportException e)
        {
            throw new CliException($"Cannot export {modelPath} to ONNX: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write the ONNX model to {onnxPath}: {e.Message}");
        }
        var inputs = images is null ? model.Schema.Features.Select(f => f.Name).ToArray() : [found.FeatureColumnName];
        string[] outputs = model.Schema.Task switch
        {
            TaskKind.Binary => ["Score", "Probability", "PredictedLabel"],
            TaskKind.Multiclass => ["Score", "PredictedLabel"],
            _ => ["Score"],
        };
        reporter.Json["command"] = "export";
        reporter.Json["model"] = Path.GetFullPath(modelPath);
        reporter.Json["onnx"] = Path.GetFullPath(onnxPath);
        reporter.Json["inputs"] = new System.Text.Json.Nodes.JsonArray(inputs.Select(i => (System.Text.Json.Nodes.JsonNode?)i).ToArray());
        reporter.Json["outputs"] = new System.Text.Json.Nodes.JsonArray(outputs.Select(o => (System.Text.Json.Nodes.JsonNode?)o).ToArray());
        reporter.Note(images is null
            ? $"Inputs: {string.Join(", ", inputs)} (one [batch, 1] tensor each). Outputs: {string.Join(", ", outputs)}."
            : $"{ImageOnnxExport.InputNote(images, found.FeatureColumnName)} Outputs: {string.Join(", ", outputs)}.");
        if (model.Schema.MissingValues is { } markers) reporter.Note($"The model was trained reading {markers.Describe()} as missing (--missing-values): the ONNX file reads its inputs as given, so pass those values as a blank would be: NaN in a numeric input, \"{TableDataView.MissingCategory}\" in a category input.");
        if (model.Schema.Task == TaskKind.Multiclass)
        {
            reporter.Note($"PredictedLabel is the class number: {string.Join(", ", model.Schema.Classes.Select((c, i) => $"{i + 1} = {c}"))}.");
        }
        else if (model.Schema.Task == TaskKind.Binary)
        {
            reporter.Note($"PredictedLabel true means '{model.Schema.Classes[1]}'.");
        }
        reporter.Saved("ONNX model", onnxPath);
        reporter.Finish();
        return ExitCodes.Success;
    }

    /// <summary>
    /// The model without the steps that only turn the label column into ML.NET's label: scoring does not need the
    /// label, and ML.NET cannot convert some of those steps (a Boolean MapValue) to ONNX.
    /// </summary>
    private static ITransformer ScoringChain(FoundNeuralNetwork found, DataViewSchema inputSchema)
    {
        var steps = new List<ITransformer>();
        var schema = inputSchema;
        foreach (var step in found.Preceding)
        {
            var next = step.GetOutputSchema(schema);
            // Transforms append the columns they add (or replace) after the ones they receive.
            var added = next.Skip(schema.Count).Select(c => c.Name).Distinct().ToArray();
            if (added is not [ColumnNames.Label]) steps.Add(step);
            schema = next;
        }
        return new TransformerChain<ITransformer>([.. steps, .. found.NetworkSteps, .. found.Following]);
    }
}
