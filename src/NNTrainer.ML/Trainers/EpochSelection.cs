namespace NNTrainer.ML;

/// <summary>
/// Chooses the number of epochs and the L2 strength of a large enough training set on a hold-out
/// (<see cref="NeuralNetworkOptionsBase.ChooseEpochsOnHoldOut"/>): for every strength of
/// <see cref="NeuralNetworkDefaults.HoldOutL2Factors"/> the network trains on nine tenths of the rows and is scored on
/// the stratified tenth left out after every epoch; the strength and epoch with the lowest held-out loss win, and the
/// final fit on every row trains at that strength for that many epochs when they are more than the automatic ones. The
/// fixed rule (about 10,000 weight updates) has to give every table of a size the same length; a clean target that keeps
/// improving (binary_synth) wants four times its 40 epochs.
/// </summary>
internal static class EpochSelection
{
    /// <summary>
    /// Whether a fit with these options on <paramref name="rows"/> rows chooses its length on a hold-out: the option on,
    /// at least <see cref="NeuralNetworkDefaults.HoldOutEpochsRowsFrom"/> rows, the automatic epochs, and no validation set,
    /// early stopping or checkpoint already deciding how long the network trains.
    /// </summary>
    public static bool Applies(NeuralNetworkOptionsBase options, long rows) =>
        options.ChooseEpochsOnHoldOut && rows >= NeuralNetworkDefaults.HoldOutEpochsRowsFrom && options.NumberOfEpochs is null
        && options.ValidationSetFraction == 0 && options.EarlyStoppingPatience == 0 && options.CheckpointPath is null;

    /// <summary>
    /// The epochs and the L2 penalty (null: the rules' own) with the lowest held-out loss; ties go to the rules' penalty.
    /// </summary>
    /// <param name="options">The trainer's options (penalty, batch size, optimizer).</param>
    /// <param name="train">The training set, already standardised as the final fit will see it.</param>
    /// <param name="seed">Seeds the hold-out and every measuring network, so the choice is reproducible.</param>
    /// <param name="create">A new, unbuilt network with the given penalty (null: the rules') for the given number of rows.</param>
    /// <param name="loss">A new loss of the trainer's task.</param>
    public static HoldOutChoice Choose(NeuralNetworkOptionsBase options, TrainingSet train, int seed, Func<float?, long, Network> create, Func<Loss> loss)
    {
        // Every strength trains on the same nine tenths.
        var (rest, held) = HeldOutTenth.Of(train, seed);
        float rulePenalty = options.EffectiveL2Regularization(train.Rows, train.Inputs.Columns);
        var best = new HoldOutChoice(NeuralNetworkDefaults.Epochs(train.Rows, options.BatchSize), null, double.PositiveInfinity);
        foreach (float factor in options.L2Regularization > 0 ? NeuralNetworkDefaults.HoldOutL2Factors : [1f])
        {
            float? l2 = factor == 1f ? null : rulePenalty * factor;
            var network = create(l2, rest.Inputs.Rows);
            network.Set(loss(), NetworkFactory.CreateOptimizer(options));
            var (epoch, heldOutLoss) = Measure(network, rest, held, options);
            if (heldOutLoss < best.HeldOutLoss) best = new HoldOutChoice(epoch, l2, heldOutLoss);
        }
        return best;
    }

    /// <summary>
    /// Trains on <paramref name="train"/> for up to <see cref="NeuralNetworkDefaults.MaximumEpochs"/> epochs and returns
    /// the epoch with the lowest loss on <paramref name="held"/> and that loss (+∞ when training diverges at once). It stops
    /// when the loss has not improved for <see cref="NeuralNetworkDefaults.HoldOutPatience"/> epochs or
    /// <see cref="NeuralNetworkDefaults.HoldOutPatienceShare"/> of the best epoch, whichever is more.
    /// </summary>
    private static (int Epoch, double Loss) Measure(Network network, (Matrix Inputs, Matrix Targets, float[]? Weights) train, (Matrix, Matrix) held, NeuralNetworkOptionsBase options)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        var (bestEpoch, bestLoss) = (0, double.PositiveInfinity);
        try
        {
            network.Fit(train.Inputs, train.Targets, new FitOptions
            {
                SampleWeights = train.Weights,
                Epochs = NeuralNetworkDefaults.MaximumEpochs,
                BatchSize = options.BatchSize,
                ValidationData = held,
                RestoreBestWeights = false,
                LearningRateSchedule = options.LearningRateSchedule,
                GradientClipNorm = options.GradientClipNorm,
                Execution = options.Execution,
                CancellationToken = stop.Token,
                ValidateInputs = false,
                EpochEnded = epoch =>
                {
                    if (epoch.ValidationLoss < bestLoss) (bestEpoch, bestLoss) = (epoch.Epoch, epoch.ValidationLoss.Value);
                    if (epoch.Epoch - bestEpoch >= Math.Max(NeuralNetworkDefaults.HoldOutPatience, NeuralNetworkDefaults.HoldOutPatienceShare * bestEpoch)) stop.Cancel();
                },
            });
        }
        // The measurement's own stop, not the caller's cancellation (which propagates).
        catch (OperationCanceledException) when (!options.CancellationToken.IsCancellationRequested)
        {
        }
        // A measurement that diverges after its best epoch still found that epoch; one that diverged at once loses.
        catch (TrainingDivergedException)
        {
        }
        return (Math.Max(1, bestEpoch), bestLoss);
    }
}
