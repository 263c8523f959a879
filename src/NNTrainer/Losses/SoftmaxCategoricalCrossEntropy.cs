using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>
/// The combined backward pass of a softmax output and categorical cross-entropy (the book's
/// <c>Activation_Softmax_Loss_CategoricalCrossentropy</c>): <c>(ŷ − y) / samples</c>, which is both cheaper
/// and more accurate than chaining the two Jacobians.
/// </summary>
public static class SoftmaxCategoricalCrossEntropy
{
    /// <summary>Writes the gradient of the mean cross-entropy with respect to the softmax's inputs.</summary>
    /// <param name="softmaxOutputs">The softmax's outputs, [samples × classes].</param>
    /// <param name="targets">Class indices (one column) or one-hot rows.</param>
    /// <param name="dInputs">Destination, [samples × classes].</param>
    public static void Backward(Matrix softmaxOutputs, Matrix targets, Matrix dInputs)
    {
        ArgumentNullException.ThrowIfNull(softmaxOutputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(dInputs);
        int n = softmaxOutputs.Columns;
        int rows = softmaxOutputs.Rows;
        if (targets.Rows != rows) throw new ArgumentException($"{rows} outputs but {targets.Rows} targets.", nameof(targets));
        if (dInputs.Columns != n) throw new ArgumentException($"The gradient buffer has {dInputs.Columns} columns; expected {n}.", nameof(dInputs));
        dInputs.Resize(rows);
        float invSamples = 1f / rows;
        var p = softmaxOutputs.AsSpan();
        var d = dInputs.AsSpan();
        System.Numerics.Tensors.TensorPrimitives.Multiply(p, invSamples, d);
        if (CategoricalCrossEntropyLoss.IsSparse(softmaxOutputs, targets))
        {
            var y = targets.Data;
            for (int r = 0; r < rows; r++) d[r * n + CategoricalCrossEntropyLoss.ClassIndex(y[r], n, r)] -= invSamples;
        }
        else if (targets.Columns == n)
        {
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(targets.AsSpan(), -invSamples, d, d);
        }
        else
        {
            throw new ArgumentException($"Targets have {targets.Columns} columns; expected 1 (class indices) or {n} (one-hot).", nameof(targets));
        }
    }
}
