namespace NNTrainer.ML;

/// <summary>
/// The network a multiclass NNTrainer trainer builds (<see cref="NeuralNetworkMulticlassTrainer.Options.Architecture"/>):
/// a multi-layer perceptron on any feature vector, or one of the convolutional networks of Rosebrock's "Deep Learning
/// for Computer Vision" on images (see <see cref="Architectures"/> for their layers).
/// </summary>
public enum NeuralNetworkArchitecture
{
    /// <summary>
    /// Dense hidden layers of <see cref="NeuralNetworkOptionsBase.HiddenLayers"/> with
    /// <see cref="NeuralNetworkOptionsBase.Activation"/> and <see cref="NeuralNetworkOptionsBase.DropoutRate"/>. The default.
    /// </summary>
    MultiLayerPerceptron = 0,

    /// <summary>The book's first convolutional network: conv 32 3×3 same → ReLU → flatten → dense classes.</summary>
    ShallowNet = 1,

    /// <summary>LeNet: conv 20 5×5 → ReLU → max-pool → conv 50 5×5 → ReLU → max-pool → dense 500 → ReLU → dense classes.</summary>
    LeNet = 2,

    /// <summary>
    /// MiniVGGNet: two blocks of [conv 3×3 → ReLU → batch-norm] × 2 → max-pool → dropout 0.25 (32 then 64 filters),
    /// dense 512 → ReLU → batch-norm → dropout 0.5 → dense classes.
    /// </summary>
    MiniVGGNet = 3,
}
