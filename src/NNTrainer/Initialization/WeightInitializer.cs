using NNTrainer.Layers;

namespace NNTrainer.Initialization;

/// <summary>How a <see cref="DenseLayer"/> draws its initial weights. Biases always start at zero.</summary>
/// <remarks>
/// The default was compared with the other standard choices on the Fashion-MNIST MLP (784-128-128-10 ReLU, Adam 1e-3,
/// batch 128, 10 epochs, 16 seeds each): He-normal or He-uniform before ReLU (with or without He for the output layer
/// too), Glorot uniform and normal, LeCun normal. Their mean test accuracies lay between 0.8818 and 0.8837 with a
/// seed-to-seed standard deviation of about 0.005, so none is measurably better; PyTorch's default (Kaiming-uniform
/// with a = √5 and uniform biases) reached 0.8804. The numbers are in the repository's benchmarks/RESULTS.md.
/// </remarks>
public enum WeightInitializer
{
    /// <summary>
    /// <see cref="He"/> when the layer feeds a ReLU-family activation, <see cref="Glorot"/> otherwise: the
    /// choice that keeps activations' variance stable through depth for each kind of non-linearity.
    /// </summary>
    Auto = 0,

    /// <summary>He (Kaiming) normal: N(0, 2 / fanIn). Suited to ReLU and leaky ReLU.</summary>
    He = 1,

    /// <summary>Glorot (Xavier) uniform: U(−√(6 / (fanIn + fanOut)), +√(6 / (fanIn + fanOut))). Suited to sigmoid, tanh, softmax and linear outputs.</summary>
    Glorot = 2,

    /// <summary>The "Neural Networks from Scratch" book's <c>0.01 · randn</c>, for reproducing its figures.</summary>
    Book = 3,

    /// <summary>
    /// PyTorch's default for <c>nn.Linear</c> and <c>nn.Conv2d</c> weights: U(−1/√fanIn, +1/√fanIn) (<c>kaiming_uniform_</c>
    /// with a = √5), a standard deviation √6 ≈ 2.4 times smaller than He's. Biases still start at zero (PyTorch draws
    /// them from the same range). <see cref="Architectures.MiniVGGNet"/> uses it: see its remarks.
    /// </summary>
    PyTorch = 4,
}
