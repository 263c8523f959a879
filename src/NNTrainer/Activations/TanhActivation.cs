using System.Numerics.Tensors;
using NNTrainer.Layers;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>Hyperbolic tangent: outputs in (−1, 1), zero-centred.</summary>
public sealed class TanhActivation : Activation
{
    /// <inheritdoc />
    /// <remarks>Narrow rows are applied one at a time, so each sample's output does not depend on its batch (see <see cref="NarrowRows"/>).</remarks>
    protected override void Apply(Matrix inputs, Matrix outputs) =>
        NarrowRows.ApplyElementWise(inputs, outputs, TensorPrimitives.Tanh);

    /// <inheritdoc />
    protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs) =>
        Kernels.TanhBackward(outputs.AsSpan(), dValues.AsSpan(), dInputs.AsSpan());

    /// <summary>Tag 13 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(13, "Tanh", 1, typeof(TanhActivation), (ref PayloadReader r, string what) => new TanhActivation());

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        input with { Name = graph.AddNode("Tanh", [input.Name], $"{name}_tanh") };
}
