using NNTrainer.Tensors;
using NNTrainer.Training;

namespace NNTrainer.Losses;

/// <summary>
/// Binary cross-entropy for sigmoid outputs: each output is an independent yes/no probability and each
/// target is 0 or 1 (or a probability in between). A sample's loss is the mean over its outputs of
/// <c>−(y·log ŷ + (1 − y)·log(1 − ŷ))</c>, with ŷ clipped to [1e−7, 1 − 1e−7]. With label smoothing ε each target
/// becomes <c>y·(1 − ε) + ε/2</c> (Keras' <c>label_smoothing</c>).
/// </summary>
public sealed class BinaryCrossEntropyLoss : ElementwiseLoss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="labelSmoothing">Label smoothing ε, in [0, 1) (default 0: the plain binary cross-entropy).</param>
    public BinaryCrossEntropyLoss(float labelSmoothing = 0f)
    {
        if (!(labelSmoothing >= 0f && labelSmoothing < 1f)) throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1).");
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>Label smoothing ε: the targets trained on are <c>y·(1 − ε) + ε/2</c>.</summary>
    public float LabelSmoothing { get; }

    /// <summary>A target value after label smoothing <paramref name="epsilon"/>.</summary>
    internal static float Smooth(float y, float epsilon) => y * (1f - epsilon) + epsilon * 0.5f;

    /// <inheritdoc />
    public override void ValidateTargets(Matrix targets, int outputSize)
    {
        base.ValidateTargets(targets, outputSize);
        var y = targets.AsSpan();
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] < 0f || y[i] > 1f)
            {
                throw new ArgumentException($"Target {y[i]} at row {i / targets.Columns} is not in [0, 1]; binary targets are 0/1 or probabilities.", nameof(targets));
            }
        }
    }

    /// <inheritdoc />
    protected override void BackwardCore(Matrix outputs, Matrix targets, Matrix dInputs)
    {
        float scale = 1f / (outputs.Columns * (float)outputs.Rows);
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        var d = dInputs.AsSpan();
        float smoothing = LabelSmoothing;
        for (int i = 0; i < p.Length; i++)
        {
            float clipped = Math.Clamp(p[i], CategoricalCrossEntropyLoss.Epsilon, 1f - CategoricalCrossEntropyLoss.Epsilon);
            float target = smoothing > 0f ? Smooth(y[i], smoothing) : y[i];
            d[i] = -(target / clipped - (1f - target) / (1f - clipped)) * scale;
        }
    }

    /// <summary>
    /// −(y·log ŷ + (1 − y)·log(1 − ŷ)) after smoothing and clipping; the sums add its negation where they used to
    /// subtract, which is the same float operation.
    /// </summary>
    private protected override double Term(float output, float target)
    {
        float smoothing = LabelSmoothing;
        double y = smoothing > 0f ? Smooth(target, smoothing) : target;
        double clipped = Math.Clamp(output, CategoricalCrossEntropyLoss.Epsilon, 1f - CategoricalCrossEntropyLoss.Epsilon);
        return -(y * Math.Log(clipped) + (1 - y) * Math.Log(1 - clipped));
    }
}
