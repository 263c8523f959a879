using NNTrainer.Tensors;

namespace NNTrainer.Metrics;

/// <summary>Classification accuracy: the predicted class (arg-max of the outputs) equals the target class (index or one-hot arg-max).</summary>
public sealed class CategoricalAccuracy : Accuracy
{
    /// <inheritdoc />
    public override (long Correct, long Total) CountCorrect(Matrix outputs, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Rows != outputs.Rows) throw new ArgumentException($"{outputs.Rows} outputs but {targets.Rows} targets.", nameof(targets));
        int n = outputs.Columns;
        bool sparse = targets.Columns == 1;
        if (!sparse && targets.Columns != n) throw new ArgumentException($"Targets have {targets.Columns} columns; expected 1 or {n}.", nameof(targets));
        long correct = 0;
        for (int r = 0; r < outputs.Rows; r++)
        {
            int predicted = n == 1 ? (outputs.Data[r] > 0.5f ? 1 : 0) : Kernels.ArgMax(outputs.Data.AsSpan(r * n, n));
            int actual = sparse ? (int)targets.Data[r] : Kernels.ArgMax(targets.Data.AsSpan(r * n, n));
            if (predicted == actual) correct++;
        }
        return (correct, outputs.Rows);
    }
}
