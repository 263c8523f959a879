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
        if (!float.IsFinite(epsilon) || epsilon <= 0f) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be a finite number > 0.");
        if (!(rho >= 0f && rho < 1f)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "Rho must be in [0, 1).");
        Epsilon = epsilon;
        Rho = rho;
    }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon { get; }

    /// <summary>Decay of the squared-gradient moving average.</summary>
    public float Rho { get; }

    /// <inheritdoc />
    public override void Update(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var cache = parameter.EnsureCache();
        var g = parameter.Gradients;
        var w = parameter.Values;
        float lr = CurrentLearningRate;
        float rho = Rho;
        float oneMinusRho = 1f - rho;
        for (int i = 0; i < w.Length; i++)
        {
            float gi = g[i];
            float c = rho * cache[i] + oneMinusRho * gi * gi;
            cache[i] = c;
            w[i] += -lr * gi / (MathF.Sqrt(c) + Epsilon);
        }
    }
}
