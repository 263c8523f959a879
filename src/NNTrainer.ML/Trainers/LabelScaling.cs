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

    public static LabelScaling Fit(ReadOnlySpan<float> targets)
    {
        double mean = 0;
        foreach (float y in targets) mean += y;
        mean /= targets.Length;
        double variance = 0;
        foreach (float y in targets) variance += (y - mean) * (y - mean);
        double std = Math.Sqrt(variance / targets.Length);
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
