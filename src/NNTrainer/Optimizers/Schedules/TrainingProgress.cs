using NNTrainer.Tensors;
using NNTrainer.Training;

namespace NNTrainer.Optimizers.Schedules;

/// <summary>Where one <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> call is, as a <see cref="LearningRateSchedule"/> sees it.</summary>
/// <param name="Epoch">The epoch about to run, from 0.</param>
/// <param name="Step">The step about to run, from 0 at the start of the <c>Fit</c> call (for a per-epoch schedule, the epoch's first step).</param>
/// <param name="StepsPerEpoch">Batches per epoch, at least 1.</param>
/// <param name="Epochs">The epochs the <c>Fit</c> call runs unless it stops early.</param>
public readonly record struct TrainingProgress(int Epoch, long Step, long StepsPerEpoch, int Epochs)
{
    /// <summary>Steps the <c>Fit</c> call makes if it runs every epoch: <see cref="Epochs"/> × <see cref="StepsPerEpoch"/>.</summary>
    public long TotalSteps => Epochs * StepsPerEpoch;
}
