namespace NNTrainer.Optimizers.Schedules;

/// <summary>
/// Step decay as in Rosebrock's "Deep Learning for Computer Vision" (the <c>step_decay</c> callback): the rate of epoch e
/// (from 0) is <c>α = α₀ · F^⌊(1 + e) / D⌋</c>, so it drops by the factor F every D epochs (first after D − 1 epochs, as
/// the book's formula does). Changes once per epoch.
/// </summary>
public sealed class StepDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule; the defaults are the book's (F = 0.25, D = 5).</summary>
    /// <param name="factor">The factor F applied at every drop, in (0, 1] (default 0.25).</param>
    /// <param name="dropEvery">The drop period D in epochs, at least 1 (default 5).</param>
    public StepDecaySchedule(float factor = 0.25f, int dropEvery = 5)
    {
        Factor = Require(factor, factor > 0f && factor <= 1f, nameof(factor), "in (0, 1]");
        DropEvery = Require(dropEvery, dropEvery >= 1, nameof(dropEvery), "at least 1");
    }

    /// <summary>The factor F applied at every drop.</summary>
    public float Factor { get; }

    /// <summary>The drop period D in epochs.</summary>
    public int DropEvery { get; }

    /// <inheritdoc />
    public override bool PerStep => false;

    /// <inheritdoc />
    public override float LearningRate(float initialRate, TrainingProgress progress) =>
        (float)(initialRate * Math.Pow(Factor, Math.Floor((1.0 + progress.Epoch) / DropEvery)));
}
