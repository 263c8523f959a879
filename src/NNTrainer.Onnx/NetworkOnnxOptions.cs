namespace NNTrainer.Onnx;

/// <summary>Names and opset of an exported engine network (<see cref="NetworkOnnxExtensions"/>).</summary>
public sealed class NetworkOnnxOptions
{
    /// <summary>The graph input: float32, shape [batch, <see cref="Network.InputSize"/>]. Default <c>"input"</c>.</summary>
    public string InputName { get; set; } = "input";

    /// <summary>
    /// The graph output with the network's outputs, exactly what <see cref="Network.Predict(Matrix, int)"/> returns (class
    /// probabilities after a softmax or sigmoid): float32, shape [batch, <see cref="Network.OutputSize"/>]. Default <c>"output"</c>.
    /// </summary>
    public string OutputName { get; set; } = "output";

    /// <summary>
    /// The graph output with the predicted class of a classifier, what <see cref="Network.PredictClasses(Matrix)"/> returns:
    /// int64, shape [batch]. Default <c>"label"</c>; null leaves it out. Regression networks never have it.
    /// </summary>
    public string? PredictedLabelName { get; set; } = "label";

    /// <summary>The default-domain ONNX opset, 13 to 17. Default 13, the oldest that every node needs, so older runtimes load the file too.</summary>
    public int OpsetVersion { get; set; } = OnnxModelFile.MinimumOpset;
}
