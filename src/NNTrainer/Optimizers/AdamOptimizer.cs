using System.Runtime.CompilerServices;
using NNTrainer.Layers;

namespace NNTrainer.Optimizers;

/// <summary>
/// Adam: momentum on the gradient and RMSProp's cache, both bias-corrected:
/// <c>m = β₁m + (1 − β₁)g</c>, <c>c = β₂c + (1 − β₂)g²</c>,
/// <c>w −= lr · (m / (1 − β₁ᵗ)) / (√(c / (1 − β₂ᵗ)) + ε)</c> with t = iterations + 1 (the book's <c>Optimizer_Adam</c>).
/// </summary>
public sealed class AdamOptimizer : Optimizer
{
    /// <summary>Creates the optimizer. The defaults are the book's.</summary>
    /// <param name="learningRate">Learning rate (default 0.001).</param>
    /// <param name="decay">Learning-rate decay per step (default 0).</param>
    /// <param name="epsilon">Added to the denominator to avoid division by zero (default 1e−7).</param>
    /// <param name="beta1">Decay of the gradient's moving average, in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Decay of the squared gradient's moving average, in [0, 1) (default 0.999).</param>
    public AdamOptimizer(float learningRate = 0.001f, float decay = 0f, float epsilon = 1e-7f, float beta1 = 0.9f, float beta2 = 0.999f)
        : base(learningRate, decay)
    {
        Epsilon = OptimizerArguments.Epsilon(epsilon);
        Beta1 = OptimizerArguments.UnitDecay(beta1, nameof(beta1));
        Beta2 = OptimizerArguments.UnitDecay(beta2, nameof(beta2));
    }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon { get; }

    /// <summary>Decay of the gradient's moving average.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the squared gradient's moving average.</summary>
    public float Beta2 { get; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var (correction1, correction2) = _corrections.For(Iterations + 1, Beta1, Beta2);
        _kernel.Update(parameter, CurrentLearningRate, Beta1, Beta2, Epsilon, correction1, correction2, keep: 1f, NumberOfThreads);
    }

    private AdamCorrections _corrections = AdamCorrections.None;
    private readonly AdamKernel _kernel = new();
}
