namespace NNTrainer.ML;

/// <summary>What a saved model's scoring step reads from each row: the features and the network's text.</summary>
internal sealed class ScoringInput
{
    [ColumnName(PersistedColumns.Features)]
    public VBuffer<float> Features;

    [ColumnName(PersistedColumns.Model)]
    public ReadOnlyMemory<char> Model;

    /// <summary>Scores the row with the calling thread's scorer for the network in <see cref="Model"/>.</summary>
    public NetworkScorer Score(long row = -1)
    {
        var (scorer, featureColumnName) = PersistedNetworks.Get(Model);
        scorer.Score(in Features, featureColumnName, row);
        return scorer;
    }
}
