namespace NNTrainer.ML;

/// <summary>
/// Scores the current row of an input row or cursor once, however many output columns are read from it: the
/// scores are kept until the input moves to another position.
/// </summary>
internal sealed class RowScorer : IRowScores
{
    private readonly DataViewRow _input;
    private readonly ValueGetter<VBuffer<float>> _getFeatures;
    private readonly NetworkScorer _scorer;
    private readonly string _featureColumnName;
    private VBuffer<float> _features;
    private long _scoredPosition = -1;
    private bool _scored;

    public RowScorer(Network network, DataViewRow input, DataViewSchema.Column featureColumn)
    {
        _input = input;
        _getFeatures = input.GetGetter<VBuffer<float>>(featureColumn);
        _scorer = new NetworkScorer(network);
        _featureColumnName = featureColumn.Name;
    }

    /// <summary>The network's outputs for the input's current row.</summary>
    public ReadOnlySpan<float> Outputs
    {
        get
        {
            Ensure();
            return _scorer.Outputs;
        }
    }

    /// <summary>The last layer's input to the output activation, for the input's current row.</summary>
    public float Logit
    {
        get
        {
            Ensure();
            return _scorer.Logit;
        }
    }

    private void Ensure()
    {
        long position = _input.Position;
        if (_scored && position == _scoredPosition) return;
        _getFeatures(ref _features);
        _scorer.Score(in _features, _featureColumnName, position);
        _scoredPosition = position;
        _scored = true;
    }
}
