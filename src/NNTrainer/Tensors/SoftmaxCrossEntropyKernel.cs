using NNTrainer.Losses;
using NNTrainer.Metrics;

namespace NNTrainer.Tensors;

/// <summary>
/// The training step's work on a softmax output trained with categorical cross-entropy and categorical accuracy,
/// in one pass over the probabilities: the summed sample losses, the number of correct predictions and the
/// gradient <c>(ŷ − y) / samples</c>. The accuracy and gradient are exactly those of <see cref="CategoricalAccuracy"/>
/// and <see cref="SoftmaxCategoricalCrossEntropy"/>; the loss is <see cref="CategoricalCrossEntropyLoss"/>'s, with the
/// batch's logarithms taken by <see cref="LogKernel"/> (within one unit in the last place of <see cref="Math.Log(double)"/>).
/// </summary>
internal static class SoftmaxCrossEntropyKernel
{
    [ThreadStatic]
    private static double[]? _confidences;

    [ThreadStatic]
    private static double[]? _logs;

    /// <summary>Whether <see cref="Step"/> applies: more than one class (a one-output softmax is handled by the general path).</summary>
    public static bool Applies(Matrix probabilities) => probabilities.Columns > 1;

    /// <summary>
    /// The step's statistics and gradient; with <paramref name="weights"/> not empty the loss is summed as <c>Σ wᵣ·lᵣ</c>
    /// (the gradient stays unweighted: the training loop scales its rows). Each term is the unweighted one times its
    /// weight, in the same order, so weights of 1 give the unweighted sum bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double LossSum, long Correct) Step(Matrix probabilities, Matrix targets, Matrix gradient, ReadOnlySpan<float> weights = default)
    {
        int n = probabilities.Columns;
        int rows = probabilities.Rows;
        if (targets.Rows != rows) throw new ArgumentException($"{rows} outputs but {targets.Rows} targets.", nameof(targets));
        if (gradient.Columns != n) throw new ArgumentException($"The gradient buffer has {gradient.Columns} columns; expected {n}.", nameof(gradient));
        gradient.Resize(rows);
        const float Epsilon = Probabilities.Epsilon;
        float invSamples = 1f / rows;
        var p = probabilities.Data;
        var y = targets.Data;
        var d = gradient.Data;
        long correct = 0;
        if (_confidences is null || _confidences.Length < rows) _confidences = new double[rows];
        var confidences = _confidences.AsSpan(0, rows);
        if (targets.Columns == 1)
        {
            Kernels.Scale(p.AsSpan(0, rows * n), invSamples, d);
            for (int r = 0; r < rows; r++)
            {
                int o = r * n;
                int label = (int)y[r];
                if ((uint)label >= (uint)n || label != y[r]) label = Probabilities.ClassIndex(y[r], n, r); // throws, naming the row
                confidences[r] = Math.Clamp(p[o + label], Epsilon, 1f - Epsilon);
                if (Kernels.ArgMax(p.AsSpan(o, n)) == label) correct++;
                d[o + label] -= invSamples;
            }
        }
        else if (targets.Columns == n)
        {
            // −Σ y·log ŷ over every value, in the loss class's order (one-hot or probability rows).
            int length = rows * n;
            if (_logs is null || _logs.Length < length) _logs = new double[length];
            var logs = _logs.AsSpan(0, length);
            for (int i = 0; i < length; i++) logs[i] = Math.Clamp(p[i], Epsilon, 1f - Epsilon);
            LogKernel.Log(logs);
            double crossEntropy = 0;
            if (weights.IsEmpty)
            {
                for (int i = 0; i < length; i++) crossEntropy -= y[i] * logs[i];
            }
            else
            {
                for (int i = 0; i < length; i++) crossEntropy -= weights[i / n] * (y[i] * logs[i]);
            }
            for (int r = 0; r < rows; r++)
            {
                int o = r * n;
                if (Kernels.ArgMax(p.AsSpan(o, n)) == Kernels.ArgMax(y.AsSpan(o, n))) correct++;
                for (int j = 0; j < n; j++) d[o + j] = y[o + j] * -invSamples + p[o + j] * invSamples;
            }
            return (crossEntropy, correct);
        }
        else
        {
            throw new ArgumentException($"Targets have {targets.Columns} columns; expected 1 (class indices) or {n} (one-hot).", nameof(targets));
        }
        LogKernel.Log(confidences);
        if (!weights.IsEmpty) return (SumLosses(confidences, weights), correct);
        double loss = 0;
        foreach (double logConfidence in confidences) loss -= logConfidence;
        return (loss, correct);
    }

    /// <summary>The summed losses <c>−Σ log cᵣ</c> of the samples' log-confidences, or <c>−Σ wᵣ·log cᵣ</c> when weighted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double SumLosses(ReadOnlySpan<double> logConfidences, ReadOnlySpan<float> weights)
    {
        double loss = 0;
        if (weights.IsEmpty)
        {
            foreach (double logConfidence in logConfidences) loss -= logConfidence;
        }
        else
        {
            for (int r = 0; r < logConfidences.Length; r++) loss -= weights[r] * logConfidences[r];
        }
        return loss;
    }
}
