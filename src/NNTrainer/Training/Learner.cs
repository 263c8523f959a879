using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// What trains a <see cref="Network"/>, as ML.NET separates a trainer from its model parameters: created by the first
/// <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/>, it holds the training step with its buffers (kept from one
/// Fit to the next) and the last training's history. The network itself is the model: layers, weights, prediction and
/// persistence.
/// </summary>
/// <remarks>
/// A network loaded or built only to predict never creates one, and allocates no training memory: the parameters'
/// gradients are allocated by the first backward pass (<see cref="Parameter.Gradients"/>) and the optimizer's state by its
/// first update (<see cref="Parameter.Momentums"/>, <see cref="Parameter.Cache"/>); the layers' training buffers by
/// their first <see cref="Layer.Forward"/> in training mode. Optimizer state that a model file carries is loaded with it, so
/// that a later Fit continues from it.
/// </remarks>
internal sealed class Learner
{
    private readonly Network _network;
    private ITrainingStep? _step;
    private (TrainingExecution, bool, bool, bool, int) _stepKey;

    /// <summary>Creates the learner of <paramref name="network"/>.</summary>
    public Learner(Network network) => _network = network;

    /// <summary>The history of the last training, or null before the first.</summary>
    public TrainingHistory? History { get; set; }

    /// <summary>Trains the network: one <see cref="TrainingLoop"/> over the options.</summary>
    public TrainingHistory Fit(Matrix inputs, Matrix targets, FitOptions options) => new TrainingLoop(_network, options).Run(inputs, targets);

    /// <summary>Trains the network on sparse rows: one <see cref="TrainingLoop"/> over the options.</summary>
    public TrainingHistory Fit(SparseMatrix inputs, Matrix targets, FitOptions options) => new TrainingLoop(_network, options).Run(inputs, targets);

    /// <summary>Trains the network on a feed's batches: one <see cref="TrainingLoop"/> over the options.</summary>
    public TrainingHistory Fit(BatchFeed feed, Matrix targetSample, FitOptions options) => new TrainingLoop(_network, options).Run(feed, targetSample);

    /// <summary>
    /// The step for a training: the one the last training took when nothing that chooses it changed (its buffers are
    /// reused), otherwise a new one from <see cref="TrainingStepSelector"/>.
    /// </summary>
    public ITrainingStep Step(TrainingExecution execution, int targetColumns, bool fuseLayers, bool useSmallInputKernel, bool smallInputKernelSupported)
    {
        var key = (execution, fuseLayers, useSmallInputKernel, smallInputKernelSupported, targetColumns);
        if (_step is null || _stepKey != key)
        {
            _step = TrainingStepSelector.Select(_network, execution, targetColumns, fuseLayers, useSmallInputKernel, smallInputKernelSupported);
            _stepKey = key;
        }
        return _step;
    }
}
