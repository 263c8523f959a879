namespace NNTrainer.Cli.Evaluation;

/// <summary>A task's metrics, the main one first (accuracy, AUC or R²).</summary>
internal sealed record MetricSet(TaskKind Task, IReadOnlyList<Metric> Values)
{
    public Metric Main => Values[0];

    public double this[string name] => Values.First(m => m.Name == name).Value;

    /// <summary>A multiclass model's metrics, in table order.</summary>
    public static MetricSet Multiclass(double microAccuracy, double macroAccuracy, double logLoss) => new(TaskKind.Multiclass,
        [new Metric("Accuracy", microAccuracy, true), new Metric("MacroAccuracy", macroAccuracy, true), new Metric("LogLoss", logLoss, false)]);

    /// <summary>A binary model's metrics, in table order (log loss NaN for an uncalibrated model).</summary>
    public static MetricSet Binary(double auc, double accuracy, double f1, double logLoss) => new(TaskKind.Binary,
        [new Metric("AUC", auc, true), new Metric("Accuracy", accuracy, true), new Metric("F1", f1, true), new Metric("LogLoss", logLoss, false)]);

    /// <summary>A regression model's metrics, in table order.</summary>
    public static MetricSet Regression(double rSquared, double rootMeanSquaredError, double meanAbsoluteError) => new(TaskKind.Regression,
        [new Metric("R2", rSquared, true), new Metric("RMSE", rootMeanSquaredError, false), new Metric("MAE", meanAbsoluteError, false)]);

    /// <summary>The metric names of a task, in table order (those the factories above give).</summary>
    public static string[] NamesFor(TaskKind task) => task switch
    {
        TaskKind.Multiclass => ["Accuracy", "MacroAccuracy", "LogLoss"],
        TaskKind.Binary => ["AUC", "Accuracy", "F1", "LogLoss"],
        _ => ["R2", "RMSE", "MAE"],
    };
}
