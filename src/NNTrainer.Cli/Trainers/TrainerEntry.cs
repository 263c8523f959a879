namespace NNTrainer.Cli.Trainers;

/// <summary>One row of a comparison: a named trainer that can fit some of the tasks.</summary>
internal abstract class TrainerEntry
{
    /// <summary>The name shown in tables and plots, for a task.</summary>
    public abstract string NameFor(TaskKind task);

    /// <summary>The short name accepted by <c>--trainers</c> and <c>--trainer</c>.</summary>
    public abstract string Alias { get; }

    /// <summary>Whether the trainer reports per-epoch progress (the neural network does).</summary>
    public virtual bool HasEpochs => false;

    /// <summary>Whether the trainer prints a line for every epoch itself (the network on images, with each epoch's seconds): the reporter's plain lines would repeat them.</summary>
    public virtual bool PrintsEpochLines => false;

    public abstract bool Supports(TaskKind task);

    public abstract TrainedModel Fit(TrainingRequest request);
}
