using NNTrainer.Activations;
using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// <see cref="ReferenceStep"/> for a softmax classifier trained with categorical cross-entropy and categorical accuracy
/// (<see cref="TrainingStepNames.SoftmaxCrossEntropyStatistics"/>): the loss, the accuracy and the output gradient in one
/// pass over the probabilities (<see cref="SoftmaxCrossEntropyKernel"/>) instead of three. The gradient and the accuracy
/// are the reference's bit for bit; the loss's logarithms come from <see cref="LogKernel"/>, within one unit in the last
/// place of <see cref="Math.Log(double)"/>.
/// </summary>
internal sealed class SoftmaxStatisticsStep : ReferenceStep
{
    /// <summary>Creates the step; <see cref="Applies"/> must hold.</summary>
    /// <param name="layers">The network's layers.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="accuracy">The accuracy.</param>
    /// <param name="firstTrainable">The lowest layer whose parameters train.</param>
    /// <param name="rectifiedPools">The ReLU → max-pool pairs to run as one (<see cref="RectifiedPooling.Pools"/>), or null.</param>
    public SoftmaxStatisticsStep(Layer[] layers, Loss loss, Accuracy accuracy, int firstTrainable, bool[]? rectifiedPools = null)
        : base(layers, loss, accuracy, firstTrainable, rectifiedPools)
    {
    }

    /// <summary>Whether the step applies: a softmax output of more than one class, categorical cross-entropy and accuracy.</summary>
    public static bool Applies(Layer[] layers, Loss loss, Accuracy accuracy, int outputSize) =>
        layers[^1] is SoftmaxActivation && loss is CategoricalCrossEntropyLoss && accuracy is CategoricalAccuracy && outputSize > 1;

    /// <inheritdoc />
    public override string Name => PoolsRectified ? TrainingStepNames.RectifiedPooling : TrainingStepNames.SoftmaxCrossEntropyStatistics;

    /// <inheritdoc />
    protected override (double LossSum, long Correct, long Total) Statistics(Matrix outputs, TrainingBatch batch)
    {
        var (loss, correct) = SoftmaxCrossEntropyKernel.Step(outputs, batch.KernelTargets, GradientBuffer(outputs), batch.Weights);
        return (loss, correct, outputs.Rows);
    }

    /// <inheritdoc />
    protected override Matrix OutputGradient(Matrix outputs, TrainingBatch batch) => GradientBuffer(outputs);
}
