using NNTrainer.Initialization;

namespace NNTrainer.Layers;

/// <summary>Draws a layer's initial weights by its <see cref="WeightInitializer"/>; shared by every layer with weights.</summary>
internal static class WeightFill
{
    /// <summary>
    /// Fills <paramref name="weights"/> from <paramref name="random"/>; <see cref="WeightInitializer.Auto"/> resolves to
    /// He before a ReLU-family activation (<paramref name="next"/>) and Glorot otherwise.
    /// </summary>
    public static void Fill(Span<float> weights, WeightInitializer kind, Layer? next, int fanIn, int fanOut, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (kind == WeightInitializer.Auto)
        {
            kind = next is { PrefersHeInitialization: true } ? WeightInitializer.He : WeightInitializer.Glorot;
        }
        switch (kind)
        {
            case WeightInitializer.He:
                double std = Math.Sqrt(2.0 / fanIn);
                for (int i = 0; i < weights.Length; i++) weights[i] = (float)(std * random.NextGaussian());
                break;
            case WeightInitializer.Glorot:
                Uniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random);
                break;
            case WeightInitializer.PyTorch:
                Uniform(weights, 1.0 / Math.Sqrt(fanIn), random);
                break;
            default:
                for (int i = 0; i < weights.Length; i++) weights[i] = (float)(0.01 * random.NextGaussian());
                break;
        }
    }

    /// <summary>U(−<paramref name="limit"/>, +<paramref name="limit"/>), one draw a weight in order.</summary>
    private static void Uniform(Span<float> weights, double limit, SeededRandom random)
    {
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)((2.0 * random.NextDouble() - 1.0) * limit);
    }
}
