namespace NNTrainer.Cli.Models;

/// <summary>A CSV column the model reads, and how.</summary>
internal sealed record FeatureColumn(string Name, ColumnKind Kind);
