namespace NNTrainer.ML;

public abstract partial class NeuralNetworkOptionsBase
{
    /// <summary>
    /// The long training of a table of 1,000 training rows or more: the passes of
    /// <see cref="NeuralNetworkDefaults.EpochWorkBudget"/> (10¹⁰ rows × parameters, up to 200 epochs) with an L2 penalty
    /// that falls with the rows per parameter (<see cref="NeuralNetworkDefaults.LargeDataL2For(float, long, long)"/>),
    /// instead of about 10,000 weight updates. Default null: both train on nine stratified tenths of the rows and the one
    /// with the lower loss on the last tenth trains the model (the choice is the transformer's <c>LongTraining</c>);
    /// true: always the long training; false: never. Only with the automatic epochs and schedule, no validation set or
    /// early stopping and <see cref="ChooseEpochsOnHoldOut"/> off. The default took LetterRecognition from 0.894 to 0.952
    /// and left noisy tables as they were, for up to about three times such a table's training time (docs/defaults.md,
    /// round 13).
    /// </summary>
    public bool? LongTrainingOnLargeData;

    /// <summary>
    /// On a table of 1,000 to 4,999 training rows (<see cref="NeuralNetworkDefaults.LongTrainingRowsFrom"/> to
    /// <see cref="NeuralNetworkDefaults.AnnealedRowsFrom"/>) whose long-training choice is measured, a third candidate
    /// in it: the usual training with <see cref="NeuralNetworkDefaults.StrongerPenaltyFactor"/> (10) times its L2 penalty,
    /// trained after the other two and kept only when its per-row losses on the held-out tenth are lower than the other
    /// choice's by more than <see cref="NeuralNetworkDefaults.StrongerPenaltyMargin"/> (2) standard errors. Default true:
    /// near-linear tables of that size want the stronger penalty (R's CHFLS and bfi, round 16c), which applied to every
    /// table cost spam and CPS1985, and a merely lower held-out mean cost Chile (docs/defaults.md, rounds 16c and 17).
    /// False: the two candidates of round 13, bit for bit. No effect from 5,000 rows on or below 1,000.
    /// </summary>
    public bool StrongerPenaltyInBand = true;

    /// <summary>
    /// With <see cref="LongTrainingOnLargeData"/> false, where the long-training choice would otherwise be measured (1,000
    /// training rows or more, the automatic epochs and schedule), the usual training with
    /// <see cref="NeuralNetworkDefaults.StrongerPenaltyFactor"/> (10) times its L2 penalty trains without a choice: the
    /// third candidate of <see cref="StrongerPenaltyInBand"/> taken as given, at any number of rows. <c>nntrainer train</c>'s
    /// refit on every row sets it when its measuring fit chose that candidate, so the saved model keeps the choice its report
    /// measured instead of making it again (docs/defaults.md, round 18b); the transformer then says <c>StrongerPenalty</c>.
    /// Internal: through the catalog, <see cref="LongTrainingOnLargeData"/> false with ten times <c>L2Regularization</c> gives
    /// the same penalty (up to float rounding), only without the transformer's <c>StrongerPenalty</c>.
    /// </summary>
    internal bool TakeStrongerPenalty;

    /// <summary>
    /// For a measuring fit, whose model is scored on held-out rows and then dropped (<c>nntrainer train</c>'s, before its
    /// refit on every row): when the long-training choice is made, the fit keeps the chosen candidate's network as it
    /// trained on nine tenths of the rows instead of training the chosen regime again on all of them, which on
    /// LetterRecognition was a third of the measuring fit's work. The transformer's
    /// <see cref="NeuralNetworkTransformer.ChoiceCandidateRows"/> then says how many rows its network saw.
    /// </summary>
    internal bool KeepChoiceCandidate;
}
