using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>
/// An activation computed by one element-wise function whose derivative is a function of its output (sigmoid's
/// <c>s·(1 − s)</c>, tanh's <c>1 − t²</c>), exported as the one ONNX operator of the same name.
/// </summary>
/// <remarks>
/// Only the engine's own activations derive from it: what sets one apart is its three constructor arguments. ReLU and
/// leaky ReLU are element-wise too but derive their gradient from the inputs and split large batches over threads, so
/// they implement <see cref="Activation"/> directly.
/// </remarks>
public abstract class OutputDerivedActivation : Activation
{
    private readonly string _onnxOperator;
    private readonly NarrowRows.ElementWise _function;
    private readonly Derivative _derivative;

    /// <summary>The gradient with respect to the inputs from the forward pass's outputs and the gradient with respect to them.</summary>
    private protected delegate void Derivative(ReadOnlySpan<float> outputs, ReadOnlySpan<float> dValues, Span<float> dInputs);

    /// <summary>Creates the activation from its ONNX operator, its function and its derivative.</summary>
    /// <param name="onnxOperator">The ONNX operator that computes the same function (its node is named after it in lower case).</param>
    /// <param name="function">The function, over a span.</param>
    /// <param name="derivative">The backward kernel.</param>
    private protected OutputDerivedActivation(string onnxOperator, NarrowRows.ElementWise function, Derivative derivative)
    {
        _onnxOperator = onnxOperator;
        _function = function;
        _derivative = derivative;
    }

    /// <inheritdoc />
    /// <remarks>Narrow rows are applied one at a time, so each sample's output does not depend on its batch (see <see cref="NarrowRows"/>).</remarks>
    protected sealed override void Apply(Matrix inputs, Matrix outputs) => NarrowRows.ApplyElementWise(inputs, outputs, _function);

    /// <inheritdoc />
    protected sealed override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs) =>
        _derivative(outputs.AsSpan(), dValues.AsSpan(), dInputs.AsSpan());

    /// <inheritdoc />
    public sealed override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        input with { Name = graph.AddNode(_onnxOperator, [input.Name], $"{name}_{_onnxOperator.ToLowerInvariant()}") };
}
