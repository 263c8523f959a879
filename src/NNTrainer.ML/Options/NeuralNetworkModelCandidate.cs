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
    /// A linear model (no hidden layer: softmax or logistic regression) on the standardised features with a weak L2 penalty
    /// (<see cref="NeuralNetworkDefaults.LinearL2Regularization"/>), trained with Adam at
    /// <see cref="NeuralNetworkDefaults.LinearLearningRate"/> for <see cref="NeuralNetworkDefaults.LinearEpochs"/> epochs:
    /// round 7's candidate, no longer among the choices since <see cref="UncentredLinear"/> did better on iris (round 10).
    /// </summary>
    Linear = 1,

    /// <summary>
    /// A linear model with ML.NET SDCA's prior: its bias penalised like a weight, at SDCA's automatic L2 for the rows
    /// (about 1.3e-5 in the engine's terms), on features divided by their root mean square but not centred (as
    /// <c>NormalizeMeanVariance</c> leaves them), trained on all rows at once with Adam at
    /// <see cref="NeuralNetworkDefaults.UncentredLinearLearningRate"/> for <see cref="NeuralNetworkDefaults.UncentredLinearEpochs"/>
    /// epochs, close to its optimum. It made SDCA's decisions on 39 of 40 iris splits (docs/defaults.md, rounds 9a and 10).
    /// </summary>
    UncentredLinear = 2,
}
