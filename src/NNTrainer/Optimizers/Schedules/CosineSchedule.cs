namespace NNTrainer.Optimizers.Schedules;

/// <summary>
/// Cosine annealing with a linear warm-up, changed before every step t (from 0) of T = epochs × batches per epoch:
/// during the first W = <see cref="WarmupEpochs"/> × batches per epoch steps the rate climbs linearly,
/// <c>α = α₀·(t + 1)/W</c>, reaching α₀ on step W − 1; then it follows half a cosine from α₀ down to α_min,
/// <c>α = α_min + (α₀ − α_min)·(1 + cos(π·(t − W)/(T − W)))/2</c>. Without warm-up this is PyTorch's
/// <c>CosineAnnealingLR</c> with <c>T_max</c> = T stepped once per batch. With <see cref="DecayShare"/> s below 1 the
/// rate stays at α₀ after the warm-up and the half cosine spans only the last ⌈s·(T − W)⌉ steps (a warm-down: a constant
/// rate's noise for most of the training, a settled end instead of wherever Adam's last steps jumped; docs/defaults.md
/// round 12).
/// </summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="warmupEpochs">Epochs of linear warm-up, ≥ 0 (default 0: none).</param>
    /// <param name="minLearningRate">The rate α_min at the end of training, finite and ≥ 0 (default 0).</param>
    /// <param name="decayShare">The share of the steps after the warm-up over which the rate falls, in (0, 1] (default 1: all of them).</param>
    public CosineSchedule(int warmupEpochs = 0, float minLearningRate = 0f, float decayShare = 1f)
    {
        WarmupEpochs = Require(warmupEpochs, warmupEpochs >= 0, nameof(warmupEpochs), "≥ 0");
        MinLearningRate = Require(minLearningRate, float.IsFinite(minLearningRate) && minLearningRate >= 0f, nameof(minLearningRate), "a finite number ≥ 0");
        DecayShare = Require(decayShare, decayShare > 0f && decayShare <= 1f, nameof(decayShare), "in (0, 1]");
    }

    /// <summary>Epochs of linear warm-up.</summary>
    public int WarmupEpochs { get; }

    /// <summary>The rate at the end of training.</summary>
    public float MinLearningRate { get; }

    /// <summary>The share of the steps after the warm-up over which the rate falls; before them it stays at the initial rate.</summary>
    public float DecayShare { get; }

    /// <inheritdoc />
    public override bool PerStep => true;

    /// <inheritdoc />
    public override float LearningRate(float initialRate, TrainingProgress progress)
    {
        long total = progress.TotalSteps;
        long step = progress.Step;
        long warmup = Math.Min(total, WarmupEpochs * progress.StepsPerEpoch);
        if (step < warmup) return (float)(initialRate * (step + 1.0) / warmup);
        long span = Math.Max(1, total - warmup);
        // Steps held at the full rate before the decay; none with the whole-training decay, whose figures stay as they were.
        long hold = span - (long)Math.Ceiling(DecayShare * (double)span);
        if (step - warmup < hold) return initialRate;
        double fraction = Math.Min(1.0, (double)(step - warmup - hold) / Math.Max(1, span - hold));
        return (float)(MinLearningRate + (initialRate - MinLearningRate) * (1 + Math.Cos(Math.PI * fraction)) / 2);
    }
}
