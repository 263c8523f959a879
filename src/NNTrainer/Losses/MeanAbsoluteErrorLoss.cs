using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>Mean absolute error, <c>mean(|y − ŷ|)</c> over a sample's outputs: a regression loss less sensitive to outliers.</summary>
/// <remarks>
/// The gradient is <c>−sign(y − ŷ) / outputs / samples</c>. The book prints it without the leading minus sign,
/// which would climb the loss instead of descending it; a numerical gradient check confirms the sign used here.
/// </remarks>
public sealed class MeanAbsoluteErrorLoss : ElementwiseLoss
{
    /// <summary><c>|y − ŷ|</c>.</summary>
    private protected override double Term(float output, float target) => Math.Abs((double)target - output);

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
