namespace NNTrainer.Cli.Trainers;

/// <summary>
/// What trained a network of 1,000 rows or more with the automatic epochs, as the long-training choice took it
/// (<c>NeuralNetworkTransformer.LongTraining</c> and <c>StrongerPenalty</c>): the refit on every row keeps the measuring
/// fit's regime instead of choosing again, so the saved model is the one its report measured.
/// </summary>
internal enum TrainingRegime
{
    /// <summary>About 10,000 weight updates with the penalty by rows.</summary>
    Usual,

    /// <summary>The passes of the work budget with the penalty by rows per parameter (round 13).</summary>
    Long,

    /// <summary>The usual training with ten times its L2 penalty (1,000–4,999 rows, rounds 16c and 17).</summary>
    StrongerPenalty,
}
