using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>
/// The combined backward pass of sigmoid outputs and binary cross-entropy: <c>(ŷ − y) / (outputs · samples)</c>.
/// The sigmoid's derivative ŷ(1 − ŷ) cancels the loss's denominator, so the gradient never blows up when a
/// prediction saturates.
/// </summary>
public static class SigmoidBinaryCrossEntropy
{
    /// <summary>Writes the gradient of the mean binary cross-entropy with respect to the sigmoid's inputs.</summary>
    /// <param name="sigmoidOutputs">The sigmoid's outputs, [samples × outputs].</param>
    /// <param name="targets">Targets, same shape.</param>
    /// <param name="dInputs">Destination, same shape.</param>
    public static void Backward(Matrix sigmoidOutputs, Matrix targets, Matrix dInputs)
    {
        ArgumentNullException.ThrowIfNull(sigmoidOutputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(dInputs);
        if (targets.Rows != sigmoidOutputs.Rows || targets.Columns != sigmoidOutputs.Columns)
        {
            throw new ArgumentException($"Targets are {targets.Rows}x{targets.Columns}; outputs are {sigmoidOutputs.Rows}x{sigmoidOutputs.Columns}.", nameof(targets));
        }
        if (dInputs.Columns != sigmoidOutputs.Columns) throw new ArgumentException("The gradient buffer has the wrong width.", nameof(dInputs));
        dInputs.Resize(sigmoidOutputs.Rows);
        float scale = 1f / (sigmoidOutputs.Columns * (float)sigmoidOutputs.Rows);
        var d = dInputs.AsSpan();
        System.Numerics.Tensors.TensorPrimitives.Subtract(sigmoidOutputs.AsSpan(), targets.AsSpan(), d);
        System.Numerics.Tensors.TensorPrimitives.Multiply(d, scale, d);
    }
}
