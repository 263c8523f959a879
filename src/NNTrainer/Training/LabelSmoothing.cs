using NNTrainer.Losses;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// The smoothed targets the fused classifier kernels train on when the loss has label smoothing ε
/// (<see cref="CategoricalCrossEntropyLoss.LabelSmoothing"/>, <see cref="BinaryCrossEntropyLoss.LabelSmoothing"/>):
/// class indices become rows of <c>(1 − ε)·onehot + ε/K</c>, probability rows <c>(1 − ε)·y + ε/K</c>, binary targets
/// <c>(1 − ε)·y + ε/2</c>, each value computed by the loss class's own formula so that both paths train on the same numbers.
/// </summary>
internal static class LabelSmoothing
{
    /// <summary>The loss's label smoothing, 0 for a loss without.</summary>
    public static float Of(Loss loss) => loss switch
    {
        CategoricalCrossEntropyLoss categorical => categorical.LabelSmoothing,
        BinaryCrossEntropyLoss binary => binary.LabelSmoothing,
        _ => 0f,
    };

    /// <summary>Writes the smoothed <paramref name="targets"/> into <paramref name="buffer"/> (resized to the batch) and returns it.</summary>
    public static Matrix Apply(Loss loss, float epsilon, Matrix targets, Matrix buffer)
    {
        int rows = targets.Rows;
        buffer.Resize(rows);
        var y = targets.Data;
        var q = buffer.Data;
        int n = buffer.Columns;
        if (loss is CategoricalCrossEntropyLoss)
        {
            if (targets.Columns == 1 && n > 1)
            {
                float on = CategoricalCrossEntropyLoss.Smooth(1f, epsilon, n), off = CategoricalCrossEntropyLoss.Smooth(0f, epsilon, n);
                for (int r = 0; r < rows; r++)
                {
                    int label = CategoricalCrossEntropyLoss.ClassIndex(y[r], n, r);
                    q.AsSpan(r * n, n).Fill(off);
                    q[r * n + label] = on;
                }
                return buffer;
            }
            for (int i = 0; i < rows * n; i++) q[i] = CategoricalCrossEntropyLoss.Smooth(y[i], epsilon, n);
            return buffer;
        }
        for (int i = 0; i < rows * n; i++) q[i] = BinaryCrossEntropyLoss.Smooth(y[i], epsilon);
        return buffer;
    }
}
