using System.Numerics.Tensors;
using NNTrainer.Layers;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>Logistic sigmoid: <c>1 / (1 + e^−x)</c>, each output an independent probability (binary and multi-label outputs).</summary>
public sealed class SigmoidActivation : Activation
{
    /// <inheritdoc />
    /// <remarks>Narrow rows are applied one at a time, so each sample's output does not depend on its batch (see <see cref="NarrowRows"/>).</remarks>
    protected override void Apply(Matrix inputs, Matrix outputs) =>
        NarrowRows.ApplyElementWise(inputs, outputs, TensorPrimitives.Sigmoid);

    /// <inheritdoc />
    protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs) =>
        Kernels.SigmoidBackward(outputs.AsSpan(), dValues.AsSpan(), dInputs.AsSpan());

    /// <summary>Tag 12 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(12, "Sigmoid", 1, typeof(SigmoidActivation), (ref PayloadReader r, string what) => new SigmoidActivation());

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        input with { Name = graph.AddNode("Sigmoid", [input.Name], $"{name}_sigmoid") };
}
