using NNTrainer.Optimizers.Schedules;

namespace NNTrainer.Defaults.Bench;

/// <summary>
/// Round 12a's screen (`--nn-options tail=F`): the rate stays constant for the first 1 − F of the training's steps and
/// falls to 0 by a half cosine over the last F, so a constant rate's noise keeps regularising most of the training and
/// the weights it saves come from a settled end instead of whatever Adam's last steps jumped to.
/// </summary>
internal sealed class TailCosineSchedule(float fraction) : LearningRateSchedule
{
    public override bool PerStep => true;

    public override float LearningRate(float initialRate, TrainingProgress progress)
    {
        long total = progress.TotalSteps;
        long start = total - (long)Math.Ceiling(fraction * total);
        if (progress.Step < start) return initialRate;
        double share = Math.Min(1.0, (progress.Step - start) / (double)Math.Max(1, total - start));
        return (float)(initialRate * (1 + Math.Cos(Math.PI * share)) / 2);
    }
}
