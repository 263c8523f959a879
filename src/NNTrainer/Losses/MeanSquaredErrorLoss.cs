using NNTrainer.Tensors;

namespace NNTrainer.Losses;

/// <summary>Mean squared error, <c>mean((y − ŷ)²)</c> over a sample's outputs: the usual regression loss.</summary>
public sealed class MeanSquaredErrorLoss : ElementwiseLoss
{
    /// <summary><c>(y − ŷ)²</c>.</summary>
    private protected override double Term(float output, float target)
    {
        double e = (double)target - output;
        return e * e;
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
