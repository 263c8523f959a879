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
        _kernel = new AdamKernel(epsilon, beta1, beta2);
    }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon => _kernel.Epsilon;

    /// <summary>Decay of the gradient's moving average.</summary>
    public float Beta1 => _kernel.Beta1;

    /// <summary>Decay of the squared gradient's moving average.</summary>
    public float Beta2 => _kernel.Beta2;

    /// <inheritdoc />
    public override void Update(Parameter parameter) =>
        _kernel.Update(parameter, Iterations + 1, CurrentLearningRate, keep: 1f, NumberOfThreads);

    /// <inheritdoc />
    internal override bool UpdatesRows => true;

    /// <inheritdoc />
    internal override void UpdateRows(Parameter parameter, ReadOnlySpan<int> rows) =>
        _kernel.UpdateRows(parameter, rows, Iterations + 1, CurrentLearningRate, keep: 1f);

    private readonly AdamKernel _kernel;
}
