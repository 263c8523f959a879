using NNTrainer.Tensors;

namespace NNTrainer.Metrics;

/// <summary>Binary accuracy: each sigmoid output, thresholded at 0.5, equals its 0/1 target. Every output counts once.</summary>
public sealed class BinaryAccuracy : Accuracy
{
    /// <inheritdoc />
    public override (long Correct, long Total) CountCorrect(Matrix outputs, Matrix targets)
    {
        TargetShape.RequireSame(outputs, targets);
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        long correct = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if ((p[i] > 0.5f) == (y[i] > 0.5f)) correct++;
        }
        return (correct, p.Length);
    }
}
