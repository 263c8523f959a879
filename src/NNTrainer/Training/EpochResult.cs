using NNTrainer.Losses;
using NNTrainer.Metrics;

namespace NNTrainer.Training;

/// <summary>The figures of one training epoch.</summary>
/// <param name="Epoch">Epoch number, from 1.</param>
/// <param name="DataLoss">Mean data loss over the epoch's training steps (weights changing during the epoch, as the book reports it).</param>
/// <param name="RegularizationLoss">L1/L2 penalty of the weights at the end of the epoch.</param>
/// <param name="Accuracy">Training accuracy accumulated over the epoch's steps.</param>
/// <param name="ValidationLoss">Data loss on the validation data at the end of the epoch, or null without validation data.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation data, or null without validation data.</param>
/// <param name="LearningRate">The optimizer's learning rate at the end of the epoch (after decay).</param>
/// <param name="Elapsed">Wall time of the epoch's training steps (validation excluded).</param>
public sealed record EpochResult(
    int Epoch,
    double DataLoss,
    double RegularizationLoss,
    double Accuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    float LearningRate,
    TimeSpan Elapsed)
{
    /// <summary>Data loss plus regularisation loss.</summary>
    public double Loss => DataLoss + RegularizationLoss;
}
