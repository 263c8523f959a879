using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>
/// A loss whose sample loss is the mean over the sample's outputs of one term per output, from the output and its
/// target alone (<see cref="MeanSquaredErrorLoss"/>, <see cref="MeanAbsoluteErrorLoss"/>,
/// <see cref="BinaryCrossEntropyLoss"/>). Each such loss states its term once; the plain and weighted sums are
/// written here once for all of them.
/// </summary>
/// <remarks>
/// The weighted sum adds the same terms in the same order, each times its row's weight, so with every weight 1 the two
/// are bit for bit equal.
/// </remarks>
public abstract class ElementwiseLoss : Loss
{
    // Only the engine's losses derive from it: the term is internal to them.
    private protected ElementwiseLoss()
    {
    }

    /// <summary>The loss of <paramref name="output"/> against <paramref name="target"/>, in double precision.</summary>
    private protected abstract double Term(float output, float target);

    /// <inheritdoc />
    protected sealed override double SumSampleLossesCore(Matrix outputs, Matrix targets)
    {
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += Term(p[i], y[i]);
        return sum / outputs.Columns;
    }

    /// <summary>The weighted sum, term by term as <see cref="SumSampleLossesCore"/> sums them, each times its row's weight.</summary>
    private protected sealed override double SumWeightedSampleLossesCore(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights)
    {
        int n = outputs.Columns;
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        double sum = 0;
        for (int r = 0, i = 0; r < outputs.Rows; r++)
        {
            double w = weights[r];
            for (int c = 0; c < n; c++, i++) sum += w * Term(p[i], y[i]);
        }
        return sum / outputs.Columns;
    }
}
