namespace NNTrainer.ML;

/// <summary>
/// The network's results for the row a getter is reading: scored on its own (<see cref="RowScorer"/>, for
/// row-to-row mapping) or as part of a block (<see cref="BlockedCursor"/>, for cursors). Output getters read through
/// this, so both routes give the same values.
/// </summary>
internal interface IRowScores
{
    /// <summary>The network's outputs for the current row.</summary>
    ReadOnlySpan<float> Outputs { get; }

    /// <summary>The last layer's input to the output activation (the logit), for the current row.</summary>
    float Logit { get; }
}
