namespace NNTrainer.Cli.Evaluation;

/// <summary>Computes a task's metrics with ML.NET's stock evaluators from a scored data view.</summary>
internal static class ModelEvaluator
{
    public static MetricSet Evaluate(MLContext ml, TaskKind task, IDataView scored)
    {
        switch (task)
        {
            case TaskKind.Multiclass:
                var m = ml.MulticlassClassification.Evaluate(scored, ColumnNames.Label, ColumnNames.Score, ColumnNames.PredictedLabel);
                return MetricSet.Multiclass(m.MicroAccuracy, m.MacroAccuracy, m.LogLoss);
            case TaskKind.Binary:
                bool calibrated = scored.Schema.GetColumnOrNull(ColumnNames.Probability) is not null;
                var b = calibrated
                    ? ml.BinaryClassification.Evaluate(scored, ColumnNames.Label, ColumnNames.Score, ColumnNames.Probability, ColumnNames.PredictedLabel)
                    : ml.BinaryClassification.EvaluateNonCalibrated(scored, ColumnNames.Label, ColumnNames.Score, ColumnNames.PredictedLabel);
                double logLoss = b is Microsoft.ML.Data.CalibratedBinaryClassificationMetrics c ? c.LogLoss : double.NaN;
                return MetricSet.Binary(SafeAuc(b), b.Accuracy, b.F1Score, logLoss);
            default:
                var r = ml.Regression.Evaluate(scored, ColumnNames.Label, ColumnNames.Score);
                return MetricSet.Regression(r.RSquared, r.RootMeanSquaredError, r.MeanAbsoluteError);
        }
    }

    // AUC is undefined when the held-out rows are all of one class; ML.NET throws on reading it.
    private static double SafeAuc(Microsoft.ML.Data.BinaryClassificationMetrics metrics)
    {
        try
        {
            return metrics.AreaUnderRocCurve;
        }
        catch (ArgumentOutOfRangeException)
        {
            return double.NaN;
        }
    }
}
