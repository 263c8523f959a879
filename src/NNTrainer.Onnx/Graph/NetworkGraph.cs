namespace NNTrainer.Onnx;

/// <summary>
/// The nodes of a trained network's inference pass. Each layer appends its own (<see cref="Layer.AppendTo"/>): Gemm
/// per dense layer, Conv, MaxPool, AveragePool and BatchNormalization for the spatial layers, one node per
/// activation, nothing for dropout.
/// </summary>
internal static class NetworkGraph
{
    /// <summary>Appends the network's layers, reading float tensor <paramref name="input"/> of shape [batch, InputSize].</summary>
    /// <returns>
    /// The output tensor ([batch, OutputSize]), and the tensor the last layer turned into it when that layer is a
    /// sigmoid or softmax (the logits), otherwise the output itself.
    /// </returns>
    /// <exception cref="NotSupportedException">The network has a layer with no graph form (not one of NNTrainer's).</exception>
    public static (string Output, string Logits) Append(GraphBuilder graph, Network network, string input, string prefix)
    {
        if (!network.IsBuilt) throw new InvalidOperationException("Only a built (trained or loaded) network can be exported to ONNX.");
        // The engine keeps every sample a flat row; ONNX's Conv and pools need [N, C, H, W]. The tensor changes rank
        // only where a layer needs the other one, so a network without spatial layers exports exactly as before.
        var current = new GraphTensor(input, null);
        string logits = input;
        for (int i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            logits = current.Name;
            try
            {
                current = layer.AppendTo(graph, current, $"{prefix}layer{i}");
            }
            catch (NotSupportedException e)
            {
                throw new NotSupportedException($"Layer {i} ({layer.GetType().FullName}) has no ONNX equivalent: {e.Message}", e);
            }
        }
        string output = current.Flat(graph, $"{prefix}output");
        var last = network.Layers[^1];
        return (output, last is SigmoidActivation or SoftmaxActivation ? logits : output);
    }
}
