namespace NNTrainer.Cli.Data;

/// <summary>
/// The two statistics the feature pipeline's numeric part is fitted on, computed over the typed float columns in
/// place: per column the value a missing number is replaced with (ML.NET's <c>ReplaceMissingValues</c>, mode Mean) and
/// the root mean square of the filled values that <c>NormalizeMeanVariance</c> (zero fixed) divides by. Each follows
/// ML.NET 6's own arithmetic step for step — the running mean of the non-zero finite values with the zeros folded in
/// at the end, Welford's update in float64 with the zeros added in one step — so the figures are ML.NET's to the last
/// bit; <see cref="Models.FeaturePipeline.Fit"/> then fits the stock transforms on one or two rows that carry them.
/// </summary>
internal sealed class NumericStatistics
{
    private NumericStatistics(float[] fill, float[] rootMeanSquare)
    {
        Fill = fill;
        RootMeanSquare = rootMeanSquare;
    }

    /// <summary>Per column, the value a missing (NaN) number becomes: the mean of the column's values.</summary>
    public float[] Fill { get; }

    /// <summary>
    /// Per column, <c>(float)√(variance + mean²)</c> of the filled values, float64 inside; the normaliser's scale is its
    /// inverse. 0 when the filled values are constant (ML.NET then scales by 0).
    /// </summary>
    public float[] RootMeanSquare { get; }

    /// <summary>Computes both statistics of each column over the given rows (all rows when null), in row order.</summary>
    public static NumericStatistics Compute(IReadOnlyList<float[]> columns, int[]? rows)
    {
        var fill = new float[columns.Count];
        var rootMeanSquare = new float[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            fill[j] = Mean(columns[j], rows);
            rootMeanSquare[j] = RootMeanSquareOfFilled(columns[j], rows, fill[j]);
        }
        return new NumericStatistics(fill, rootMeanSquare);
    }

    /// <summary>ML.NET's <c>MeanStatDouble</c>: a running mean of the non-zero finite values, zeros folded in at the end.</summary>
    private static float Mean(float[] values, int[]? rows)
    {
        long count = rows?.Length ?? values.Length, notFinite = 0, nonZero = 0;
        double current = 0;
        for (long i = 0; i < count; i++)
        {
            double value = values[rows is null ? i : rows[i]];
            if (value == 0) continue;
            if (!double.IsFinite(value))
            {
                notFinite++;
                continue;
            }
            nonZero++;
            // ML.NET's guard against overflow when the signs differ; the order of operations is kept for the same bits.
            if ((current > 0) ^ (value > 0)) current = current - current / nonZero + value / nonZero;
            else current += (value - current) / nonZero;
        }
        if (count == notFinite) return 0;
        return (float)(current * ((double)nonZero / (count - notFinite)));
    }

    /// <summary>
    /// ML.NET's <c>MeanVarSngAggregator</c> and <c>ComputeScaleAndOffsetFixZero</c> over the filled values: Welford's
    /// update for the non-zero finite values, then the zeros in one step (<c>AdjustForZeros</c>), the population variance.
    /// </summary>
    private static float RootMeanSquareOfFilled(float[] values, int[]? rows, float fill)
    {
        long count = rows?.Length ?? values.Length, notFinite = 0, nonZero = 0;
        double mean = 0, m2 = 0;
        for (long i = 0; i < count; i++)
        {
            float value = values[rows is null ? i : rows[i]];
            if (float.IsNaN(value)) value = fill;
            if (value == 0) continue;
            if (!float.IsFinite(value))
            {
                notFinite++;
                continue;
            }
            nonZero++;
            double delta = value - mean;
            mean += delta / nonZero;
            m2 += delta * (value - mean);
        }
        long zeros = count - notFinite - nonZero;
        if (zeros != 0)
        {
            nonZero += zeros;
            double delta = 0 - mean;
            mean += delta * zeros / nonZero;
            double d2 = delta * (0 - mean);
            m2 += d2 * zeros;
        }
        if (m2 == 0) return 0;
        return (float)Math.Sqrt(m2 / nonZero + mean * mean);
    }
}
