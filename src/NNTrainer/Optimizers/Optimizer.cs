using NNTrainer.Layers;
using NNTrainer.Optimizers.Schedules;
using NNTrainer.Training;

namespace NNTrainer.Optimizers;

/// <summary>
/// Updates parameters from their gradients, following the book's three-step protocol per training step:
/// <see cref="PreUpdate"/> (learning-rate decay), <see cref="Update"/> for each parameter, <see cref="PostUpdate"/>
/// (step counter).
/// </summary>
public abstract class Optimizer
{
    /// <summary>Initialises the learning-rate schedule.</summary>
    /// <param name="learningRate">Initial learning rate; finite and positive.</param>
    /// <param name="decay">Learning-rate decay: the rate at step t is <c>learningRate / (1 + decay·t)</c>; 0 keeps it constant.</param>
    protected Optimizer(float learningRate, float decay)
    {
        LearningRate = OptimizerArguments.LearningRate(learningRate);
        Decay = OptimizerArguments.Decay(decay);
        CurrentLearningRate = learningRate;
        ScheduledLearningRate = learningRate;
    }

    /// <summary>The initial learning rate.</summary>
    public float LearningRate { get; }

    /// <summary>The learning-rate decay per step.</summary>
    public float Decay { get; }

    /// <summary>The learning rate used by the current step, after decay.</summary>
    public float CurrentLearningRate { get; private set; }

    /// <summary>
    /// The rate a <see cref="LearningRateSchedule"/> chose for the current step, before the time-based
    /// <see cref="Decay"/> applies on top; <see cref="LearningRate"/> when training runs without a schedule.
    /// </summary>
    public float ScheduledLearningRate { get; private set; }

    /// <summary>Sets the schedule's rate for the next steps; with no decay it is the rate those steps use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void SetScheduledLearningRate(float rate)
    {
        ScheduledLearningRate = rate;
        if (Decay == 0f) CurrentLearningRate = rate;
    }

    /// <summary>Threads the update kernels may use; set by the training loop from <see cref="Network.NumberOfThreads"/>.</summary>
    internal int NumberOfThreads { get; set; } = 1;

    /// <summary>Number of completed steps (the book's <c>iterations</c>).</summary>
    public long Iterations { get; internal set; }

    /// <summary>
    /// Applies learning-rate decay before a step's updates: <c>lr / (1 + decay · iterations)</c>, where lr is
    /// <see cref="ScheduledLearningRate"/> (the initial rate unless a schedule changed it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PreUpdate()
    {
        if (Decay > 0f)
        {
            CurrentLearningRate = (float)(ScheduledLearningRate * (1.0 / (1.0 + Decay * (double)Iterations)));
        }
    }

    /// <summary>Updates one parameter from its gradient.</summary>
    /// <param name="parameter">The parameter to update.</param>
    public abstract void Update(Parameter parameter);

    /// <summary>
    /// Whether <see cref="UpdateRows"/> is implemented: the "lazy" update of a sparse-input layer's weights, which
    /// touches only the rows whose input occurs in the batch (TensorFlow's LazyAdam, PyTorch's SparseAdam).
    /// </summary>
    internal virtual bool UpdatesRows => false;

    /// <summary>
    /// Updates only the rows <paramref name="rows"/> of a [rows × columns] parameter from their gradients, leaving every
    /// other row — its values and its optimizer state — as it is. For plain SGD that is the dense update exactly (a zero
    /// gradient moves nothing); with momentum, Adam's moments or a weight decay it differs from the dense update, which
    /// would also decay the state and values of the rows not in the batch.
    /// </summary>
    /// <param name="parameter">The parameter, its gradient rows filled for <paramref name="rows"/>.</param>
    /// <param name="rows">The rows to update, each once.</param>
    internal virtual void UpdateRows(Parameter parameter, ReadOnlySpan<int> rows) =>
        throw new NotSupportedException($"{GetType().Name} has no row-wise update; check {nameof(UpdatesRows)} first.");

    /// <summary>Counts the step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PostUpdate() => Iterations++;

    /// <summary>Puts the schedule where it was after <paramref name="iterations"/> steps: the current rate is the one the last step used.</summary>
    /// <remarks>Public so that a front end continuing a saved model's training (NNTrainer.ML's warm start) resumes its schedule exactly.</remarks>
    /// <param name="iterations">Update steps already taken, e.g. the <see cref="Iterations"/> of the optimizer that trained the model.</param>
    public void RestoreSchedule(long iterations)
    {
        Iterations = Math.Max(0, iterations - 1);
        CurrentLearningRate = ScheduledLearningRate;
        if (iterations > 0) PreUpdate();
        Iterations = iterations;
    }
}
