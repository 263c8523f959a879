namespace NNTrainer.ML;

/// <summary>The rule that turns gradients into weight updates while an NNTrainer neural network trains.</summary>
public enum NeuralNetworkOptimizer
{
    /// <summary>Adam (momentum plus a per-weight adaptive step, both bias-corrected). The default: robust to the learning rate.</summary>
    Adam = 0,

    /// <summary>Stochastic gradient descent with momentum (<see cref="NeuralNetworkOptionsBase.Momentum"/>).</summary>
    Sgd = 1,

    /// <summary>AdaGrad: steps shrink with each weight's accumulated squared gradients.</summary>
    AdaGrad = 2,

    /// <summary>RMSProp: steps scaled by a moving average of each weight's squared gradients.</summary>
    RmsProp = 3,

    /// <summary>
    /// AdamW: Adam with decoupled weight decay (<see cref="NeuralNetworkOptionsBase.WeightDecay"/>), as
    /// <c>torch.optim.AdamW</c>: every update first multiplies each weight by <c>1 − learningRate·WeightDecay</c>.
    /// </summary>
    AdamW = 4,
}
