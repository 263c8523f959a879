namespace NNTrainer.ML;

/// <summary>
/// The long training of a large table (round 13): from 1,000 rows on (round 16; 5,000 before), a small network may train
/// for the passes of a work budget (<see cref="NeuralNetworkDefaults.EpochWorkBudget"/>) with a penalty that falls with the rows per parameter
/// (<see cref="NeuralNetworkDefaults.LargeDataL2For(float, long, long)"/>) instead of the usual 10,000 updates. That wins
/// on tables of few inputs with a clean target (LetterRecognition 0.894 → 0.952, Satellite 0.901 → 0.910) and loses on
/// noisy ones (mlbench's waveform 0.857 → 0.832, fair 0.727 → 0.722), which nothing in a table's shape tells apart; a
/// stratified tenth of its rows does. Both trainings run on the other nine tenths, and the one with the lower held-out
/// loss trains the saved model on every row.
/// </summary>
internal static class LongTraining
{
    /// <summary>A training's length and L2 penalty.</summary>
    internal readonly record struct Regime(int Epochs, float L2);

    /// <summary>
    /// Whether the choice is made: a new dense network on <paramref name="rows"/> rows (1,000 or more) with the automatic
    /// epochs and schedule, no validation set, early stopping or hold-out option of the caller's, and a long training that
    /// differs from the usual one.
    /// </summary>
    public static bool Applies(NeuralNetworkOptionsBase options, long rows, Regime usual, Regime longer) =>
        options.LongTrainingOnLargeData != false && usual != longer && Automatic(options, rows);

    /// <summary>
    /// The stronger penalty given without a choice (<see cref="NeuralNetworkOptionsBase.TakeStrongerPenalty"/> with
    /// <c>LongTrainingOnLargeData</c> false), where a choice would otherwise be measured: the usual training with
    /// <see cref="NeuralNetworkDefaults.StrongerPenaltyFactor"/> times its penalty, at any number of rows from 1,000 on
    /// (a refit on every row may have more than the measuring fit's 4,999); null when not asked, or when it would equal the
    /// usual training (no penalty).
    /// </summary>
    internal static Regime? GivenStronger(NeuralNetworkOptionsBase options, long rows, Regime usual) =>
        options.TakeStrongerPenalty && options.LongTrainingOnLargeData == false && Automatic(options, rows) ? StrongerThan(usual) : null;

    /// <summary>1,000 rows or more with the automatic epochs and schedule, and no validation set, early stopping, checkpoint or hold-out option of the caller's.</summary>
    private static bool Automatic(NeuralNetworkOptionsBase options, long rows) =>
        rows >= NeuralNetworkDefaults.LongTrainingRowsFrom
        && options.NumberOfEpochs is null && options.LearningRateSchedule is null && !options.ChooseEpochsOnHoldOut
        && options.ValidationSetFraction == 0 && options.EarlyStoppingPatience == 0 && options.CheckpointPath is null;

    /// <summary><paramref name="usual"/> with <see cref="NeuralNetworkDefaults.StrongerPenaltyFactor"/> times its penalty; null when that changes nothing (no penalty).</summary>
    private static Regime? StrongerThan(Regime usual)
    {
        var stronger = usual with { L2 = usual.L2 * NeuralNetworkDefaults.StrongerPenaltyFactor };
        return stronger == usual ? null : stronger;
    }

    /// <summary>
    /// What <see cref="Choose"/> found: the regime chosen, both held-out losses (+∞ for a training that diverged, NaN when
    /// none was measured) and, when <see cref="NeuralNetworkOptionsBase.KeepChoiceCandidate"/> asked for it, the chosen
    /// regime's network as it trained on the nine tenths (<see cref="Candidate"/>, with its history) and their count.
    /// </summary>
    internal sealed record Choice(Regime Chosen, double UsualLoss, double LongLoss, Network? Candidate = null, long CandidateRows = 0)
    {
        /// <summary>The held-out loss of <see cref="Stronger"/>'s regime (NaN when it was not a candidate).</summary>
        public double StrongerLoss { get; init; } = double.NaN;

        /// <summary>
        /// How much lower the stronger penalty's per-row held-out losses were than the other choice's (null when it was
        /// not a candidate, or either training diverged).
        /// </summary>
        public PairedMargin? Margin { get; init; }
    }

    /// <summary>
    /// Round 16c's third candidate for a table of <paramref name="rows"/> rows: the usual training with
    /// <see cref="NeuralNetworkDefaults.StrongerPenaltyFactor"/> times its penalty, from
    /// <see cref="NeuralNetworkDefaults.LongTrainingRowsFrom"/> to below <see cref="NeuralNetworkDefaults.AnnealedRowsFrom"/>
    /// rows with <c>StrongerPenaltyInBand</c> on; null elsewhere, or when it would equal the usual training (no penalty).
    /// </summary>
    internal static Regime? Stronger(NeuralNetworkOptionsBase options, long rows, Regime usual)
    {
        if (!options.StrongerPenaltyInBand || rows < NeuralNetworkDefaults.LongTrainingRowsFrom || rows >= NeuralNetworkDefaults.AnnealedRowsFrom) return null;
        return StrongerThan(usual);
    }

