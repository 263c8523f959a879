using NNTrainer.Layers;

namespace NNTrainer.Optimizers;

/// <summary>
/// The step AdaGrad and RMSProp share: a per-value cache of squared gradients, <c>cache = keep·cache + add·g²</c>,
/// then <c>w −= lr·g / (√cache + ε)</c>. AdaGrad sums (keep = add = 1), RMSProp averages (keep = ρ, add = 1 − ρ);
/// a product with 1 is exact, so AdaGrad's sum is bit for bit the one it had written out on its own.
/// </summary>
internal static class SquaredGradientCache
{
    /// <summary>Updates <paramref name="parameter"/>'s cache and values in place.</summary>
    public static void Update(Parameter parameter, float learningRate, float epsilon, float keep, float add)
    {
        var cache = parameter.EnsureCache();
        var g = parameter.Gradients;
        var w = parameter.Values;
        for (int i = 0; i < w.Length; i++)
        {
            float gi = g[i];
            float c = keep * cache[i] + add * gi * gi;
            cache[i] = c;
            w[i] += -learningRate * gi / (MathF.Sqrt(c) + epsilon);
        }
    }
}
