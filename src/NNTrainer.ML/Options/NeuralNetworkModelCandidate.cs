namespace NNTrainer.ML;

/// <summary>
/// The models that a small classification table chooses among by cross-validation
/// (<see cref="NeuralNetworkOptionsBase.SelectModelOnSmallData"/>, <see cref="NeuralNetworkModelSelection"/>).
/// </summary>
public enum NeuralNetworkModelCandidate
{
    /// <summary>The network the options describe (by default one hidden layer of 100 ReLU neurons).</summary>
    Configured = 0,

    /// <summary>
    /// A linear model (no hidden layer: softmax or logistic regression) with a weak L2 penalty
    /// (<see cref="NeuralNetworkDefaults.LinearL2Regularization"/>), trained with Adam at
    /// <see cref="NeuralNetworkDefaults.LinearLearningRate"/> for <see cref="NeuralNetworkDefaults.LinearEpochs"/> epochs.
    /// </summary>
    Linear = 1,
}
