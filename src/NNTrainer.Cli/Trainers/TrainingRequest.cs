namespace NNTrainer.Cli.Trainers;

/// <summary>
/// Everything a trainer needs: featurized training data with <c>Label</c> and <c>Features</c> columns, and for
/// <c>train --resume</c> the network to continue from.
/// </summary>
internal sealed record TrainingRequest(
    MLContext Ml,
    TaskKind Task,
    int ClassCount,
    IDataView Train,
    NetworkSettings Network,
    IProgress<EpochResult>? Progress,
    CancellationToken CancellationToken,
    Network? Resume = null);
