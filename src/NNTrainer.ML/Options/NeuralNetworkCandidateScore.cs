namespace NNTrainer.ML;

/// <summary>How one candidate of <see cref="NeuralNetworkModelSelection"/> scored on the rows its folds held out.</summary>
/// <param name="Candidate">The candidate model.</param>
/// <param name="HeldOutAccuracy">The share of held-out rows it classified correctly, over all folds.</param>
/// <param name="HeldOutLoss">Its mean cross-entropy per held-out row, over all folds (+∞ when a fold's training diverged).</param>
public sealed record NeuralNetworkCandidateScore(NeuralNetworkModelCandidate Candidate, double HeldOutAccuracy, double HeldOutLoss);
