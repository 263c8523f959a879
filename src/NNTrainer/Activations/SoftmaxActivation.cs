using System.Numerics.Tensors;
using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>
/// Softmax over each sample's values: a probability distribution over classes. Numerically stable
/// (each row's maximum is subtracted before exponentiating).
/// </summary>
/// <remarks>
/// Followed by <see cref="CategoricalCrossEntropyLoss"/>, the network skips this backward pass and uses the
/// combined gradient <c>(ŷ − y) / samples</c>, the book's <c>Activation_Softmax_Loss_CategoricalCrossentropy</c>.
/// </remarks>
public sealed class SoftmaxActivation : Activation
{
    /// <inheritdoc />
    protected override void Apply(Matrix inputs, Matrix outputs) =>
        Kernels.Softmax(inputs.AsSpan(), outputs.AsSpan(), inputs.Rows, inputs.Columns);

    /// <inheritdoc />
    protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs)
    {
        // Jacobian-vector product per sample: dx_i = s_i · (dv_i − Σ_j dv_j·s_j).
        int n = outputs.Columns;
        for (int r = 0; r < outputs.Rows; r++)
        {
            var s = outputs.Data.AsSpan(r * n, n);
            var dv = dValues.Data.AsSpan(r * n, n);
            var dx = dInputs.Data.AsSpan(r * n, n);
            float dot = TensorPrimitives.Dot(dv, s);
            TensorPrimitives.Subtract(dv, dot, dx);
            TensorPrimitives.Multiply(dx, s, dx);
        }
    }

    /// <summary>Tag 14 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(14, "Softmax", 1, typeof(SoftmaxActivation), (ref PayloadReader r, string what) => new SoftmaxActivation());

    /// <inheritdoc />
    /// <remarks>The engine's softmax runs over the whole row, so a 4-D tensor is flattened first.</remarks>
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        new(graph.AddNode("Softmax", [input.Flat(graph, name)], $"{name}_softmax", GraphAttribute.Integer("axis", 1)), null);

}
