using System.Text;

namespace NNTrainer.ML;

public abstract partial class NeuralNetworkTrainerBase<TTransformer, TOptions>
{
    private static string Describe(Network network)
    {
        if (network.Layers.OfType<SpatialLayer>().FirstOrDefault() is { } first)
        {
            return $"a convolutional network on {first.InputShape} images ({network.Layers.Count} layers, {network.ParameterCount:N0} parameters)";
        }
        // A loop, not OfType/Select/string.Join<int>: those are generic instantiations the first fit of a process
        // JIT-compiles (one of them fully optimised) only for this log line (docs/first-fit.md).
        var sizes = new StringBuilder().Append(network.InputSize);
        foreach (var layer in network.Layers)
        {
            if (layer is DenseLayer dense) sizes.Append('-').Append(dense.Neurons);
        }
        return $"a {sizes} network ({network.ParameterCount:N0} parameters)";
    }

    private static string DescribeEpoch(EpochResult epoch, int epochs) =>
        $"Epoch {epoch.Epoch}/{epochs}: loss {epoch.Loss:F4}, accuracy {epoch.Accuracy:F4}" +
        (epoch.ValidationLoss is { } loss ? $", validation loss {loss:F4}, validation accuracy {epoch.ValidationAccuracy:F4}" : string.Empty) +
        $", {epoch.Elapsed.TotalSeconds:F2} s";

    /// <summary>Tells a progress receiver that asks (<see cref="IEpochPlan"/>) the epochs this fit runs, before it starts.</summary>
    private static FitOptions Announced(FitOptions fit)
    {
        (fit.Progress as IEpochPlan)?.Planned(fit.Epochs);
        return fit;
    }
}
