using System.Numerics.Tensors;

namespace NNTrainer.ML;

/// <summary>Finds the first NaN or infinity in a row of features, which the readers' errors name by slot.</summary>
internal static class NonFinite
{
    /// <summary>The index of the first value of <paramref name="values"/> that is not finite, or -1 when all are.</summary>
    /// <remarks>
    /// The largest magnitude is a NaN or an infinity when the row has one (a vectorised test of the whole row); only
    /// then is the row searched for the first such slot.
    /// </remarks>
    public static int IndexOf(ReadOnlySpan<float> values)
    {
        int largest = TensorPrimitives.IndexOfMaxMagnitude(values);
        if (largest < 0 || float.IsFinite(values[largest])) return -1;
        int bad = 0;
        while (float.IsFinite(values[bad])) bad++;
        return bad;
    }
}
