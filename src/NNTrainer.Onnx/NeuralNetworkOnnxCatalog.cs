using Microsoft.ML;
using NNTrainer.ML;
using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// Exports an ML.NET model that contains NNTrainer's neural network to ONNX, as one file that takes the model's raw
/// input columns: <c>mlContext.Model.ConvertNeuralNetworkToOnnx(model, data, stream)</c>.
/// </summary>
/// <remarks>
/// <para>
/// ML.NET's <c>mlContext.Model.ConvertToOnnx</c> alone cannot export such a model, and does not say so: it silently
/// drops the network step and every step before it, and writes a graph whose inputs are the network's own output
/// columns (<c>Score</c>, <c>PredictedLabel</c>…), which computes nothing. These methods let ML.NET's exporter
/// convert the stock steps before the network (normalisers, concatenation, one-hot encoding, missing-value
/// replacement…) and after it (for example <c>MapKeyToValue</c>), and join the network's nodes in between.
/// </para>
/// <para>
/// Outputs, named after the columns: binary <c>Score</c> (logit), <c>Probability</c> and <c>PredictedLabel</c>
/// (bool); multiclass <c>Score</c> (class probabilities) and <c>PredictedLabel</c> (uint32 key: class index + 1,
/// or the label value when the pipeline ends with <c>MapKeyToValue</c>); regression <c>Score</c>; plus any column a
/// step after the network adds. Scalar columns are [batch, 1] tensors, as ML.NET's exporter writes them.
/// </para>
/// </remarks>
public static class NeuralNetworkOnnxCatalog
{
    /// <summary>Writes the model as ONNX to <paramref name="stream"/>.</summary>
    /// <param name="catalog">The model operations catalog (<c>mlContext.Model</c>).</param>
    /// <param name="model">A fitted chain, a trained neural network transformer, or a model from <c>mlContext.Model.Load</c>.</param>
    /// <param name="inputData">Data with the model's input columns (only its schema is used).</param>
    /// <param name="stream">The destination.</param>
    /// <param name="opsetVersion">The default-domain opset, 13 to 17. Default 13.</param>
    /// <exception cref="OnnxExportException">The model has no NNTrainer network, or a step ML.NET cannot convert; the message says which.</exception>
    public static void ConvertNeuralNetworkToOnnx(this ModelOperationsCatalog catalog, ITransformer model, IDataView inputData, Stream stream, int opsetVersion = OnnxModelFile.MinimumOpset) =>
        OnnxModelFile.Write(PipelineOnnxExporter.Convert(catalog, model, inputData, opsetVersion), stream);

    /// <summary>Writes the model as an ONNX file, atomically: a failure leaves any earlier file at <paramref name="path"/> intact.</summary>
    /// <param name="catalog">The model operations catalog (<c>mlContext.Model</c>).</param>
    /// <param name="model">A fitted chain, a trained neural network transformer, or a model from <c>mlContext.Model.Load</c>.</param>
    /// <param name="inputSchema">The model's input schema, for example the one <c>mlContext.Model.Load</c> returns.</param>
    /// <param name="path">The destination file, usually <c>*.onnx</c>.</param>
    /// <param name="opsetVersion">The default-domain opset, 13 to 17. Default 13.</param>
    /// <exception cref="OnnxExportException">The model has no NNTrainer network, or a step ML.NET cannot convert; the message says which.</exception>
    public static void ConvertNeuralNetworkToOnnx(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, string path, int opsetVersion = OnnxModelFile.MinimumOpset)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        OnnxModelFile.Write(PipelineOnnxExporter.Convert(catalog, model, new SchemaOnlyDataView(inputSchema), opsetVersion), path);
    }

    /// <summary>The model as an ONNX <see cref="ModelProto"/>, in memory.</summary>
    /// <param name="catalog">The model operations catalog (<c>mlContext.Model</c>).</param>
    /// <param name="model">A fitted chain, a trained neural network transformer, or a model from <c>mlContext.Model.Load</c>.</param>
    /// <param name="inputData">Data with the model's input columns (only its schema is used).</param>
    /// <param name="opsetVersion">The default-domain opset, 13 to 17. Default 13.</param>
    /// <exception cref="OnnxExportException">The model has no NNTrainer network, or a step ML.NET cannot convert; the message says which.</exception>
    public static ModelProto ConvertNeuralNetworkToOnnxProtobuf(this ModelOperationsCatalog catalog, ITransformer model, IDataView inputData, int opsetVersion = OnnxModelFile.MinimumOpset) =>
        PipelineOnnxExporter.Convert(catalog, model, inputData, opsetVersion);
}
