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
    protected override double SumSampleLossesCore(Matrix outputs, Matrix targets) =>
        ElementLoss.SumSampleLosses(outputs, targets, new AbsoluteError());

    /// <summary>The weighted sum, term by term as <see cref="SumSampleLossesCore"/> sums them, each times its row's weight.</summary>
    private protected override double SumWeightedSampleLossesCore(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights) =>
        ElementLoss.SumWeightedSampleLosses(outputs, targets, weights, new AbsoluteError());

    /// <inheritdoc />
    protected override void BackwardCore(Matrix outputs, Matrix targets, Matrix dInputs)
    {
        float scale = 1f / (outputs.Columns * (float)outputs.Rows);
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        var d = dInputs.AsSpan();
        for (int i = 0; i < p.Length; i++) d[i] = -MathF.Sign(y[i] - p[i]) * scale;
    }

    private readonly struct AbsoluteError : IElementLossTerm
    {
        public double Of(float output, float target) => Math.Abs((double)target - output);
    }
}
