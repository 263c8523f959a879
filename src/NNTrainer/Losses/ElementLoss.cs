using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>One output's loss term, given the output and its target (a struct, so the sums below inline it).</summary>
internal interface IElementLossTerm
{
    /// <summary>The loss of <paramref name="output"/> against <paramref name="target"/>.</summary>
    double Of(float output, float target);
}

/// <summary>
/// The per-sample loss sums of the losses whose sample loss is the mean of one term per output (MSE, MAE, binary
/// cross-entropy), plain and weighted. The weighted sum adds the same terms in the same order, each times its row's
/// weight, so with every weight 1 the two are bit for bit equal.
/// </summary>
internal static class ElementLoss
{
    /// <summary>The sum over samples of the mean term over each sample's outputs.</summary>
    public static double SumSampleLosses<TTerm>(Matrix outputs, Matrix targets, TTerm term)
        where TTerm : struct, IElementLossTerm
    {
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += term.Of(p[i], y[i]);
        return sum / outputs.Columns;
    }

    /// <summary><see cref="SumSampleLosses"/> with each term times its row's weight.</summary>
    public static double SumWeightedSampleLosses<TTerm>(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights, TTerm term)
        where TTerm : struct, IElementLossTerm
    {
        int n = outputs.Columns;
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        double sum = 0;
        for (int r = 0, i = 0; r < outputs.Rows; r++)
        {
            double w = weights[r];
            for (int c = 0; c < n; c++, i++) sum += w * term.Of(p[i], y[i]);
        }
        return sum / outputs.Columns;
    }
}
