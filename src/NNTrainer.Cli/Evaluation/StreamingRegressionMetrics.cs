namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// Regression metrics in one pass over (label, prediction) pairs, in constant memory: MAE, MSE, RMSE and R², as
/// ML.NET's regression evaluator defines them (rows with a NaN prediction are left out, as ML.NET counts them as bad
/// scores). The label's spread is kept with Welford's update instead of ML.NET's sum of squares minus squared sum, so
/// R² does not lose digits when the labels are large beside their spread.
/// </summary>
internal sealed class StreamingRegressionMetrics
{
    private CompensatedSum _absoluteErrors;
    private CompensatedSum _squaredErrors;
    private double _labelMean;
    private double _labelSquares;

    /// <summary>Rows counted.</summary>
    public long Count { get; private set; }

    /// <summary>Rows left out because the prediction was NaN.</summary>
    public long BadScores { get; private set; }

    /// <summary>Adds a row's label and prediction.</summary>
    public void Add(float label, float prediction)
    {
        if (float.IsNaN(prediction)) { BadScores++; return; }
        Count++;
        double error = Math.Abs((double)label - prediction);
        _absoluteErrors.Add(error);
        _squaredErrors.Add(error * error);
        double delta = label - _labelMean;
        _labelMean += delta / Count;
        _labelSquares += delta * (label - _labelMean);
    }

    /// <summary>Mean absolute error; 0 without rows, as ML.NET.</summary>
    public double MeanAbsoluteError => Count > 0 ? _absoluteErrors.Value / Count : 0;

    /// <summary>Mean squared error; 0 without rows, as ML.NET.</summary>
    public double MeanSquaredError => Count > 0 ? _squaredErrors.Value / Count : 0;

    /// <summary>The square root of <see cref="MeanSquaredError"/>.</summary>
    public double RootMeanSquaredError => Math.Sqrt(MeanSquaredError);

    /// <summary>1 − SSE / SST; NaN when every label is the same (ML.NET's answer), 0 without rows.</summary>
    public double RSquared => Count == 0 ? 0 : _labelSquares == 0 ? double.NaN : 1 - _squaredErrors.Value / _labelSquares;
}
