namespace NNTrainer.Tensors;

/// <summary>
/// What the cross-entropy arithmetic shares between the losses and the fused kernels that compute them: the clipping
/// bound of predicted probabilities and the check of class-index targets. It lives with the kernels so that they do
/// not reach up into the loss types.
/// </summary>
internal static class Probabilities
{
    /// <summary>Predictions are clipped to [ε, 1 − ε] before a logarithm, as in the book.</summary>
    public const float Epsilon = 1e-7f;

    /// <summary>The class a sparse target names, or an error naming the row.</summary>
    /// <exception cref="ArgumentException">The label is not an integer in [0, classes).</exception>
    public static int ClassIndex(float label, int classes, int row)
    {
        int index = (int)label;
        if (index < 0 || index >= classes || index != label)
        {
            throw new ArgumentException($"Label {label} at row {row} is not a class index in [0, {classes - 1}].");
        }
        return index;
    }
}
