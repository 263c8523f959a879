using System.Runtime.CompilerServices;
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
        if (!float.IsFinite(weightDecay) || weightDecay < 0f) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be a finite number ≥ 0.");
        WeightDecay = weightDecay;
        Epsilon = OptimizerArguments.Epsilon(epsilon);
        Beta1 = OptimizerArguments.UnitDecay(beta1, nameof(beta1));
        Beta2 = OptimizerArguments.UnitDecay(beta2, nameof(beta2));
    }

    /// <summary>The decoupled weight decay λ: every step multiplies each value by <c>1 − lr·λ</c>.</summary>
    public float WeightDecay { get; }

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
        float lr = CurrentLearningRate;
        _kernel.Update(parameter, lr, Beta1, Beta2, Epsilon, correction1, correction2, keep: 1f - lr * WeightDecay, NumberOfThreads);
    }

    private AdamCorrections _corrections = AdamCorrections.None;
    private readonly AdamKernel _kernel = new();
}
