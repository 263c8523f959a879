using NNTrainer.Layers;

namespace NNTrainer.Optimizers;

/// <summary>
/// AdaGrad: per-value learning rates shrink with the sum of squared gradients seen so far:
/// <c>cache += g²</c>, <c>w −= lr·g / (√cache + ε)</c> (the book's <c>Optimizer_Adagrad</c>).
/// </summary>
public sealed class AdaGradOptimizer : Optimizer
{
    /// <summary>Creates the optimizer. The defaults are the book's.</summary>
    /// <param name="learningRate">Learning rate (default 1.0, the book's).</param>
    /// <param name="decay">Learning-rate decay per step (default 0).</param>
    /// <param name="epsilon">Added to the denominator to avoid division by zero (default 1e−7).</param>
    public AdaGradOptimizer(float learningRate = 1.0f, float decay = 0f, float epsilon = 1e-7f)
        : base(learningRate, decay)
    {
        Epsilon = OptimizerArguments.Epsilon(epsilon);
    }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon { get; }

    /// <inheritdoc />
    public override void Update(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        SquaredGradientCache.Update(parameter, CurrentLearningRate, Epsilon, keep: 1f, add: 1f);
    }
}
