namespace NNTrainer.Onnx;

/// <summary>The nodes of a trained network's inference pass: Gemm per dense layer, one node per activation, no dropout.</summary>
internal static class NetworkGraph
{
    /// <summary>Appends the network's layers, reading float tensor <paramref name="input"/> of shape [batch, InputSize].</summary>
    /// <returns>
    /// The output tensor, and the tensor the last layer turned into it when that layer is a sigmoid or softmax
    /// (the logits), otherwise the output itself.
    /// </returns>
    /// <exception cref="NotSupportedException">The network has a layer that is not one of NNTrainer's.</exception>
    public static (string Output, string Logits) Append(GraphBuilder graph, Network network, string input, string prefix)
    {
        if (!network.IsBuilt) throw new InvalidOperationException("Only a built (trained or loaded) network can be exported to ONNX.");
        string current = input;
        string logits = input;
        for (int i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            string name = $"{prefix}layer{i}";
            logits = current;
            current = layer switch
            {
                DenseLayer dense => Dense(graph, dense, current, name),
                // Dropout is the identity at inference, which is all an exported model does.
                DropoutLayer or LinearActivation => current,
                ReLUActivation => graph.Node("Relu", [current], $"{name}_relu"),
                LeakyReLUActivation leaky => graph.Node("LeakyRelu", [current], $"{name}_leaky_relu", GraphBuilder.Float("alpha", leaky.Alpha)),
                SigmoidActivation => graph.Node("Sigmoid", [current], $"{name}_sigmoid"),
                TanhActivation => graph.Node("Tanh", [current], $"{name}_tanh"),
                SoftmaxActivation => graph.Node("Softmax", [current], $"{name}_softmax", GraphBuilder.Int("axis", 1)),
                _ => throw new NotSupportedException($"Layer {i} ({layer.GetType().FullName}) has no ONNX equivalent: only NNTrainer's dense, dropout and activation layers can be exported."),
            };
        }
        var last = network.Layers[^1];
        return (current, last is SigmoidActivation or SoftmaxActivation ? logits : current);
    }

    private static string Dense(GraphBuilder graph, DenseLayer dense, string input, string name)
    {
        // The engine's weights are [inputs x neurons], row-major: exactly Gemm's B without a transpose.
        var weights = graph.Constant($"{name}_weights", dense.Weights.Values, dense.InputSize, dense.Neurons);
        var biases = graph.Constant($"{name}_biases", dense.Biases.Values, dense.Neurons);
        return graph.Node("Gemm", [input, weights, biases], $"{name}_dense");
    }
}
