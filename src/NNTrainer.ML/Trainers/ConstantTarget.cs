namespace NNTrainer.ML;

/// <summary>
/// A regression label with one value in every training row (every y = 7). Standardised, that is a target of 0 for a
/// network whose random output layer starts far from 0 and is pulled there only as fast as the optimizer steps, so a
/// short training predicted values around the constant (6.4–8.1 after 5 epochs). A constant has one right answer:
/// the output layer is set to predict it exactly (weights 0, bias the value), where the squared error and so every
/// gradient is 0 and the training leaves it, as scikit-learn's and ML.NET's linear regressors predict the constant.
/// </summary>
internal static class ConstantTarget
{
    /// <summary>The value every row with a positive weight has, or null when they differ (or no row counts).</summary>
    public static float? Of(ReadOnlySpan<float> targets, float[]? weights)
    {
        float? value = null;
        for (int i = 0; i < targets.Length; i++)
        {
            if (weights is not null && !(weights[i] > 0)) continue;
            if (value is null) value = targets[i];
            else if (targets[i] != value) return null;
        }
        return value;
    }

    /// <summary>Builds the network (drawing its initial weights as training would) and makes its output layer predict <paramref name="value"/>.</summary>
    public static void Apply(Network network, float value)
    {
        network.Build();
        var output = network.Layers.OfType<DenseLayer>().Last();
        output.Weights.Values.AsSpan().Clear();
        output.Biases.Values.AsSpan().Fill(value);
    }
}
