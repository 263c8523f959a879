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
                try
                {
                    var b = calibrated
                        ? ml.BinaryClassification.Evaluate(scored, ColumnNames.Label, ColumnNames.Score, ColumnNames.Probability, ColumnNames.PredictedLabel)
                        : ml.BinaryClassification.EvaluateNonCalibrated(scored, ColumnNames.Label, ColumnNames.Score, ColumnNames.PredictedLabel);
                    double logLoss = b is Microsoft.ML.Data.CalibratedBinaryClassificationMetrics c ? c.LogLoss : double.NaN;
                    return MetricSet.Binary(b.AreaUnderRocCurve, b.Accuracy, b.F1Score, logLoss);
                }
                catch (ArgumentOutOfRangeException)
                {
                    return OneClassBinary(scored, calibrated);
                }
            default:
                var r = ml.Regression.Evaluate(scored, ColumnNames.Label, ColumnNames.Score);
                return MetricSet.Regression(r.RSquared, r.RootMeanSquaredError, r.MeanAbsoluteError);
        }
    }

    // ML.NET's evaluator throws from its AUC when the rows hold one class only (a hold-out of 3 rows of Weka's 14-row
    // weather table); the streaming metrics, defined as ML.NET's, give the accuracy, F1 and log loss and leave AUC NaN.
    private static MetricSet OneClassBinary(IDataView scored, bool calibrated)
    {
        var metrics = new StreamingBinaryMetrics();
        var columns = scored.Schema;
        var probabilityColumn = calibrated ? columns[ColumnNames.Probability] : (DataViewSchema.Column?)null;
        var active = probabilityColumn is { } p ? new[] { columns[ColumnNames.Label], columns[ColumnNames.Score], p } : [columns[ColumnNames.Label], columns[ColumnNames.Score]];
        using var cursor = scored.GetRowCursor(active);
        var label = cursor.GetGetter<bool>(columns[ColumnNames.Label]);
        var score = cursor.GetGetter<float>(columns[ColumnNames.Score]);
        var probability = probabilityColumn is { } q ? cursor.GetGetter<float>(q) : null;
        bool positive = false;
        float raw = 0, calibratedValue = float.NaN;
        while (cursor.MoveNext())
        {
            label(ref positive);
            score(ref raw);
            probability?.Invoke(ref calibratedValue);
            metrics.Add(positive, raw, calibratedValue);
        }
        return MetricSet.Binary(metrics.Auc, metrics.Accuracy, metrics.F1, calibrated ? metrics.LogLoss : double.NaN);
    }
}
