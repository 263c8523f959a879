using System.Globalization;

namespace SdcaAblation;

/// <summary>
/// One SDCA configuration: the bench's stock system (<c>NormalizeMeanVariance</c>, then <c>SdcaMaximumEntropy</c> with
/// one thread) with the named ingredients changed, written <c>name:key=value,key=value</c>. Keys: <c>norm</c>
/// (fixzero, the bench's; centred; none; minmax), <c>l2</c>, <c>l1</c>, <c>tol</c> (ConvergenceTolerance),
/// <c>iter</c> (MaximumNumberOfIterations), <c>biaslr</c> (BiasLearningRate), <c>shuffle</c>, <c>seed</c> (added to
/// the split number, which is the bench's MLContext seed).
/// </summary>
internal sealed record Variant(string Name, string Normalizer, float? L2, float? L1, float? Tolerance, int? Iterations, float BiasLearningRate, bool Shuffle, int SeedOffset)
{
    public static Variant Parse(string text)
    {
        var parts = text.Split(':', 2);
        var variant = new Variant(parts[0], "fixzero", null, null, null, null, 0, true, 0);
        if (parts.Length == 1 || parts[1].Length == 0)
            return variant;
        var c = CultureInfo.InvariantCulture;
        foreach (var pair in parts[1].Split(','))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            variant = key switch
            {
                "norm" => variant with { Normalizer = value },
                "l2" => variant with { L2 = float.Parse(value, c) },
                "l1" => variant with { L1 = float.Parse(value, c) },
                "tol" => variant with { Tolerance = float.Parse(value, c) },
                "iter" => variant with { Iterations = int.Parse(value, c) },
                "biaslr" => variant with { BiasLearningRate = float.Parse(value, c) },
                "shuffle" => variant with { Shuffle = bool.Parse(value) },
                "seed" => variant with { SeedOffset = int.Parse(value, c) },
                _ => throw new ArgumentException($"Unknown SDCA ablation key '{key}' in '{text}'."),
            };
        }
        return variant;
    }
}
