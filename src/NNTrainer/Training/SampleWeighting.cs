using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// Per-sample weights in a training step (<see cref="FitOptions.SampleWeights"/>): a batch's loss is the weighted mean
/// <c>Σ wᵢ·lᵢ / Σ wᵢ</c>, so its gradient is each sample's unweighted gradient times <c>wᵢ·n / Σ wᵢ</c> for a batch of n
/// (every loss gradient here is already divided by n). Scaling the rows of the output gradient after the loss's own
/// backward pass is what lets every path — the layer-by-layer one, <see cref="FusedClassifierStep"/> and
/// <see cref="SmallInputClassifierKernel"/> — take weights without a second copy of its kernels.
/// </summary>
/// <remarks>
/// With every weight 1 the factor is exactly 1 (n / n) and the weighted losses sum the same terms in the same order, so
/// the model is bit-identical to one trained without weights. A batch whose weights are all 0 contributes a zero
/// gradient and zero loss (the optimizer still takes its step, with momentum if it has any).
/// </remarks>
internal static class SampleWeighting
{
    /// <summary>Throws unless <paramref name="weights"/> has one finite, non-negative weight per row and they are not all 0.</summary>
    /// <param name="weights">The weights.</param>
    /// <param name="rows">Rows of the data they weight.</param>
    /// <param name="option">The option's name, for the message.</param>
    /// <param name="data">What the data is ("training", "validation"), for the message.</param>
    public static void Check(float[] weights, int rows, string option, string data)
    {
        if (weights.Length != rows)
        {
            throw new ArgumentException($"{option} has {weights.Length} weights but the {data} data has {rows} rows: one weight per row is needed.", option);
        }
        bool any = false;
        for (int r = 0; r < weights.Length; r++)
        {
            float w = weights[r];
            // "!(w >= 0)" also catches a NaN.
            if (!(w >= 0f) || float.IsInfinity(w))
            {
                throw new ArgumentException($"{option}: the weight of row {r} is {w}; sample weights must be finite numbers ≥ 0.", option);
            }
            any |= w > 0f;
        }
        if (!any) throw new ArgumentException($"{option}: every weight of the {data} data is 0, so there is nothing to learn from or measure.", option);
    }

    /// <summary>
    /// Writes each sample's gradient factor <c>wᵢ·n / Σ wᵢ</c> into <paramref name="factors"/> and returns <c>Σ wᵢ</c>
    /// (summed in double, in order: exact for integer weights).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Factors(ReadOnlySpan<float> weights, Span<float> factors)
    {
        double sum = 0;
        foreach (float w in weights) sum += w;
        double scale = sum > 0 ? weights.Length / sum : 0;
        for (int i = 0; i < weights.Length; i++) factors[i] = (float)(weights[i] * scale);
        return sum;
    }

    /// <summary>Multiplies row i of a row-major gradient [rows × columns] by <c>factors[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleRows(Span<float> gradient, int columns, ReadOnlySpan<float> factors)
    {
        for (int r = 0; r < factors.Length; r++)
        {
            var row = gradient.Slice(r * columns, columns);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, factors[r], row);
        }
    }

    /// <summary>Multiplies column i (sample i) of a transposed gradient [classes × ld] by <c>factors[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleColumns(Span<float> gradientT, int ld, int classes, ReadOnlySpan<float> factors)
    {
        for (int j = 0; j < classes; j++)
        {
            var row = gradientT.Slice(j * ld, factors.Length);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, factors, row);
        }
    }
}
