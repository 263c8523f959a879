namespace NNTrainer.Cli.Trainers;

/// <summary>
/// A fitted trainer: its ML.NET transformer (adds <c>Score</c>, <c>PredictedLabel</c>, and <c>Probability</c> for binary) and, for the network, its per-epoch history
/// the model a small classification table chose by cross-validation, and whether a large table trained the long way.
/// </summary>
internal sealed class TrainedModel(ITransformer transformer, TrainingHistory? history = null, NNTrainer.ML.NeuralNetworkModelSelection? modelSelection = null)
{
    public ITransformer Transformer { get; } = transformer;

    public TrainingHistory? History { get; } = history;

    public NNTrainer.ML.NeuralNetworkModelSelection? ModelSelection { get; } = modelSelection;

    /// <summary>The network's long-training choice (<c>NeuralNetworkTransformer.LongTraining</c>); null when none was made.</summary>
    public bool? LongTraining { get; init; }

    /// <summary>Whether that choice took the usual training with ten times its L2 penalty (<c>NeuralNetworkTransformer.StrongerPenalty</c>).</summary>
    public bool StrongerPenalty { get; init; }

    /// <summary>The regime the long-training choice took, or that was given; null when none was made or given.</summary>
    public TrainingRegime? Regime => LongTraining is { } longer ? (longer ? TrainingRegime.Long : TrainingRegime.Usual)
        : StrongerPenalty ? TrainingRegime.StrongerPenalty : null;

    /// <summary>The rows the network trained on when a measuring fit kept the long-training choice's candidate (<c>NeuralNetworkTransformer.ChoiceCandidateRows</c>); null otherwise.</summary>
    public long? ChoiceCandidateRows { get; init; }

    public IDataView Score(IDataView featurized) => Transformer.Transform(featurized);
}
