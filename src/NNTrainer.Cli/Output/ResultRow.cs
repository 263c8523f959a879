namespace NNTrainer.Cli.Output;

/// <summary>One trainer's line of a results table; a neural network's also names its training step (<see cref="NNTrainer.Training.TrainingStepNames"/>).</summary>
internal sealed record ResultRow(string Trainer, double TrainSeconds, MetricSet Metrics, int? Epochs = null, string? TrainingStep = null);
