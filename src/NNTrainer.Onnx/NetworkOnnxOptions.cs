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

    /// <summary>
    /// Options that name the graph's tensors after the columns of an ML.NET pipeline, so that
    /// <c>mlContext.Transforms.ApplyOnnxModel(modelFile)</c> reads the feature column and adds the score column with
    /// no renaming: input <paramref name="featureColumnName"/> (a known-size vector of <see cref="float"/>), output
    /// <paramref name="scoreColumnName"/> holding what <see cref="Network.Predict(Matrix, int)"/> returns, and no predicted-label output.
    /// </summary>
    /// <param name="featureColumnName">The input tensor's name: the feature column. Default <c>"Features"</c>, ML.NET's default.</param>
    /// <param name="scoreColumnName">
    /// The output tensor's name. Default <c>"Score"</c>: for a softmax classifier the class probabilities (what ML.NET's
    /// multiclass <c>Score</c> holds), for a regression network the predicted value. A network with one sigmoid output
    /// gives the probability, not ML.NET's binary <c>Score</c> (the logit): name it <c>"Probability"</c>.
    /// </param>
    /// <remarks>
    /// The predicted class is left out because the engine's is a 0-based <c>int64</c> index, while ML.NET's
    /// <c>PredictedLabel</c> is a 1-based key; set <see cref="PredictedLabelName"/> to add it under another name.
    /// </remarks>
    /// <example>
    /// <code>
    /// network.SaveAsOnnx("model.onnx", NetworkOnnxOptions.ForMLNet());
    /// var scored = mlContext.Transforms.ApplyOnnxModel("model.onnx").Fit(data).Transform(data);   // adds "Score"
    /// </code>
    /// </example>
    public static NetworkOnnxOptions ForMLNet(string featureColumnName = "Features", string scoreColumnName = "Score") => new()
    {
        InputName = featureColumnName,
        OutputName = scoreColumnName,
        PredictedLabelName = null,
    };
}
