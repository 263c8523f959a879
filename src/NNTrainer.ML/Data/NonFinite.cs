using System.Numerics.Tensors;

namespace NNTrainer.ML;

/// <summary>Finds the first NaN or infinity in a row of features, which the readers' errors name by slot.</summary>
internal static class NonFinite
{
    /// <summary>The index of the first value of <paramref name="values"/> that is not finite, or -1 when all are.</summary>
    /// <remarks>
    /// The sum of squares is a NaN or an infinity when the row has one (a vectorised test of the whole row); only then
    /// is the row searched for the first such slot, and that search also settles a sum that overflowed on finite values.
    /// The sum of squares rather than the largest magnitude: the L2 penalty computes it too, so a process compiles one
    /// instantiation of <see cref="TensorPrimitives"/> for both instead of 17 more methods for this test
    /// (docs/first-fit.md).
    /// </remarks>
    public static int IndexOf(ReadOnlySpan<float> values)
    {
        if (float.IsFinite(TensorPrimitives.SumOfSquares(values))) return -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i])) return i;
        }
        return -1;
    }
}
