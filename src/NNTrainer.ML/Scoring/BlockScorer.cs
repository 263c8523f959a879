namespace NNTrainer.ML;

/// <summary>
/// Scores rows in blocks with one batch call of an engine <see cref="Predictor"/>: a cursor writes each row's
/// features into <see cref="Row"/>, then <see cref="Score"/> runs the block through the batch kernels. Every row's
/// results are bit-identical to scoring it on its own (<see cref="NetworkScorer"/>), since the engine computes each
/// output value with the same operations in any batch.
/// </summary>
/// <remarks>
/// Blocks start small and double up to <see cref="MaxRows"/>, so a cursor that reads a handful of rows does not pay
/// for a full block, while a long scan scores 1,024 rows per call.
/// </remarks>
internal sealed class BlockScorer
{
    /// <summary>Rows per block once the block has grown.</summary>
    public const int MaxRows = 1024;

    private const int FirstRows = 64;

    private readonly Predictor _predictor;
    private readonly int _inputSize;
    private readonly int _outputSize;
    private readonly int _logitLayer;
    private readonly int _logitWidth;
    private float[] _features = [];
    private Matrix? _outputs;

    public BlockScorer(Network network)
    {
        _predictor = network.CreatePredictor();
        _inputSize = network.InputSize;
        _outputSize = network.OutputSize;
        _logitLayer = network.Layers.Count - 2;
        int size = network.InputSize;
        for (int i = 0; i <= _logitLayer; i++) size = network.Layers[i].GetOutputSize(size);
        _logitWidth = size;
    }

    /// <summary>Rows the current block can hold.</summary>
    public int Capacity { get; private set; }

    /// <summary>Values per feature vector.</summary>
    public int InputSize => _inputSize;

    /// <summary>Starts a new block, twice as large as the last one up to <see cref="MaxRows"/>.</summary>
    public void StartBlock()
    {
        Capacity = Capacity == 0 ? FirstRows : Math.Min(MaxRows, Capacity * 2);
        if (_features.Length < Capacity * _inputSize) _features = new float[Capacity * _inputSize];
    }

    /// <summary>Where the features of the block's row <paramref name="slot"/> go.</summary>
    public Span<float> Row(int slot) => _features.AsSpan(slot * _inputSize, _inputSize);

    /// <summary>Scores the block's first <paramref name="rows"/> rows.</summary>
    public void Score(int rows) => _outputs = rows == 0 ? null : _predictor.PredictRows(_features, rows);

    /// <summary>The network's outputs for the block's row <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> Outputs(int slot) => _outputs!.Data.AsSpan(slot * _outputSize, _outputSize);

    /// <summary>The logit (the last layer's input to the output activation) of the block's row <paramref name="slot"/>.</summary>
    public float Logit(int slot) => _predictor.LayerOutput(_logitLayer)[slot * _logitWidth];
}
