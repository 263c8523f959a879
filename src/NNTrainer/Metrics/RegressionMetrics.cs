using NNTrainer.Tensors;

namespace NNTrainer.Metrics;

/// <summary>Root-mean-squared error and coefficient of determination of regression outputs.</summary>
/// <param name="MeanAbsoluteError">Mean of |y − ŷ| over every output value.</param>
/// <param name="RootMeanSquaredError">√(mean of (y − ŷ)²) over every output value.</param>
/// <param name="RSquared">1 − SS_res / SS_tot: 1 is a perfect fit, 0 is no better than predicting the mean.</param>
public sealed record RegressionMetrics(double MeanAbsoluteError, double RootMeanSquaredError, double RSquared)
{
    /// <summary>Computes the metrics of outputs against targets of the same shape.</summary>
    /// <param name="outputs">Predictions.</param>
    /// <param name="targets">True values.</param>
    public static RegressionMetrics Compute(Matrix outputs, Matrix targets)
    {
        TargetShape.RequireSame(outputs, targets);
        var p = outputs.AsSpan();
        var y = targets.AsSpan();
        if (p.Length == 0) throw new ArgumentException("No values to compare.", nameof(outputs));
        double mean = 0;
        foreach (float v in y) mean += v;
        mean /= y.Length;
        double abs = 0, ssRes = 0, ssTot = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double e = (double)y[i] - p[i];
            abs += Math.Abs(e);
            ssRes += e * e;
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : (ssRes == 0 ? 1 : 0);
        return new RegressionMetrics(abs / p.Length, Math.Sqrt(ssRes / p.Length), r2);
    }
}
