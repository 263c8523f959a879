namespace NNTrainer.ML;

/// <summary>
/// The choice a small classification table made by cross-validation between the configured network and a linear
/// model (<see cref="NeuralNetworkOptionsBase.SelectModelOnSmallData"/>): which one was trained on all the rows, and
/// every candidate's held-out scores. The candidate that classified more held-out rows correctly wins; on a tie, the
/// one with the lower held-out cross-entropy.
/// </summary>
/// <param name="Chosen">The candidate trained on all the rows.</param>
/// <param name="Folds">The number of folds (<see cref="NeuralNetworkDefaults.ModelSelectionFolds"/>).</param>
/// <param name="Rows">The training rows the folds were cut from.</param>
/// <param name="Scores">Every candidate's held-out scores, <see cref="NeuralNetworkModelCandidate.Configured"/> first.</param>
public sealed record NeuralNetworkModelSelection(NeuralNetworkModelCandidate Chosen, int Folds, long Rows, IReadOnlyList<NeuralNetworkCandidateScore> Scores)
{
    /// <summary>One line for logs and the command line, e.g. <c>linear model chosen by 10-fold cross-validation on 120 rows: held-out accuracy 0.9750 (loss 0.0712) for the linear model, …</c>.</summary>
    /// <returns>The chosen candidate and every candidate's held-out accuracy and loss.</returns>
    public override string ToString() =>
        $"{Name(Chosen)} chosen by {Folds}-fold cross-validation on {Rows:N0} rows: held-out accuracy " +
        string.Join(", ", Scores.Reverse().Select(s => $"{s.HeldOutAccuracy:F4} (loss {s.HeldOutLoss:F4}) for the {Name(s.Candidate)}"));

    private static string Name(NeuralNetworkModelCandidate candidate) => candidate switch
    {
        NeuralNetworkModelCandidate.Linear => "linear model",
        NeuralNetworkModelCandidate.UncentredLinear => "uncentred linear model",
        _ => "configured network",
    };
}
