using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// Keras's <c>Flatten</c>: turns C×H×W feature maps into a flat vector for the dense layers that follow. Batches are
/// already rows of C·H·W values in NCHW order (ONNX's <c>Flatten(axis=1)</c> order), so the values pass through
/// unchanged; the layer marks where the image ends and states the shape it consumes.
/// </summary>
public sealed class FlattenLayer : SpatialLayer
{
    /// <summary>Creates a flatten layer.</summary>
    /// <param name="inputShape">Shape of one input sample.</param>
    public FlattenLayer(ImageShape inputShape)
        : base(Checked(inputShape), new ImageShape(inputShape.Size, 1, 1))
    {
    }

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckInputs(inputs);
        // The input stays unchanged until Backward (the layer contract), so it can be the output itself.
        SetOutput(inputs);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        ArgumentNullException.ThrowIfNull(dValues);
        CheckGradient(dValues, dValues.Rows);
        SetDInputs(dValues);
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckInputs(inputs);
        PrepareInferOutput(outputs, inputs.Rows, InputShape.Size);
        inputs.AsSpan().CopyTo(outputs.AsSpan());
    }

    private static ImageShape Checked(ImageShape shape)
    {
        shape.Validate(nameof(FlattenLayer), "inputShape");
        return shape;
    }

    /// <summary>Tag 24 of the model format (since version 2).</summary>
    internal static readonly LayerFormat Format = new(24, "Flatten", 2, typeof(FlattenLayer),
        (ref PayloadReader r, string what) => new FlattenLayer(LayerPersistence.ReadShape(ref r, $"the input shape of {what}")));

    /// <inheritdoc />
    internal override void Write(PayloadWriter writer) => LayerPersistence.WriteShape(writer, InputShape);

    /// <inheritdoc />
    /// <remarks>Flatten(axis=1) of an NCHW tensor yields the engine's C·H·W row order, so the next dense layer's weights apply as they are.</remarks>
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) => new(input.Flat(graph, name), null);
}
