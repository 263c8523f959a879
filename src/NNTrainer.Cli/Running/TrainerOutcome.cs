namespace NNTrainer.Cli.Running;

/// <summary>A trainer's fitted model and its row of the results table.</summary>
internal sealed record TrainerOutcome(TrainerEntry Entry, TrainedModel Model, ResultRow Row);
