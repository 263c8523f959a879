using NNTrainer.Losses;
using NNTrainer.Metrics;

namespace NNTrainer.Training;

/// <summary>A network's figures on a data set.</summary>
/// <param name="DataLoss">Mean data loss per sample.</param>
/// <param name="RegularizationLoss">L1/L2 penalty of the current weights.</param>
/// <param name="Accuracy">Accuracy as the network's <see cref="NNTrainer.Metrics.Accuracy"/> measures it.</param>
/// <param name="Samples">Number of samples evaluated.</param>
/// <param name="Regression">RMSE, MAE and R² when the network's loss is a regression loss; otherwise null.</param>
public sealed record EvaluationResult(double DataLoss, double RegularizationLoss, double Accuracy, int Samples, RegressionMetrics? Regression)
{
    /// <summary>Data loss plus regularisation loss.</summary>
    public double Loss => DataLoss + RegularizationLoss;
}
