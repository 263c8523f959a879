namespace NNTrainer.ML;

/// <summary>
/// The choice a small classification table made by cross-validation between the configured network and a linear
/// model (<see cref="NeuralNetworkOptionsBase.SelectModelOnSmallData"/>): which one was trained on all the rows, and
/// every candidate's held-out scores. Every row is held out once; the linear model is chosen only when its per-row
/// held-out cross-entropies are lower than the network's by more than <see cref="MarginThreshold"/> standard errors
/// of their mean difference (round 18), and the network otherwise.
/// </summary>
/// <param name="Chosen">The candidate trained on all the rows.</param>
/// <param name="Folds">The number of folds (<see cref="NeuralNetworkDefaults.ModelSelectionFolds"/>).</param>
/// <param name="Rows">The training rows the folds were cut from.</param>
/// <param name="Scores">Every candidate's held-out scores, <see cref="NeuralNetworkModelCandidate.Configured"/> first.</param>
public sealed record NeuralNetworkModelSelection(NeuralNetworkModelCandidate Chosen, int Folds, long Rows, IReadOnlyList<NeuralNetworkCandidateScore> Scores)
{
    /// <summary>The mean over the rows of the network's held-out loss minus the linear model's: positive when the linear model's is lower (NaN when not measured).</summary>
    public double MarginMean { get; init; } = double.NaN;

    /// <summary>The standard error of <see cref="MarginMean"/>: the differences' sample standard deviation over the square root of the rows.</summary>
    public double MarginStandardError { get; init; } = double.NaN;

    /// <summary>How many standard errors <see cref="MarginMean"/> had to exceed for the linear model to be chosen (<see cref="NeuralNetworkDefaults.ModelSelectionMargin"/>).</summary>
    public double MarginThreshold { get; init; } = double.NaN;

    /// <summary>The margin in standard errors, <see cref="MarginMean"/> / <see cref="MarginStandardError"/> (NaN when not measured).</summary>
    public double MarginZ => MarginMean / MarginStandardError;

    /// <summary>One line for logs and the command line, e.g. <c>linear model chosen by 10-fold cross-validation on 120 rows: held-out accuracy 0.9750 (loss 0.0712) for the linear model, …; per row … z 2.73 …</c>.</summary>
    /// <returns>The chosen candidate and every candidate's held-out accuracy and loss.</returns>
    public override string ToString() =>
        $"{Name(Chosen)} chosen by {Folds}-fold cross-validation on {Rows:N0} rows: held-out accuracy " +
        string.Join(", ", Scores.Reverse().Select(s => $"{s.HeldOutAccuracy:F4} (loss {s.HeldOutLoss:F4}) for the {Name(s.Candidate)}")) +
        (double.IsNaN(MarginMean) ? string.Empty
            : $"; per row the linear model's loss {MarginMean:F4} ± {MarginStandardError:F4} below the network's, z {MarginZ:F2} (the linear model needs z > {MarginThreshold:0.##})");

    private static string Name(NeuralNetworkModelCandidate candidate) => candidate switch
    {
        NeuralNetworkModelCandidate.Linear => "linear model",
        NeuralNetworkModelCandidate.UncentredLinear => "uncentred linear model",
        _ => "configured network",
    };
}
