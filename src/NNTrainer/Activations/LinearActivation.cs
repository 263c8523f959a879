using NNTrainer.Layers;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>The identity, <c>y = x</c>: the output activation of regression networks.</summary>
public sealed class LinearActivation : Activation
{
    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // The identity needs no buffer of its own: expose the inputs themselves.
        SetOutput(inputs);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        ArgumentNullException.ThrowIfNull(dValues);
        SetDInputs(dValues);
    }

    /// <inheritdoc />
    protected override void Apply(Matrix inputs, Matrix outputs) => inputs.AsSpan().CopyTo(outputs.AsSpan());

    /// <inheritdoc />
    protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs) =>
        dValues.AsSpan().CopyTo(dInputs.AsSpan());

    /// <summary>Tag 15 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(15, "Linear", 1, typeof(LinearActivation), (ref PayloadReader r, string what) => new LinearActivation());

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) => input;
}
