namespace NNTrainer.ML;

/// <summary>
/// Scores one row at a time with an engine <see cref="Predictor"/> and buffers of its own; one instance per
/// cursor, row mapper or thread. Both the trained transformer and the model reloaded from a .zip score through
/// this class, which is what makes their scores bit-identical.
/// </summary>
internal sealed class NetworkScorer
{
    private readonly Predictor _predictor;
    private readonly float[] _features;
    private readonly float[] _outputs;
    private readonly int _logitLayer;
    private readonly int _inputSize;
    private readonly bool _sparseRows;
    private readonly int[] _starts = new int[2];

    public NetworkScorer(Network network)
    {
        _predictor = network.CreatePredictor();
        _sparseRows = ScoresSparseRows(network);
        // Only a network that must densify sparse rows needs a row's worth of features (133,956 floats for a text model).
        _features = new float[_sparseRows ? 0 : network.InputSize];
        _inputSize = network.InputSize;
        _outputs = new float[network.OutputSize];
        _logitLayer = network.Layers.Count - 2;
    }

    /// <summary>Values per feature vector.</summary>
    public int InputSize => _inputSize;

    /// <summary>The network's outputs for the last row scored.</summary>
    public ReadOnlySpan<float> Outputs => _outputs;

    /// <summary>
    /// The value the last layer turned into the output (the logit before a sigmoid or softmax), for the last row scored.
    /// </summary>
    public float Logit => _predictor.LayerOutput(_logitLayer)[0];

    /// <summary>
    /// Whether sparse rows are scored as stored: when the first layer is dense and as wide as the columns training reads
    /// as sparse (<see cref="SparseFeatures.MinimumSlots"/>), it reads their nonzeros only
    /// (<see cref="Predictor.PredictSparseRows"/>), not a dense copy. Narrower inputs (a one-hot category beside a few
    /// numbers) gain nothing from it and keep the dense kernels' bits, which the ONNX export is checked against.
    /// </summary>
    public static bool ScoresSparseRows(Network network) => network.Layers[0] is DenseLayer && network.InputSize >= SparseFeatures.MinimumSlots;

    /// <summary>
    /// Scores one feature vector (dense or sparse). A sparse vector's scores equal its dense form's up to the order of the
    /// first layer's sums (see <see cref="ScoresSparseRows"/>); the trained transformer's block scoring gives the same bits.
    /// </summary>
    /// <param name="features">The row's features.</param>
    /// <param name="featureColumnName">The feature column, for the error message.</param>
    /// <param name="row">The row's position, for the error message; negative when unknown (a reloaded model's scoring step is not told it).</param>
    /// <exception cref="InvalidOperationException">The vector does not have the size the network was trained on.</exception>
    public ReadOnlySpan<float> Score(in VBuffer<float> features, string featureColumnName, long row)
    {
        if (features.Length != _inputSize) throw WrongSize(featureColumnName, features.Length, _inputSize, row);
        if (features.IsDense)
        {
            _predictor.Predict(features.GetValues(), _outputs);
        }
        else if (_sparseRows)
        {
            var values = features.GetValues();
            _starts[1] = values.Length;
            _predictor.PredictSparseRows(_starts, features.GetIndices(), values, 1).AsSpan().CopyTo(_outputs);
        }
        else
        {
            features.CopyTo(_features);
            _predictor.Predict(_features, _outputs);
        }
        return _outputs;
    }

    /// <summary>The error for a feature vector of the wrong size, the same for a row scored alone or in a block.</summary>
    public static InvalidOperationException WrongSize(string featureColumnName, int length, int expected, long row) => new(
        $"Column '{featureColumnName}' has {length} values{(row >= 0 ? $" at row {row}" : "")}; the neural network was trained on {expected} features, so it cannot score this row.");

    /// <summary>The 0-based index of the highest score; the first one on ties.</summary>
    public static uint ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best]) best = i;
        }
        return (uint)best;
    }
}
