using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// The spatial layers as ONNX nodes on [N, C, H, W] tensors. The engine stores each sample as one NCHW row, so
/// moving between the flat row and the 4-D tensor is a Reshape (into the image) or a Flatten with axis 1 (out of it)
/// and never needs a transpose.
/// </summary>
internal static class SpatialGraph
{
    /// <summary>Appends one spatial layer; <paramref name="index"/> names the layer in error messages.</summary>
    public static SpatialTensor Append(GraphBuilder graph, SpatialLayer layer, SpatialTensor current, string name, int index) => layer switch
    {
        Conv2DLayer conv => Conv(graph, conv, Image(graph, current, conv.InputShape, name), name),
        MaxPool2DLayer pool => Pool(graph, "MaxPool", pool, Image(graph, current, pool.InputShape, name), name),
        AveragePool2DLayer pool => Pool(graph, "AveragePool", pool, Image(graph, current, pool.InputShape, name), name,
            // The engine divides every window by k²; without padding ONNX's two counts agree, and this keeps them equal if pads appear.
            GraphBuilder.Int("count_include_pad", 1)),
        BatchNormalizationLayer norm => BatchNormalization(graph, norm, current, name),
        // Flatten(axis=1) of an NCHW tensor yields the engine's C·H·W row order, so the next dense layer's weights apply as they are.
        FlattenLayer => new(Flat(graph, current, name), null),
        _ => throw new NotSupportedException($"Layer {index} ({layer.GetType().FullName}) has no ONNX equivalent."),
    };

    /// <summary>The tensor as [batch, values]: a Flatten(axis=1) when it is 4-D.</summary>
    public static string Flat(GraphBuilder graph, SpatialTensor tensor, string name) =>
        tensor.Shape is null ? tensor.Name : graph.Node("Flatten", [tensor.Name], $"{name}_flatten", GraphBuilder.Int("axis", 1));

    /// <summary>The tensor as [batch, C, H, W] of <paramref name="shape"/>: a Reshape of the flat row when it is 2-D.</summary>
    private static SpatialTensor Image(GraphBuilder graph, SpatialTensor tensor, ImageShape shape, string name)
    {
        if (tensor.Shape == shape) return tensor;
        string flat = Flat(graph, tensor, name);
        var dims = graph.Constant($"{name}_image_shape", [-1L, shape.Channels, shape.Height, shape.Width], 4);
        return new(graph.Node("Reshape", [flat, dims], $"{name}_image"), shape);
    }

    private static SpatialTensor Conv(GraphBuilder graph, Conv2DLayer conv, SpatialTensor input, string name)
    {
        int k = conv.KernelSize;
        // The engine's [filters × C·k·k] rows are ONNX's (M, C, kH, kW) weights, flattened.
        var weights = graph.Constant($"{name}_weights", conv.Weights.Values, conv.Filters, conv.InputShape.Channels, k, k);
        var biases = graph.Constant($"{name}_biases", conv.Biases.Values, conv.Filters);
        string output = graph.Node("Conv", [input.Name, weights, biases], $"{name}_conv",
            GraphBuilder.Ints("kernel_shape", k, k),
            GraphBuilder.Ints("strides", conv.Stride, conv.Stride),
            // Explicit pads rather than SAME_UPPER: the odd extra row or column goes after, as the engine pads.
            GraphBuilder.Ints("pads", conv.PadTop, conv.PadLeft, conv.PadBottom, conv.PadRight),
            GraphBuilder.Ints("dilations", 1, 1),
            GraphBuilder.Int("group", 1));
        return new(output, conv.OutputShape);
    }

    private static SpatialTensor Pool(GraphBuilder graph, string opType, Pool2DLayer pool, SpatialTensor input, string name, params AttributeProto[] extra)
    {
        var attributes = new List<AttributeProto>
        {
            GraphBuilder.Ints("kernel_shape", pool.PoolSize, pool.PoolSize),
            GraphBuilder.Ints("strides", pool.Stride, pool.Stride),
            // The engine's pools never pad and drop a partial last window, which is ONNX's floor mode without pads.
            GraphBuilder.Ints("pads", 0, 0, 0, 0),
        };
        attributes.AddRange(extra);
        string output = graph.Node(opType, [input.Name], $"{name}_{opType.ToLowerInvariant()}", [.. attributes]);
        return new(output, pool.OutputShape);
    }

    private static SpatialTensor BatchNormalization(GraphBuilder graph, BatchNormalizationLayer norm, SpatialTensor current, string name)
    {
        // After a dense layer (F×1×1) ONNX's BatchNormalization takes the flat [N, F] tensor as it is (channels on
        // axis 1); after a convolution it needs the image.
        var input = norm.InputShape.PlaneSize == 1 && current.Shape is null ? current : Image(graph, current, norm.InputShape, name);
        int channels = norm.InputShape.Channels;
        var scale = graph.Constant($"{name}_gamma", norm.Gamma.Values, channels);
        var bias = graph.Constant($"{name}_beta", norm.Beta.Values, channels);
        // Inference uses the running statistics, as the engine's Infer and Predict do.
        var mean = graph.Constant($"{name}_running_mean", norm.RunningMean, channels);
        var variance = graph.Constant($"{name}_running_variance", norm.RunningVariance, channels);
        string output = graph.Node("BatchNormalization", [input.Name, scale, bias, mean, variance], $"{name}_batch_norm",
            // Explicit: ONNX's default happens to be the engine's 1e-5 too, but a layer can be built with another.
            GraphBuilder.Float("epsilon", norm.Epsilon),
            GraphBuilder.Float("momentum", norm.Momentum));
        return input with { Name = output };
    }
}
