namespace NNTrainer.ML;

/// <summary>
/// Standardises regression targets for training, <c>(y − mean) / std</c>, and afterwards folds the inverse into the
/// output layer (<c>W·std</c>, <c>b·std + mean</c>) so the trained network predicts in the label's units with no extra step.
/// </summary>
internal sealed class LabelScaling
{
    private LabelScaling(double mean, double standardDeviation)
    {
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>A scaling from a mean and standard deviation measured elsewhere (streaming training's first pass).</summary>
    internal static LabelScaling FromStatistics(double mean, double standardDeviation) => new(mean, standardDeviation);

    public double Mean { get; }

    public double StandardDeviation { get; }

    /// <summary>The weighted mean and standard deviation of the targets (every row weighing 1 when <paramref name="weights"/> is null).</summary>
    public static LabelScaling Fit(ReadOnlySpan<float> targets, float[]? weights = null)
    {
        double mean = 0, total = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double w = weights?[i] ?? 1;
            mean += w * targets[i];
            total += w;
        }
        mean /= total;
        double variance = 0;
        for (int i = 0; i < targets.Length; i++) variance += (weights?[i] ?? 1) * (targets[i] - mean) * (targets[i] - mean);
        double std = Math.Sqrt(variance / total);
        // A constant label has nothing to scale; keep the unit scale so the network learns the offset alone.
        return new LabelScaling(mean, std > 0 && double.IsFinite(std) ? std : 1);
    }

    public void Standardize(Span<float> targets)
    {
        for (int i = 0; i < targets.Length; i++) targets[i] = (float)((targets[i] - Mean) / StandardDeviation);
    }

    /// <summary>The inverse of <see cref="FoldInto"/> (<c>W/std</c>, <c>(b − mean)/std</c>): a model in the label's units back to standardised units.</summary>
    public void Unfold(Network network)
    {
        var output = network.Layers.OfType<DenseLayer>().Last();
        var weights = output.Weights.Values;
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] / StandardDeviation);
        var biases = output.Biases.Values;
        for (int i = 0; i < biases.Length; i++) biases[i] = (float)((biases[i] - Mean) / StandardDeviation);
    }

    public void FoldInto(Network network)
    {
        var output = network.Layers.OfType<DenseLayer>().Last();
        var weights = output.Weights.Values;
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] * StandardDeviation);
        var biases = output.Biases.Values;
        for (int i = 0; i < biases.Length; i++) biases[i] = (float)(biases[i] * StandardDeviation + Mean);
    }
}
