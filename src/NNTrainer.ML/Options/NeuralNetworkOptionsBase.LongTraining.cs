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
    /// For a measuring fit, whose model is scored on held-out rows and then dropped (<c>nntrainer train</c>'s, before its
    /// refit on every row): when the long-training choice is made, the fit keeps the chosen candidate's network as it
    /// trained on nine tenths of the rows instead of training the chosen regime again on all of them, which on
    /// LetterRecognition was a third of the measuring fit's work. The transformer's
    /// <see cref="NeuralNetworkTransformer.ChoiceCandidateRows"/> then says how many rows its network saw.
    /// </summary>
    internal bool KeepChoiceCandidate;
}
