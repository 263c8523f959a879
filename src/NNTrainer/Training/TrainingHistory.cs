using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>What happened during one call to <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/>: one <see cref="EpochResult"/> per completed epoch, and how it ended.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochResult> _epochs = [];

    /// <summary>The completed epochs, in order.</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>Why training ended.</summary>
    public StopReason StopReason { get; internal set; }

    /// <summary>The epoch whose monitored loss was lowest (from 1), or 0 when no epoch completed.</summary>
    public int BestEpoch { get; internal set; }

    /// <summary>Whether the network's weights are those of <see cref="BestEpoch"/> rather than of the last step.</summary>
    public bool RestoredBestWeights { get; internal set; }

    /// <summary>
    /// The training step that ran (one of <see cref="TrainingStepNames"/>): <see cref="TrainingStepNames.Reference"/>, the
    /// book's, or the named optimisation of it that <see cref="TrainingExecution.Auto"/> chose.
    /// </summary>
    public string TrainingStep { get; internal init; } = TrainingStepNames.Reference;

    /// <summary>The last completed epoch, or null.</summary>
    public EpochResult? Last => _epochs.Count == 0 ? null : _epochs[^1];

    internal void Add(EpochResult epoch) => _epochs.Add(epoch);
}
