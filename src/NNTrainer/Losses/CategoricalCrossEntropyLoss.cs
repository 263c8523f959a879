using NNTrainer.Tensors;
using NNTrainer.Training;

namespace NNTrainer.Losses;

/// <summary>
/// Categorical cross-entropy, <c>−Σ y·log ŷ</c> per sample (<c>−log(ŷ[correct class])</c> for class targets), for
/// softmax outputs. Targets are either class indices (one column, "sparse") or one row of class probabilities
/// per sample (one-hot or soft).
/// Predictions are clipped to [1e−7, 1 − 1e−7] so that log(0) never happens, as in the book.
/// With label smoothing ε the targets become <c>q = (1 − ε)·y + ε/K</c> for K classes (Keras' and PyTorch's
/// <c>label_smoothing</c>), the loss <c>−Σ q·log ŷ</c>, so the network is never pushed to certainty.
/// </summary>
public sealed class CategoricalCrossEntropyLoss : Loss
{
    internal const float Epsilon = Probabilities.Epsilon;

    /// <summary>Creates the loss.</summary>
    /// <param name="labelSmoothing">Label smoothing ε, in [0, 1) (default 0: the plain cross-entropy).</param>
    public CategoricalCrossEntropyLoss(float labelSmoothing = 0f)
    {
        if (!(labelSmoothing >= 0f && labelSmoothing < 1f)) throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1).");
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>Label smoothing ε: the targets trained on are <c>(1 − ε)·y + ε/K</c>.</summary>
    public float LabelSmoothing { get; }

    /// <summary>A target value after label smoothing <paramref name="epsilon"/> over <paramref name="classes"/> classes.</summary>
    internal static float Smooth(float y, float epsilon, int classes) => y * (1f - epsilon) + epsilon / classes;

    /// <inheritdoc />
    public override void ValidateTargets(Matrix targets, int outputSize)
    {
        base.ValidateTargets(targets, outputSize);
        if (targets.Columns == 1 && outputSize > 1)
        {
            var y = targets.AsSpan();
            for (int i = 0; i < y.Length; i++)
            {
                float label = y[i];
                if (label < 0 || label >= outputSize || label != MathF.Floor(label))
                {
                    throw new ArgumentException($"Label {label} at row {i} is not a class index in [0, {outputSize - 1}].", nameof(targets));
                }
            }
        }
        else
        {
            for (int r = 0; r < targets.Rows; r++)
            {
                var row = targets.Row(r);
                foreach (float v in row)
                {
                    if (v < 0f || v > 1f) throw new ArgumentException($"Target row {r} holds {v}; one-hot targets are probabilities in [0, 1].", nameof(targets));
                }
            }
        }
    }

    /// <inheritdoc />
    protected override bool AcceptsTargetWidth(int outputColumns, int targetColumns) => targetColumns == 1 || targetColumns == outputColumns;

    /// <inheritdoc />
    protected override double SumSampleLossesCore(Matrix outputs, Matrix targets)
    {
        int n = outputs.Columns;
        var p = outputs.Data;
        var y = targets.Data;
        double sum = 0;
        float smoothing = LabelSmoothing;
        if (smoothing > 0f)
        {
            bool sparse = IsSparse(outputs, targets);
            for (int r = 0; r < outputs.Rows; r++)
            {
                int label = sparse ? ClassIndex(y[r], n, r) : -1;
                for (int c = 0; c < n; c++)
                {
                    float target = sparse ? (c == label ? 1f : 0f) : y[r * n + c];
                    sum -= Smooth(target, smoothing, n) * Math.Log(Math.Clamp(p[r * n + c], Epsilon, 1f - Epsilon));
                }
            }
        }
        else if (IsSparse(outputs, targets))
        {
            for (int r = 0; r < outputs.Rows; r++)
            {
                float confidence = p[r * n + ClassIndex(y[r], n, r)];
                sum -= Math.Log(Math.Clamp(confidence, Epsilon, 1f - Epsilon));
            }
        }
        else
        {
            // −Σ y·log ŷ, the cross-entropy whose gradient BackwardCore computes. The book's −log(Σ y·ŷ) equals it
            // for one-hot rows only; for probability rows it is another function whose gradient is not −y/ŷ.
            for (int i = 0; i < outputs.Length; i++) sum -= y[i] * Math.Log(Math.Clamp(p[i], Epsilon, 1f - Epsilon));
        }
        return sum;
    }

    /// <summary>The weighted sum, term by term as <see cref="SumSampleLossesCore"/> sums them, each times its row's weight.</summary>
    private protected override double SumWeightedSampleLossesCore(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights)
    {
        int n = outputs.Columns;
        var p = outputs.Data;
        var y = targets.Data;
        bool sparse = IsSparse(outputs, targets);
        float smoothing = LabelSmoothing;
        double sum = 0;
        for (int r = 0; r < outputs.Rows; r++)
        {
            double w = weights[r];
            int label = sparse ? ClassIndex(y[r], n, r) : -1;
            if (sparse && smoothing == 0f)
            {
                sum -= w * Math.Log(Math.Clamp(p[r * n + label], Epsilon, 1f - Epsilon));
                continue;
            }
            for (int c = 0; c < n; c++)
            {
                float target = sparse ? (c == label ? 1f : 0f) : y[r * n + c];
                if (smoothing > 0f) target = Smooth(target, smoothing, n);
                sum -= w * (target * Math.Log(Math.Clamp(p[r * n + c], Epsilon, 1f - Epsilon)));
            }
        }
        return sum;
    }

    /// <inheritdoc />
    protected override void BackwardCore(Matrix outputs, Matrix targets, Matrix dInputs)
    {
        // d/dŷ of −Σ y·log ŷ is −y/ŷ, then averaged over samples.
        int n = outputs.Columns;
        float invSamples = 1f / outputs.Rows;
        var p = outputs.Data;
        var y = targets.Data;
        var d = dInputs.Data;
        bool sparse = IsSparse(outputs, targets);
        float smoothing = LabelSmoothing;
        for (int r = 0; r < outputs.Rows; r++)
        {
            int label = sparse ? ClassIndex(y[r], n, r) : -1;
            for (int c = 0; c < n; c++)
            {
                float target = sparse ? (c == label ? 1f : 0f) : y[r * n + c];
                if (smoothing > 0f) target = Smooth(target, smoothing, n);
                d[r * n + c] = -target / p[r * n + c] * invSamples;
            }
        }
    }

    internal static bool IsSparse(Matrix outputs, Matrix targets) => targets.Columns == 1 && outputs.Columns > 1;

    internal static int ClassIndex(float label, int classes, int row) => Probabilities.ClassIndex(label, classes, row);
}
