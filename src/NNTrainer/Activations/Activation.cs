using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>
/// A parameter-free non-linearity applied to each sample: same number of values out as in.
/// </summary>
public abstract class Activation : Layer
{
    private Matrix? _inputs;

    /// <summary>The inputs of the last <see cref="Forward"/> call.</summary>
    protected Matrix Inputs => _inputs ?? throw new InvalidOperationException($"{GetType().Name}.Backward needs a Forward first.");

    /// <inheritdoc />
    public override int GetOutputSize(int inputSize) => inputSize;

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = inputs;
        var output = PrepareOutput(inputs.Rows, inputs.Columns);
        Apply(inputs, output);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        ArgumentNullException.ThrowIfNull(dValues);
        var inputs = Inputs;
        if (dValues.Rows != inputs.Rows || dValues.Columns != inputs.Columns)
        {
            throw new ArgumentException($"The gradient must be {inputs.Rows}x{inputs.Columns} (the activation's output); it is {dValues.Rows}x{dValues.Columns}.", nameof(dValues));
        }
        var dInputs = PrepareDInputs(dValues.Rows, dValues.Columns);
        Derive(inputs, Output, dValues, dInputs);
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        PrepareInferOutput(outputs, inputs.Rows, inputs.Columns);
        Apply(inputs, outputs);
    }

    /// <summary>Computes the activation of <paramref name="inputs"/> into <paramref name="outputs"/> (same shape).</summary>
    /// <param name="inputs">Values in.</param>
    /// <param name="outputs">Values out.</param>
    protected abstract void Apply(Matrix inputs, Matrix outputs);

    /// <summary>Computes the gradient with respect to the inputs from the gradient with respect to the outputs.</summary>
    /// <param name="inputs">The forward pass's inputs.</param>
    /// <param name="outputs">The forward pass's outputs.</param>
    /// <param name="dValues">Gradient with respect to the outputs.</param>
    /// <param name="dInputs">Destination: gradient with respect to the inputs.</param>
    protected abstract void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs);
}
