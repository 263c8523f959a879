using NNTrainer.Optimizers.Schedules;

namespace NNTrainer.ML;

/// <summary>
/// Lets the automatic number of epochs grow while the training loss still falls
/// (<see cref="NeuralNetworkOptionsBase.GrowEpochsLossDrop"/>, round 11c): the fit runs as planned, and at a decision
/// epoch (the planned end at a constant rate, half-way with the cosine decay, whose rate would otherwise be spent) it
/// compares the training data loss with the one half as many epochs before; when it fell by more than the given share,
/// training goes on to <see cref="GrowthFactor"/> times the planned epochs (at most <see cref="NeuralNetworkDefaults.MaximumEpochs"/>),
/// the cosine stretched over them. No hold-out: the only cost is the extra epochs of the tables that grow. A clean target
/// (binary_synth, 8,000 rows) is still learning at its 40 epochs where a noisy one (adult) has long settled.
/// </summary>
internal static class EpochGrowth
{
    /// <summary>How many times the planned epochs a growing fit trains for: 2 (the cost a default may add).</summary>
    public const int GrowthFactor = 2;

    /// <summary>Whether the fit may grow: the option on, the automatic epochs below the maximum, and no schedule, validation, early stopping or checkpoint of the caller's.</summary>
    public static bool Applies(NeuralNetworkOptionsBase options, int epochs, FitOptions fit) =>
        options.GrowEpochsLossDrop > 0 && options.NumberOfEpochs is null && options.LearningRateSchedule is null && epochs < NeuralNetworkDefaults.MaximumEpochs
        && fit.ValidationData is null && fit.SparseValidationData is null && fit.ValidationFraction == 0 && fit.EarlyStoppingPatience == 0 && options.CheckpointPath is null
        && fit.LearningRateSchedule is null or CosineSchedule;

    /// <summary>Runs <paramref name="train"/> with <paramref name="fit"/> changed to grow; returns the history of the epochs run.</summary>
    public static TrainingHistory Fit(Network network, FitOptions fit, float lossDrop, Func<FitOptions, TrainingHistory> train)
    {
        int planned = fit.Epochs;
        var schedule = fit.LearningRateSchedule is null ? null : new GrowingCosineSchedule(planned);
        int decideAt = schedule is null ? planned : Math.Max(1, planned / 2);
        var outer = fit.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        var losses = new List<double>();
        bool grows = false;
        var report = fit.EpochEnded;
        fit.Epochs = Math.Min(NeuralNetworkDefaults.MaximumEpochs, GrowthFactor * planned);
        fit.LearningRateSchedule = schedule;
        fit.CancellationToken = stop.Token;
        fit.EpochEnded = epoch =>
        {
            report?.Invoke(epoch);
            losses.Add(epoch.DataLoss);
            if (epoch.Epoch == decideAt && Falling(losses, lossDrop))
            {
                grows = true;
                schedule?.Grow(decideAt);
            }
            if (epoch.Epoch == planned && !grows) stop.Cancel();
        };
        try
        {
            return train(fit);
        }
        // The planned end without growth, not the caller's cancellation (which propagates): the weights are the planned fit's.
        catch (OperationCanceledException) when (!outer.IsCancellationRequested)
        {
            return network.History!;
        }
    }

    /// <summary>Whether the last epoch's loss is lower than the one half as many epochs before by more than <paramref name="share"/> of it.</summary>
    private static bool Falling(List<double> losses, float share)
    {
        double then = losses[(losses.Count - 1) / 2], now = losses[^1];
        return then - now > share * now;
    }
}
