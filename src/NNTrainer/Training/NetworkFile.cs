using NNTrainer.Serialization;

namespace NNTrainer.Training;

/// <summary>Moves a network to and from the serializer's <see cref="ModelContents"/>.</summary>
internal static class NetworkFile
{
    /// <summary>The contents of a built network, as the serializer writes them.</summary>
    public static ModelContents Contents(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!network.IsBuilt) throw new InvalidOperationException("Only a built network can be saved: call Build or Fit first.");
        return new ModelContents(network.Seed, network.Layers, network.Loss, network.Accuracy, network.Optimizer, network.Random.CaptureState());
    }

    /// <summary>A loaded network: the layers as read (not re-initialised), and the random source where it was saved.</summary>
    public static Network Build(ModelContents contents)
    {
        var network = new Network(contents.Seed);
        foreach (var layer in contents.Layers) network.Add(layer);
        network.Loss = contents.Loss;
        network.Accuracy = contents.Accuracy;
        network.Optimizer = contents.Optimizer;
        network.BuildLoaded();
        network.Random.RestoreState(contents.RandomState);
        return network;
    }
}
