using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;
using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// Exports a whole ML.NET model that contains NNTrainer's network: ML.NET's own exporter converts the stock steps
/// before the network (and after it, if any), and the network's nodes are grafted in between, so the ONNX file reads
/// the raw input columns. ML.NET's exporter alone cannot do this: given the whole model it silently drops the
/// network step and every step before it, and writes a graph that expects <c>Score</c> as an input.
/// </summary>
internal static class PipelineOnnxExporter
{
    /// <summary>What the error messages say about the stock exporter, so users do not fall back on it unawares.</summary>
    public const string StockExporterWarning =
        "Note: ML.NET's own mlContext.Model.ConvertToOnnx cannot export this model either: it silently drops the neural network step and every step before it.";

    private const int StockOpset = 12;

    public static ModelProto Convert(ModelOperationsCatalog catalog, ITransformer model, IDataView inputData, int opset)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputData);
        OnnxModelFile.CheckOpset(opset);
        FoundNeuralNetwork found;
        try
        {
            found = NeuralNetworkModel.FindNetwork(model);
        }
        catch (ArgumentException e)
        {
            // Without FindNetwork's " (Parameter 'model')", which would otherwise sit in the middle of the sentence.
            string reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty);
            throw new OnnxExportException($"{reason} For a model without one, use mlContext.Model.ConvertToOnnx.", e);
        }

        RefuseImageSteps(found);
        var imports = new Dictionary<string, long>(StringComparer.Ordinal);
        var (graph, columns) = found.Preceding.Count > 0
            ? StockGraph(catalog, found.Preceding, inputData, "the steps before the neural network", imports)
            : InputGraph(found, inputData);
        var builder = new GraphBuilder(graph);
        OpsetUpgrade.To13OrLater(builder, graph.Node, "the steps before the neural network");
        if (!columns.TryGetValue(found.FeatureColumnName, out var features))
        {
            throw new OnnxExportException($"ML.NET's ONNX graph for the steps before the neural network has no column '{found.FeatureColumnName}', which the network reads. {StockExporterWarning}");
        }
        if (features.Type != TensorProto.Types.DataType.Float || (features.Width != 0 && features.Width != found.Network.InputSize))
        {
            throw new OnnxExportException($"Column '{found.FeatureColumnName}' is a {features.Type} tensor of width {features.Width} in ML.NET's ONNX graph; the network reads {found.Network.InputSize} floats.");
        }
        Dictionary<string, ColumnTensor> outputs;
        try
        {
            outputs = TaskOutputs.Append(builder, found, features.Tensor);
        }
        catch (NotSupportedException e)
        {
            throw new OnnxExportException(e.Message, e);
        }
        foreach (var (name, tensor) in outputs) columns[name] = tensor;
        if (found.Following.Count > 0) AppendFollowing(catalog, found, inputData, builder, columns, outputs, imports);

        graph.Output.Clear();
        foreach (var (name, tensor) in outputs) builder.Output(name, tensor.Tensor, tensor.Type, tensor.Width);
        GraphPruning.KeepOnlyWhatOutputsNeed(graph);
        CheckInputsAreRawColumns(graph, inputData.Schema);
        graph.Name = "NNTrainer pipeline";
        var result = OnnxModelFile.Create(graph, opset,
            $"ML.NET pipeline with an NNTrainer {found.Task} network ({found.Network.InputSize} features, {found.Network.OutputSize} outputs); outputs: {string.Join(", ", outputs.Keys)}.");
        foreach (var (domain, version) in imports)
        {
            if (domain.Length > 0 && domain != "ai.onnx") result.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }
        return result;
    }

    private static (GraphProto Graph, Dictionary<string, ColumnTensor> Columns) InputGraph(FoundNeuralNetwork found, IDataView inputData)
    {
        var graph = new GraphProto();
        new GraphBuilder(graph).Input(found.FeatureColumnName, TensorProto.Types.DataType.Float, found.Network.InputSize);
        var columns = new Dictionary<string, ColumnTensor>(StringComparer.Ordinal)
        {
            [found.FeatureColumnName] = new(found.FeatureColumnName, TensorProto.Types.DataType.Float, found.Network.InputSize),
        };
        if (inputData.Schema.GetColumnOrNull(found.FeatureColumnName) is null)
        {
            throw new OnnxExportException($"The input data has no column '{found.FeatureColumnName}', which the neural network reads.");
        }
        return (graph, columns);
    }

    /// <summary>ML.NET's ONNX graph for stock steps, and the tensor of every column it outputs.</summary>
    private static (GraphProto Graph, Dictionary<string, ColumnTensor> Columns) StockGraph(ModelOperationsCatalog catalog, IReadOnlyList<ITransformer> steps,
        IDataView data, string what, Dictionary<string, long> imports)
    {
        using var stream = new MemoryStream();
        try
        {
            catalog.ConvertToOnnx(new TransformerChain<ITransformer>(steps.ToArray()), data, StockOpset, stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ML.NET's message rarely names the step (a dictionary key of its own, or "the targeted pipeline can not be
            // fully converted"), so the step is found by converting ever longer prefixes: only on this error path.
            throw new OnnxExportException($"ML.NET cannot convert {what} to ONNX{UnconvertibleStep.Describe(catalog, steps, data)}: {e.Message} {StockExporterWarning}", e);
        }
        stream.Position = 0;
        var model = ModelProto.Parser.ParseFrom(stream);
        foreach (var import in model.OpsetImport)
        {
            imports[import.Domain] = Math.Max(import.Version, imports.GetValueOrDefault(import.Domain));
        }
        var columns = new Dictionary<string, ColumnTensor>(StringComparer.Ordinal);
        const string Suffix = ".output";
        foreach (var output in model.Graph.Output)
        {
            if (output.Name.EndsWith(Suffix, StringComparison.Ordinal)) columns[output.Name[..^Suffix.Length]] = ColumnTensor.From(output);
        }
        return (model.Graph, columns);
    }

    /// <summary>Grafts ML.NET's graph for the steps after the network, reading the network's columns; new or replaced columns become outputs.</summary>
    private static void AppendFollowing(ModelOperationsCatalog catalog, FoundNeuralNetwork found, IDataView inputData, GraphBuilder builder,
        Dictionary<string, ColumnTensor> columns, Dictionary<string, ColumnTensor> outputs, Dictionary<string, long> imports)
    {
        // Only the scored schema matters, and a view with no lineage keeps ML.NET's exporter from walking back into
        // the network's steps (which it cannot convert) when they are the stock steps of a reloaded model.
        var scoredSchema = new TransformerChain<ITransformer>(found.Preceding.Concat(found.NetworkSteps).ToArray()).GetOutputSchema(inputData.Schema);
        var scored = new SchemaOnlyDataView(scoredSchema);
        const string What = "the steps after the neural network";
        var (suffix, suffixColumns) = StockGraph(catalog, found.Following, scored, What, imports);
        var wanted = suffixColumns.Where(c => outputs.ContainsKey(c.Key) || scored.Schema.GetColumnOrNull(c.Key) is null).ToArray();
        suffix.Output.Clear();
        foreach (var (name, _) in wanted) suffix.Output.Add(new ValueInfoProto { Name = name + ".output" });
        GraphPruning.KeepOnlyWhatOutputsNeed(suffix);
        var temporary = new GraphBuilder(suffix);
        OpsetUpgrade.To13OrLater(temporary, suffix.Node, What);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in suffix.Input)
        {
            if (!columns.TryGetValue(input.Name, out var tensor))
            {
                throw new OnnxExportException($"ML.NET's ONNX graph for {What} reads column '{input.Name}', which the graph before it does not compute.");
            }
            inputs[input.Name] = tensor.Tensor;
        }
        var renamed = GraphGrafting.Graft(builder, suffix, inputs, "after/");
        foreach (var (name, tensor) in wanted) outputs[name] = tensor with { Tensor = renamed[tensor.Tensor] };
    }

    /// <summary>
    /// ML.NET's image transforms (LoadImages, ResizeImages, ExtractPixels…) have no ONNX form: ONNX cannot read files
    /// or decode PNG and JPEG. Matched by assembly name, so this assembly needs no reference to ML.NET's ImageAnalytics.
    /// </summary>
    private static void RefuseImageSteps(FoundNeuralNetwork found)
    {
        for (int i = 0; i < found.Preceding.Count; i++)
        {
            var type = found.Preceding[i].GetType();
            if (type.Assembly.GetName().Name != "Microsoft.ML.ImageAnalytics") continue;
            throw new OnnxExportException(
                $"Step {i + 1} of the model ({type.Name}) works on images, which ONNX cannot load, decode or resize. Export the network from its pixel column instead: " +
                $"ConvertNeuralNetworkToOnnx(<the neural network transformer>, <the data transformed up to ExtractPixels>), whose graph reads column '{found.FeatureColumnName}' " +
                $"as [batch, {found.Network.InputSize}] floats in C×H×W order, and feed it pixels prepared the same way (see docs/images.md).");
        }
    }

    /// <summary>
    /// ML.NET's exporter treats a step it cannot convert as the start of the data: everything up to it disappears and
    /// its output columns become graph inputs. Such a file would not read the raw columns, so it is refused.
    /// </summary>
    private static void CheckInputsAreRawColumns(GraphProto graph, DataViewSchema inputSchema)
    {
        foreach (var input in graph.Input)
        {
            if (inputSchema.GetColumnOrNull(input.Name) is null)
            {
                throw new OnnxExportException(
                    $"ML.NET's exporter could not convert every step before the neural network: the ONNX graph would need column '{input.Name}' as an input instead of computing it from the raw columns. {StockExporterWarning}");
            }
        }
    }
}
