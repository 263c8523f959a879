using NNTrainer.Layers;

namespace NNTrainer.Optimizers;

/// <summary>
/// RMSProp: like AdaGrad with a moving average of squared gradients instead of their sum:
/// <c>cache = ρ·cache + (1 − ρ)·g²</c>, <c>w −= lr·g / (√cache + ε)</c> (the book's <c>Optimizer_RMSprop</c>).
/// </summary>
public sealed class RmsPropOptimizer : Optimizer
{
    /// <summary>Creates the optimizer. The defaults are the book's.</summary>
    /// <param name="learningRate">Learning rate (default 0.001).</param>
    /// <param name="decay">Learning-rate decay per step (default 0).</param>
    /// <param name="epsilon">Added to the denominator to avoid division by zero (default 1e−7).</param>
    /// <param name="rho">Decay of the squared-gradient average, in [0, 1) (default 0.9).</param>
    public RmsPropOptimizer(float learningRate = 0.001f, float decay = 0f, float epsilon = 1e-7f, float rho = 0.9f)
        : base(learningRate, decay)
    {
        Epsilon = OptimizerArguments.Epsilon(epsilon);
        Rho = OptimizerArguments.UnitDecay(rho, nameof(rho));
    }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon { get; }

    /// <summary>Decay of the squared-gradient moving average.</summary>
    public float Rho { get; }

    /// <inheritdoc />
    public override void Update(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        SquaredGradientCache.Update(parameter, CurrentLearningRate, Epsilon, keep: Rho, add: 1f - Rho);
    }
}
