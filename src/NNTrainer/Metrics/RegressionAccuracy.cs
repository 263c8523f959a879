using NNTrainer.Tensors;

namespace NNTrainer.Metrics;

/// <summary>
/// The book's regression "accuracy": a prediction counts as correct when it is within a tolerance of its
/// target, the tolerance being the targets' standard deviation divided by <see cref="PrecisionDivisor"/>.
/// It is a rough progress signal; <see cref="RegressionMetrics"/> gives RMSE and R².
/// </summary>
public sealed class RegressionAccuracy : Accuracy
{
    private float? _precision;

    /// <summary>Creates the metric.</summary>
    /// <param name="precisionDivisor">The tolerance is std(targets) / this (default 250, the book's).</param>
    public RegressionAccuracy(float precisionDivisor = 250f)
    {
        if (!float.IsFinite(precisionDivisor) || precisionDivisor <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(precisionDivisor), precisionDivisor, "The divisor must be a finite number > 0.");
        }
        PrecisionDivisor = precisionDivisor;
    }

    /// <summary>The tolerance is std(targets) / this.</summary>
    public float PrecisionDivisor { get; }

    /// <summary>The tolerance in use, or null before <see cref="Initialize"/>.</summary>
    public float? Precision
    {
        get => _precision;
        internal set => _precision = value;
    }

    /// <inheritdoc />
    public override void Initialize(Matrix targets, bool reinitialize = false)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (_precision is null || reinitialize)
        {
            _precision = (float)(StandardDeviation(targets.AsSpan()) / PrecisionDivisor);
        }
    }

    /// <inheritdoc />
    public override (long Correct, long Total) CountCorrect(Matrix outputs, Matrix targets)
    {
        TargetShape.RequireSame(outputs, targets);
        float precision = _precision ?? throw new InvalidOperationException("RegressionAccuracy.Initialize must run before counting.");
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        long correct = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (MathF.Abs(p[i] - y[i]) < precision) correct++;
        }
        return (correct, p.Length);
    }

    private static double StandardDeviation(ReadOnlySpan<float> values)
    {
        if (values.Length == 0) return 0;
        double mean = 0;
        foreach (float v in values) mean += v;
        mean /= values.Length;
        double sq = 0;
        foreach (float v in values) sq += (v - mean) * (v - mean);
        return Math.Sqrt(sq / values.Length);
    }
}
