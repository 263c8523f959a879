using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Optimizers;

namespace NNTrainer.Serialization;

/// <summary>
/// What a model file holds: the seed, the layers with their values, the loss, accuracy and optimizer with their state,
/// and the random source's state. The serializer reads and writes this, not a network, so that it sits below training
/// (<c>Network.Save</c> and <c>Network.Load</c> call it; it never calls them).
/// </summary>
/// <param name="Seed">The network's seed.</param>
/// <param name="Layers">The layers, in order.</param>
/// <param name="Loss">The loss, or null.</param>
/// <param name="Accuracy">The accuracy metric, or null.</param>
/// <param name="Optimizer">The optimizer with its step count and schedule, or null.</param>
/// <param name="RandomState">The random source's state, to resume its sequence.</param>
internal sealed record ModelContents(
    int Seed,
    IReadOnlyList<Layer> Layers,
    Loss? Loss,
    Accuracy? Accuracy,
    Optimizer? Optimizer,
    (ulong S0, ulong S1, ulong S2, ulong S3, double Spare, bool HasSpare) RandomState);
