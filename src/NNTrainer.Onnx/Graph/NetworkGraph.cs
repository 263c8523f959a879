namespace NNTrainer.Onnx;

/// <summary>
/// The nodes of a trained network's inference pass: Gemm per dense layer, Conv, MaxPool, AveragePool and
/// BatchNormalization for the spatial layers, one node per activation, no dropout.
/// </summary>
internal static class NetworkGraph
{
    /// <summary>Appends the network's layers, reading float tensor <paramref name="input"/> of shape [batch, InputSize].</summary>
    /// <returns>
    /// The output tensor ([batch, OutputSize]), and the tensor the last layer turned into it when that layer is a
    /// sigmoid or softmax (the logits), otherwise the output itself.
    /// </returns>
    /// <exception cref="NotSupportedException">The network has a layer that is not one of NNTrainer's.</exception>
    public static (string Output, string Logits) Append(GraphBuilder graph, Network network, string input, string prefix)
    {
        if (!network.IsBuilt) throw new InvalidOperationException("Only a built (trained or loaded) network can be exported to ONNX.");
        // The engine keeps every sample a flat row; ONNX's Conv and pools need [N, C, H, W]. The tensor changes rank
        // only where a layer needs the other one, so a network without spatial layers exports exactly as before.
        var current = new SpatialTensor(input, null);
        string logits = input;
        for (int i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            string name = $"{prefix}layer{i}";
            logits = current.Name;
            current = layer switch
            {
                DenseLayer dense => new(Dense(graph, dense, SpatialGraph.Flat(graph, current, name), name), null),
                // Dropout is the identity at inference, which is all an exported model does.
                DropoutLayer or LinearActivation => current,
                ReLUActivation => current with { Name = graph.Node("Relu", [current.Name], $"{name}_relu") },
                LeakyReLUActivation leaky => current with { Name = graph.Node("LeakyRelu", [current.Name], $"{name}_leaky_relu", GraphBuilder.Float("alpha", leaky.Alpha)) },
                SigmoidActivation => current with { Name = graph.Node("Sigmoid", [current.Name], $"{name}_sigmoid") },
                TanhActivation => current with { Name = graph.Node("Tanh", [current.Name], $"{name}_tanh") },
                // The engine's softmax runs over the whole row, so a 4-D tensor is flattened first.
                SoftmaxActivation => new(graph.Node("Softmax", [SpatialGraph.Flat(graph, current, name)], $"{name}_softmax", GraphBuilder.Int("axis", 1)), null),
                SpatialLayer spatial => SpatialGraph.Append(graph, spatial, current, name, i),
                _ => throw new NotSupportedException($"Layer {i} ({layer.GetType().FullName}) has no ONNX equivalent: only NNTrainer's dense, convolution, pooling, batch-normalisation, flatten, dropout and activation layers can be exported."),
            };
        }
        string output = SpatialGraph.Flat(graph, current, $"{prefix}output");
        var last = network.Layers[^1];
        return (output, last is SigmoidActivation or SoftmaxActivation ? logits : output);
    }

    private static string Dense(GraphBuilder graph, DenseLayer dense, string input, string name)
    {
        // The engine's weights are [inputs x neurons], row-major: exactly Gemm's B without a transpose.
        var weights = graph.Constant($"{name}_weights", dense.Weights.Values, dense.InputSize, dense.Neurons);
        var biases = graph.Constant($"{name}_biases", dense.Biases.Values, dense.Neurons);
        return graph.Node("Gemm", [input, weights, biases], $"{name}_dense");
    }
}

/// <summary>A tensor of the graph being built: flat [batch, values] when <see cref="Shape"/> is null, else [batch, C, H, W].</summary>
internal readonly record struct SpatialTensor(string Name, ImageShape? Shape);
