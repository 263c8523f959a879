namespace NNTrainer.ML;

/// <summary>
/// When the trainer keeps the feature vectors as sparse rows and trains the first layer on their nonzeros only: wide
/// vectors that are mostly zero, as <c>FeaturizeText</c>'s n-gram counts are (60,000 slots, a few hundred nonzero per
/// row). No table of the defaults benchmark comes near: the widest, Fashion-MNIST, has 784 pixels, half of them nonzero.
/// </summary>
internal static class SparseFeatures
{
    /// <summary>Vectors narrower than this are read densely: a dense product over them costs little, whatever their zeros.</summary>
    public const int MinimumSlots = 4096;

    /// <summary>The largest share of nonzero values (in the rows sampled) at which vectors are kept sparse.</summary>
    public const double MaximumDensity = 0.05;

    /// <summary>Rows sampled from the start of the data to measure the share of nonzeros.</summary>
    public const int SampledRows = 1000;

    /// <summary>
    /// Whether <paramref name="data"/>'s feature vectors are wide and mostly zero: at least <see cref="MinimumSlots"/>
    /// slots, and at most <see cref="MaximumDensity"/> of the values of its first <see cref="SampledRows"/> rows nonzero.
    /// </summary>
    /// <param name="data">The training data.</param>
    /// <param name="features">Its feature column.</param>
    /// <param name="featureCount">Slots per vector.</param>
    public static bool Prefer(IDataView data, DataViewSchema.Column features, int featureCount)
    {
        if (featureCount < MinimumSlots) return false;
        using var cursor = data.GetRowCursor([features]);
        var getter = cursor.GetGetter<VBuffer<float>>(features);
        var vector = default(VBuffer<float>);
        long nonzero = 0, rows = 0;
        // Dense vectors (an image's pixels) exceed what a full sample may hold after a few rows: no need to read on.
        double most = MaximumDensity * SampledRows * featureCount;
        while (rows < SampledRows && cursor.MoveNext())
        {
            getter(ref vector);
            foreach (float v in vector.GetValues()) nonzero += v != 0f ? 1 : 0;
            rows++;
            if (nonzero > most) return false;
        }
        return rows > 0 && nonzero <= MaximumDensity * rows * featureCount;
    }
}
