using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// What the two pooling layers share: square windows of <see cref="PoolSize"/> at <see cref="Stride"/>, no padding
/// (Keras's default "valid"), applied to each channel of each sample on its own.
/// </summary>
public abstract class Pool2DLayer : SpatialLayer
{
    /// <summary>Validates the window and fixes the shapes.</summary>
    /// <param name="inputShape">Shape of one input sample.</param>
    /// <param name="poolSize">Side of the square window.</param>
    /// <param name="stride">Step between windows; null for <paramref name="poolSize"/> (non-overlapping windows).</param>
    /// <param name="layer">The concrete layer's name, for error messages.</param>
    private protected Pool2DLayer(ImageShape inputShape, int poolSize, int? stride, string layer)
        : base(inputShape, OutputShapeOf(inputShape, poolSize, stride ?? poolSize, layer))
    {
        PoolSize = poolSize;
        Stride = stride ?? poolSize;
    }

    /// <summary>Side of the square pooling window.</summary>
    public int PoolSize { get; }

    /// <summary>Step between two windows, in both directions.</summary>
    public int Stride { get; }

    /// <summary>Writes the input shape, window and stride (model format 2).</summary>
    internal override void Write(PayloadWriter w)
    {
        LayerPersistence.WriteShape(w, InputShape);
        w.Write(PoolSize);
        w.Write(Stride);
    }

    /// <summary>
    /// A pooling layer's model-format entry (since version 2): reads what <see cref="Write"/> wrote and passes it to
    /// <paramref name="create"/>, whose constructor checks the window against the shape.
    /// </summary>
    private protected static LayerFormat PoolFormat(byte tag, string name, Type type, Func<ImageShape, int, int, Pool2DLayer> create) =>
        new(tag, name, 2, type, (ref PayloadReader r, string what) => create(
            LayerPersistence.ReadShape(ref r, $"the input shape of {what}"),
            r.ReadCount($"the pool size of {what}", 1, LayerPersistence.MaxWidth, 0),
            r.ReadCount($"the stride of {what}", 1, LayerPersistence.MaxWidth, 0)));

    private static ImageShape OutputShapeOf(ImageShape input, int poolSize, int stride, string layer)
    {
        input.Validate(layer, "inputShape");
        if (poolSize <= 0) throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, $"{layer}: poolSize must be at least 1.");
        if (stride <= 0) throw new ArgumentOutOfRangeException(nameof(stride), stride, $"{layer}: stride must be at least 1.");
        if (poolSize > input.Height || poolSize > input.Width)
        {
            string side = poolSize > input.Height ? $"height {input.Height}" : $"width {input.Width}";
            throw new ArgumentException($"{layer}: poolSize {poolSize} would shrink the input's {side} to zero (input {input}).", nameof(poolSize));
        }
        return new ImageShape(input.Channels, (input.Height - poolSize) / stride + 1, (input.Width - poolSize) / stride + 1);
    }

    /// <summary>Appends the pooling node <paramref name="opType"/>: the engine's pools never pad and drop a partial last window, which is ONNX's floor mode without pads.</summary>
    private protected GraphTensor AppendPool(IInferenceGraph graph, GraphTensor input, string name, string opType, params GraphAttribute[] extra)
    {
        var image = input.Image(graph, InputShape, name);
        GraphAttribute[] attributes =
        [
            GraphAttribute.Integers("kernel_shape", PoolSize, PoolSize),
            GraphAttribute.Integers("strides", Stride, Stride),
            GraphAttribute.Integers("pads", 0, 0, 0, 0),
            .. extra,
        ];
        return new(graph.AddNode(opType, [image.Name], $"{name}_{opType.ToLowerInvariant()}", attributes), OutputShape);
    }
}
