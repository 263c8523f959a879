using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// Exports a trained engine <see cref="Network"/> to ONNX: one <c>Gemm</c> per dense layer, <c>Relu</c>,
/// <c>LeakyRelu</c>, <c>Sigmoid</c>, <c>Tanh</c> and <c>Softmax</c> for the activations, dropout removed (it is the
/// identity at inference), and for classifiers the predicted class (<c>ArgMax</c>, or a 0.5 threshold for a single
/// sigmoid output).
/// </summary>
/// <example>
/// <code>
/// network.Fit(x, y, new FitOptions { Epochs = 100 });
/// network.SaveAsOnnx("spiral.onnx");   // input "input" [batch, 2]; outputs "output" [batch, 3] and "label" [batch]
/// </code>
/// </example>
public static class NetworkOnnxExtensions
{
    /// <summary>The network as an ONNX model, in memory.</summary>
    /// <param name="network">A built (trained or loaded) network.</param>
    /// <param name="options">Names and opset; defaults when null.</param>
    /// <exception cref="InvalidOperationException">The network is not built.</exception>
    /// <exception cref="OnnxExportException">The network has a layer with no ONNX equivalent.</exception>
    public static ModelProto ToOnnx(this Network network, NetworkOnnxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new NetworkOnnxOptions();
        OnnxModelFile.CheckOpset(options.OpsetVersion);
        CheckNames(options);
        var graph = new GraphBuilder(new GraphProto { Name = "NNTrainer network" });
        graph.Input(options.InputName, TensorProto.Types.DataType.Float, network.InputSize);
        string output;
        try
        {
            (output, _) = NetworkGraph.Append(graph, network, options.InputName, "");
        }
        catch (NotSupportedException e)
        {
            throw new OnnxExportException(e.Message, e);
        }
        graph.Output(options.OutputName, output, TensorProto.Types.DataType.Float, network.OutputSize);
        if (options.PredictedLabelName is { } labelName && IsClassifier(network))
        {
            string label = network.OutputSize == 1
                ? graph.Node("Cast", [graph.Node("Greater", [output, graph.Constant("half", [0.5f], 1)], "above_half")], "label_column", GraphBuilder.Int("to", (long)TensorProto.Types.DataType.Int64))
                : graph.Node("ArgMax", [output], "label_column", GraphBuilder.Int("axis", 1), GraphBuilder.Int("keepdims", 1));
            label = graph.Node("Reshape", [label, graph.Constant("flat", [-1L], 1)], "label_flat");
            graph.Output(labelName, label, TensorProto.Types.DataType.Int64, 0);
        }
        return OnnxModelFile.Create(graph.Graph, options.OpsetVersion,
            $"NNTrainer network: {network.InputSize} inputs, {network.OutputSize} outputs, {network.ParameterCount:N0} parameters.");
    }

    /// <summary>Writes the network as an ONNX model to a stream.</summary>
    /// <param name="network">A built (trained or loaded) network.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="options">Names and opset; defaults when null.</param>
    public static void SaveAsOnnx(this Network network, Stream stream, NetworkOnnxOptions? options = null) =>
        OnnxModelFile.Write(network.ToOnnx(options), stream);

    /// <summary>Writes the network as an ONNX file, atomically: a failure leaves any earlier file at <paramref name="path"/> intact.</summary>
    /// <param name="network">A built (trained or loaded) network.</param>
    /// <param name="path">The destination file, usually <c>*.onnx</c>.</param>
    /// <param name="options">Names and opset; defaults when null.</param>
    public static void SaveAsOnnx(this Network network, string path, NetworkOnnxOptions? options = null) =>
        OnnxModelFile.Write(network.ToOnnx(options), path);

    /// <summary>
    /// A classifier is what the loss says, or without a loss what the last layer says: a softmax, or a single sigmoid
    /// output. The predicted class then follows <see cref="Network.PredictClasses(Matrix)"/>.
    /// </summary>
    internal static bool IsClassifier(Network network) => network.Loss switch
    {
        CategoricalCrossEntropyLoss or BinaryCrossEntropyLoss => true,
        MeanSquaredErrorLoss or MeanAbsoluteErrorLoss => false,
        _ => network.Layers[^1] is SoftmaxActivation || (network.Layers[^1] is SigmoidActivation && network.OutputSize == 1),
    };

    private static void CheckNames(NetworkOnnxOptions options)
    {
        var names = new[] { options.InputName, options.OutputName, options.PredictedLabelName }.Where(n => n is not null).ToArray();
        if (names.Any(string.IsNullOrEmpty)) throw new ArgumentException("The ONNX input and output names cannot be empty.", nameof(options));
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"The ONNX input and output names must differ: {string.Join(", ", names)}.", nameof(options));
        }
    }
}
