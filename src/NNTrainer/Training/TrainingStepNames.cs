using NNTrainer.Layers;

namespace NNTrainer.Training;

/// <summary>
/// The names of the training steps, as <see cref="TrainingHistory.TrainingStep"/> records them. Every step but
/// <see cref="Reference"/> is an optimisation of it that the tests hold to the same weights.
/// </summary>
public static class TrainingStepNames
{
    /// <summary>
    /// The book's step: each layer's <see cref="Layer.Forward"/>, the loss and accuracy classes, the loss's backward pass
    /// (the combined softmax/cross-entropy or sigmoid/binary-cross-entropy gradient where the book uses it), each layer's
    /// <see cref="Layer.Backward"/> and the optimizer's update.
    /// </summary>
    public const string Reference = "Reference";

    /// <summary>
    /// The reference step with a softmax classifier's loss, accuracy and output gradient computed in one pass
    /// (<c>SoftmaxCrossEntropyKernel</c>): same weights and accuracies; the reported loss within a few units in the last
    /// place (a vectorised logarithm).
    /// </summary>
    public const string SoftmaxCrossEntropyStatistics = "SoftmaxCrossEntropyStatistics";

    /// <summary>
    /// <see cref="SoftmaxCrossEntropyStatistics"/> with every ReLU → 2×2 max-pool pair (LeNet's conv → ReLU → pool) run as one
    /// pass forward and one backward, without writing the ReLU's output or input gradient (<c>RectifiedPooling</c>);
    /// bit-identical to <see cref="SoftmaxCrossEntropyStatistics"/>.
    /// </summary>
    public const string RectifiedPooling = "RectifiedPooling";

    /// <summary>
    /// Dense (ReLU Dense)* Softmax trained in fused GEMMs (ReLU and bias inside the products, a few-class output layer
    /// computed transposed): <c>FusedClassifierStep</c>; bit-identical to <see cref="SoftmaxCrossEntropyStatistics"/>.
    /// </summary>
    public const string FusedClassifier = "FusedClassifier";

    /// <summary>
    /// Dense(≤ 16 inputs) → ReLU → Dense(2 to 31 classes) → Softmax (the book's spiral network, mlbench's Shuttle and
    /// LetterRecognition) in one AVX-512 kernel (<c>SmallInputClassifierKernel</c> up to 4 inputs and 6 classes,
    /// <c>NarrowClassifierKernel</c> beyond); bit-identical to <see cref="FusedClassifier"/>, which runs instead on a
    /// machine without AVX-512.
    /// </summary>
    public const string SmallInputClassifier = "SmallInputClassifier";

    /// <summary>
    /// The reference step with sparse input rows (<see cref="Network.Fit(Tensors.SparseMatrix, Tensors.Matrix, FitOptions?)"/>):
    /// the first dense layer's products cost its stored values × neurons, and its weights are updated only on the rows
    /// of the inputs that occur in the batch (a lazy update with Adam, momentum or a penalty; docs/sparse.md).
    /// </summary>
    public const string SparseInput = "SparseInput";
}
