using NNTrainer.Layers;

namespace NNTrainer.Optimizers;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization"), as <c>torch.optim.AdamW</c> computes it:
/// each step first shrinks every value by the decoupled weight decay, <c>w ← w·(1 − lr·λ)</c>, then takes
/// <see cref="AdamOptimizer"/>'s step with the same lr, <c>w ← w − lr·m̂ / (√ĉ + ε)</c>, all in one pass. Unlike an L2
/// penalty (<see cref="DenseLayer"/>'s <c>weightL2</c>), the decay never enters the moments, so it is not scaled down
/// where the gradients are large.
/// </summary>
/// <remarks>
/// The decay applies to every parameter the optimizer updates, biases included, as <c>torch.optim.AdamW</c> does with a
/// single parameter group; lr is the current rate, so a schedule scales the decay too. With λ = 0 the step is
/// <see cref="AdamOptimizer"/>'s bit for bit.
/// </remarks>
public sealed class AdamWOptimizer : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">Learning rate (default 0.001).</param>
    /// <param name="weightDecay">Decoupled weight decay λ, finite and ≥ 0 (default 0.01, PyTorch's).</param>
    /// <param name="decay">Learning-rate decay per step (default 0).</param>
    /// <param name="epsilon">Added to the denominator to avoid division by zero (default 1e−7, as <see cref="AdamOptimizer"/>; PyTorch's is 1e−8).</param>
    /// <param name="beta1">Decay of the gradient's moving average, in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Decay of the squared gradient's moving average, in [0, 1) (default 0.999).</param>
    public AdamWOptimizer(float learningRate = 0.001f, float weightDecay = 0.01f, float decay = 0f, float epsilon = 1e-7f, float beta1 = 0.9f, float beta2 = 0.999f)
        : base(learningRate, decay)
    {
        WeightDecay = float.IsFinite(weightDecay) && weightDecay >= 0f ? weightDecay : throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be a finite number ≥ 0.");
        _kernel = new AdamKernel(epsilon, beta1, beta2);
    }

    /// <summary>The decoupled weight decay λ: every step multiplies each value by <c>1 − lr·λ</c>.</summary>
    public float WeightDecay { get; }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon => _kernel.Epsilon;

    /// <summary>Decay of the gradient's moving average.</summary>
    public float Beta1 => _kernel.Beta1;

    /// <summary>Decay of the squared gradient's moving average.</summary>
    public float Beta2 => _kernel.Beta2;

    /// <inheritdoc />
    public override void Update(Parameter parameter) =>
        _kernel.Update(parameter, Iterations + 1, CurrentLearningRate, keep: 1f - CurrentLearningRate * WeightDecay, NumberOfThreads);

    /// <inheritdoc />
    /// <remarks>The decoupled decay applies to the updated rows only, at the steps that update them.</remarks>
    internal override bool UpdatesRows => true;

    /// <inheritdoc />
    internal override void UpdateRows(Parameter parameter, ReadOnlySpan<int> rows) =>
        _kernel.UpdateRows(parameter, rows, Iterations + 1, CurrentLearningRate, keep: 1f - CurrentLearningRate * WeightDecay);

    private readonly AdamKernel _kernel;
}
