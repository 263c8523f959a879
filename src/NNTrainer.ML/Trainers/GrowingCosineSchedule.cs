using NNTrainer.Optimizers.Schedules;

namespace NNTrainer.ML;

/// <summary>
/// The cosine decay of <see cref="CosineSchedule"/> over a planned number of epochs that <see cref="EpochGrowth"/> can
/// lengthen part-way: until <see cref="Grow"/> the rates are exactly the planned cosine's (so a training that does not
/// grow is the one it would have been); from the epoch it grows at, a new half cosine takes the rate reached there down
/// to 0 over the rest of the <c>Fit</c> call's epochs, with no jump.
/// </summary>
internal sealed class GrowingCosineSchedule(int plannedEpochs) : LearningRateSchedule
{
    private readonly CosineSchedule _cosine = new();
    private int? _grownAt;

    /// <inheritdoc />
    public override bool PerStep => true;

    /// <summary>Lengthens the decay from the end of epoch <paramref name="epoch"/> to the end of the <c>Fit</c> call.</summary>
    public void Grow(int epoch) => _grownAt = epoch;

    /// <inheritdoc />
    public override float LearningRate(float initialRate, TrainingProgress progress)
    {
        var planned = progress with { Epochs = plannedEpochs };
        long from = (_grownAt ?? int.MaxValue) * progress.StepsPerEpoch;
        if (progress.Step < from) return _cosine.LearningRate(initialRate, planned);
        float reached = _cosine.LearningRate(initialRate, planned with { Step = from });
        // One "epoch" per step: the new half cosine spans exactly the steps left.
        return _cosine.LearningRate(reached, new TrainingProgress(0, progress.Step - from, 1, (int)(progress.TotalSteps - from)));
    }
}
