using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>Mean absolute error, <c>mean(|y − ŷ|)</c> over a sample's outputs: a regression loss less sensitive to outliers.</summary>
/// <remarks>
/// The gradient is <c>−sign(y − ŷ) / outputs / samples</c>. The book prints it without the leading minus sign,
/// which would climb the loss instead of descending it; a numerical gradient check confirms the sign used here.
/// </remarks>
public sealed class MeanAbsoluteErrorLoss : Loss
{
    /// <inheritdoc />
    public override void ValidateTargets(Matrix targets, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(targets);
        RequireWidth(targets, outputSize);
        RequireFinite(targets);
    }

    /// <inheritdoc />
    protected override double SumSampleLossesCore(Matrix outputs, Matrix targets)
    {
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += Math.Abs((double)y[i] - p[i]);
        return sum / outputs.Columns;
    }

    /// <summary>The weighted sum, term by term as <see cref="SumSampleLossesCore"/> sums them, each times its row's weight.</summary>
    private protected override double SumWeightedSampleLossesCore(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights)
    {
        int n = outputs.Columns;
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        double sum = 0;
        for (int r = 0, i = 0; r < outputs.Rows; r++)
        {
            double w = weights[r];
            for (int c = 0; c < n; c++, i++) sum += w * Math.Abs((double)y[i] - p[i]);
        }
        return sum / outputs.Columns;
    }

    /// <inheritdoc />
    protected override void BackwardCore(Matrix outputs, Matrix targets, Matrix dInputs)
    {
        float scale = 1f / (outputs.Columns * (float)outputs.Rows);
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        var d = dInputs.AsSpan();
        for (int i = 0; i < p.Length; i++) d[i] = -MathF.Sign(y[i] - p[i]) * scale;
    }
}
