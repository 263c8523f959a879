using NNTrainer.Layers;

namespace NNTrainer.Training;

/// <summary>
/// Chooses a training's <see cref="ITrainingStep"/>: the reference step when <see cref="FitOptions.Execution"/> asks for
/// it or nothing faster applies, otherwise the fastest named optimisation of it that applies.
/// </summary>
internal static class TrainingStepSelector
{
    /// <summary>The step for a built network.</summary>
    /// <param name="network">The network, with its loss and accuracy.</param>
    /// <param name="execution">The options' choice.</param>
    /// <param name="targetColumns">Target values per sample (class indices or one-hot rows).</param>
    /// <param name="fuseLayers">Whether a Dense (ReLU Dense)* Softmax stack may run fused, and ReLU → max-pool pairs as one (tests turn it off).</param>
    /// <param name="useSmallInputKernel">Whether the small-input kernel may run (tests turn it off).</param>
    /// <param name="smallInputKernelSupported">Whether this machine runs it (tests force the fallback).</param>
    public static ITrainingStep Select(Network network, TrainingExecution execution, int targetColumns, bool fuseLayers, bool useSmallInputKernel, bool smallInputKernelSupported)
    {
        Layer[] layers = [.. network.Layers];
        var loss = network.Loss!;
        var accuracy = network.Accuracy!;
        int firstTrainable = network.FirstTrainableIndex();
        if (execution == TrainingExecution.Reference || !SoftmaxStatisticsStep.Applies(layers, loss, accuracy, network.OutputSize))
        {
            return new ReferenceStep(layers, loss, accuracy, firstTrainable);
        }
        if (fuseLayers && firstTrainable == 0 && FusedClassifierStep.TryCreate(layers) is { } fused)
        {
            fused.Configure(targetColumns, useSmallInputKernel, smallInputKernelSupported);
            return fused;
        }
        // LeNet's ReLU → max-pool pairs run as one pass each way (tests turn it off with the other fusions).
        return new SoftmaxStatisticsStep(layers, loss, accuracy, firstTrainable, fuseLayers ? RectifiedPooling.Pools(layers, firstTrainable) : null);
    }
}
