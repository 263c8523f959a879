using NNTrainer.Tensors;
using NNTrainer.Training;

namespace NNTrainer.Optimizers.Schedules;

/// <summary>
/// Sets the learning rate during one <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> call
/// (<see cref="FitOptions.LearningRateSchedule"/>): before every epoch, or before every step when <see cref="PerStep"/>,
/// the training loop asks for the rate and gives it to the optimizer (<see cref="Optimizer.ScheduledLearningRate"/>).
/// Epochs and steps count from 0 at the start of each <c>Fit</c>; the optimizer's time-based <see cref="Optimizer.Decay"/>,
/// when set, divides the scheduled rate by <c>1 + decay·iterations</c> on top.
/// </summary>
/// <remarks>A schedule with state (<see cref="ReduceOnPlateauSchedule"/>) is reset by every <c>Fit</c>; do not share one instance between trainings that run at the same time.</remarks>
public abstract class LearningRateSchedule
{
    /// <summary>Whether the rate changes before every step (true) or once per epoch (false).</summary>
    public abstract bool PerStep { get; }

    /// <summary>The rate for a step or epoch.</summary>
    /// <param name="initialRate">The optimizer's <see cref="Optimizer.LearningRate"/>.</param>
    /// <param name="progress">The epoch and step about to run.</param>
    /// <returns>The learning rate, finite and ≥ 0.</returns>
    public abstract float LearningRate(float initialRate, TrainingProgress progress);

    /// <summary>Forgets what earlier trainings taught the schedule; called at the start of every <c>Fit</c>.</summary>
    /// <param name="initialRate">The optimizer's <see cref="Optimizer.LearningRate"/>.</param>
    public virtual void Reset(float initialRate)
    {
    }

    /// <summary>Called after every epoch with the loss early stopping monitors (validation loss when there is validation data, training loss otherwise).</summary>
    /// <param name="monitoredLoss">The epoch's monitored loss.</param>
    public virtual void EpochEnded(double monitoredLoss)
    {
    }

    /// <summary>Returns <paramref name="value"/>, or throws unless it is in the range the check allows, naming the parameter.</summary>
    private protected static T Require<T>(T value, bool valid, string name, string expected) =>
        valid ? value : throw new ArgumentOutOfRangeException(name, value, $"The schedule's {name} must be {expected}.");
}
