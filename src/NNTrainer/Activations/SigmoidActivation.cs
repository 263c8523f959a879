using System.Numerics.Tensors;
using NNTrainer.Layers;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>Logistic sigmoid: <c>1 / (1 + e^−x)</c>, each output an independent probability (binary and multi-label outputs).</summary>
public sealed class SigmoidActivation() : OutputDerivedActivation("Sigmoid", TensorPrimitives.Sigmoid, Kernels.SigmoidBackward)
{
    /// <summary>Tag 12 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(12, "Sigmoid", 1, typeof(SigmoidActivation), (ref PayloadReader r, string what) => new SigmoidActivation());
}
