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
    /// <summary>One line for logs and the command line, e.g. <c>linear (3-fold held-out accuracy 0.9750 against 0.9667 for the configured network)</c>.</summary>
    /// <returns>The chosen candidate and the held-out accuracies and losses of both.</returns>
    public override string ToString()
    {
        var configured = Scores[0];
        var linear = Scores[1];
        return $"{(Chosen == NeuralNetworkModelCandidate.Linear ? "linear model" : "configured network")} chosen by {Folds}-fold cross-validation on {Rows:N0} rows: " +
            $"held-out accuracy {linear.HeldOutAccuracy:F4} (loss {linear.HeldOutLoss:F4}) for the linear model, " +
            $"{configured.HeldOutAccuracy:F4} (loss {configured.HeldOutLoss:F4}) for the configured network";
    }
}
