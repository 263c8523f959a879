using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>Mean squared error, <c>mean((y − ŷ)²)</c> over a sample's outputs: the usual regression loss.</summary>
public sealed class MeanSquaredErrorLoss : Loss
{
    /// <inheritdoc />
    protected override double SumSampleLossesCore(Matrix outputs, Matrix targets) =>
        ElementLoss.SumSampleLosses(outputs, targets, new SquaredError());

    /// <summary>The weighted sum, term by term as <see cref="SumSampleLossesCore"/> sums them, each times its row's weight.</summary>
    private protected override double SumWeightedSampleLossesCore(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights) =>
        ElementLoss.SumWeightedSampleLosses(outputs, targets, weights, new SquaredError());

    /// <inheritdoc />
    protected override void BackwardCore(Matrix outputs, Matrix targets, Matrix dInputs)
    {
        float scale = -2f / (outputs.Columns * (float)outputs.Rows);
        var d = dInputs.AsSpan();
        System.Numerics.Tensors.TensorPrimitives.Subtract(targets.AsSpan(), outputs.AsSpan(), d);
        System.Numerics.Tensors.TensorPrimitives.Multiply(d, scale, d);
    }

    private readonly struct SquaredError : IElementLossTerm
    {
        public double Of(float output, float target)
        {
            double e = (double)target - output;
            return e * e;
        }
    }
}
