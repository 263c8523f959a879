using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>Mean squared error, <c>mean((y − ŷ)²)</c> over a sample's outputs: the usual regression loss.</summary>
public sealed class MeanSquaredErrorLoss : Loss
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
        for (int i = 0; i < p.Length; i++)
        {
            double e = (double)y[i] - p[i];
            sum += e * e;
        }
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
            for (int c = 0; c < n; c++, i++)
            {
                double e = (double)y[i] - p[i];
                sum += w * (e * e);
            }
        }
        return sum / outputs.Columns;
    }

    /// <inheritdoc />
    protected override void BackwardCore(Matrix outputs, Matrix targets, Matrix dInputs)
    {
        float scale = -2f / (outputs.Columns * (float)outputs.Rows);
        var d = dInputs.AsSpan();
        System.Numerics.Tensors.TensorPrimitives.Subtract(targets.AsSpan(), outputs.AsSpan(), d);
        System.Numerics.Tensors.TensorPrimitives.Multiply(d, scale, d);
    }
}
