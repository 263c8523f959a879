namespace NNTrainer.Optimizers.Schedules;

/// <summary>
/// Exponential decay per epoch, as PyTorch's <c>ExponentialLR</c> stepped once per epoch: the rate of epoch e (from 0)
/// is <c>α = α₀ · γ^e</c>.
/// </summary>
public sealed class ExponentialDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="gamma">The factor γ applied after every epoch, in (0, 1] (default 0.95).</param>
    public ExponentialDecaySchedule(float gamma = 0.95f)
    {
        Gamma = Require(gamma, gamma > 0f && gamma <= 1f, nameof(gamma), "in (0, 1]");
    }

    /// <summary>The factor γ applied after every epoch.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public override bool PerStep => false;

    /// <inheritdoc />
    public override float LearningRate(float initialRate, TrainingProgress progress) =>
        (float)(initialRate * Math.Pow(Gamma, progress.Epoch));
}
