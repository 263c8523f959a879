using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>How <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> takes a training step (<see cref="FitOptions.Execution"/>).</summary>
public enum TrainingExecution
{
    /// <summary>
    /// The fastest step that applies to the network (the default): a named optimisation of the reference step that
    /// computes the same weights (see <see cref="TrainingStepNames"/>), or the reference step itself.
    /// </summary>
    Auto,

    /// <summary>
    /// The book's step, always: every layer's <see cref="Layer.Forward"/>, the loss, every layer's <see cref="Layer.Backward"/>
    /// and the optimizer's update, one layer at a time.
    /// </summary>
    Reference,
}
