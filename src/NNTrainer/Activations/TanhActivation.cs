using System.Numerics.Tensors;
using NNTrainer.Layers;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>Hyperbolic tangent: outputs in (−1, 1), zero-centred.</summary>
public sealed class TanhActivation() : OutputDerivedActivation("Tanh", TensorPrimitives.Tanh, Kernels.TanhBackward)
{
    /// <summary>Tag 13 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(13, "Tanh", 1, typeof(TanhActivation), (ref PayloadReader r, string what) => new TanhActivation());
}