    /// <summary>
    /// Trains <paramref name="usual"/> and <paramref name="longer"/> (and from 1,000 to 4,999 rows <see cref="Stronger"/>'s
    /// regime) on nine stratified tenths of <paramref name="train"/> and returns the one of the first two with the lower loss
    /// on the tenth held out (the usual one on a tie), or the stronger one when its per-row losses there are lower by more
    /// than <see cref="NeuralNetworkDefaults.StrongerPenaltyMargin"/> standard errors (<see cref="PairedMargin"/>), with
    /// the losses (+∞ for a training that diverged). With <c>LongTrainingOnLargeData</c> true the long one, unmeasured.
    /// </summary>
    /// <param name="options">The trainer's options (batch size, optimizer, schedule rule).</param>
    /// <param name="train">The training set, already standardised as the final fit will see it.</param>
    /// <param name="seed">Seeds the hold-out and both networks, so the choice is reproducible.</param>
    /// <param name="create">A new, unbuilt network with the given penalty for the given number of rows.</param>
    /// <param name="loss">A new loss of the trainer's task.</param>
    /// <param name="usual">The usual training: about 10,000 updates, the penalty by rows.</param>
    /// <param name="longer">The long training.</param>
    public static Choice Choose(NeuralNetworkOptionsBase options, TrainingSet train, int seed,
        Func<float, long, Network> create, Func<Loss> loss, Regime usual, Regime longer)
    {
        if (options.LongTrainingOnLargeData == true) return new(longer, double.NaN, double.NaN);
        var (rest, held) = HeldOutTenth.Of(train, seed);
        // Both train with the schedule the final fit gets for all the rows (the cosine decay of large sets); the held-out
        // loss leaves out the penalty, which differs between the two.
        var schedule = options.EffectiveLearningRateSchedule(train.Rows);
        (double Loss, Network? Network) Measure(Regime regime)
        {
            var network = create(regime.L2, rest.Inputs.Rows);
            network.Set(loss(), NetworkFactory.CreateOptimizer(options));
            var fit = new FitOptions
            {
                SampleWeights = rest.Weights,
                Epochs = regime.Epochs,
                BatchSize = options.BatchSize,
                LearningRateSchedule = schedule,
                GradientClipNorm = options.GradientClipNorm,
                Execution = options.Execution,
                CancellationToken = options.CancellationToken,
                ValidateInputs = false,
                // A diverged candidate scores +∞ and is dropped: no copy of its weights is kept to restore.
                RestoreOnDivergence = false,
            };
            if (!L2Selection.TryFit(network, rest.Inputs, rest.Targets, fit)) return (double.PositiveInfinity, null);
            double heldOut = network.Evaluate(held.Inputs, held.Targets).DataLoss;
            return double.IsFinite(heldOut) ? (heldOut, network) : (double.PositiveInfinity, null);
        }
        var (usualLoss, usualNetwork) = Measure(usual);
        var (longLoss, longNetwork) = Measure(longer);
        bool isLong = longLoss < usualLoss;
        var (chosen, chosenNetwork) = isLong ? (longer, longNetwork) : (usual, usualNetwork);
        double strongerLoss = double.NaN;
        PairedMargin? margin = null;
        // Measured after the other two, so the usual and long candidates train exactly as they did before round 16c, and
        // taken only when its held-out rows say so clearly (round 17): otherwise the choice is round 16's, bit for bit.
        if (Stronger(options, train.Rows, usual) is { } stronger)
        {
            (strongerLoss, var strongerNetwork) = Measure(stronger);
            if (strongerNetwork is not null)
            {
                bool clearly;
                if (chosenNetwork is null) clearly = true; // both others diverged
                else
                {
                    var found = PairedMargin.Of(PairedMargin.RowLosses(chosenNetwork, held.Inputs, held.Targets), PairedMargin.RowLosses(strongerNetwork, held.Inputs, held.Targets));
                    margin = found;
                    clearly = found.Clears(NeuralNetworkDefaults.StrongerPenaltyMargin);
                }
                if (clearly) (chosen, chosenNetwork) = (stronger, strongerNetwork);
            }
        }
        // Only a measuring fit takes the candidate (its report says so); a fit that is saved trains on every row.
        var candidate = options.KeepChoiceCandidate ? chosenNetwork : null;
        return new(chosen, usualLoss, longLoss, candidate, candidate is null ? 0 : rest.Inputs.Rows) { StrongerLoss = strongerLoss, Margin = margin };
    }
}
