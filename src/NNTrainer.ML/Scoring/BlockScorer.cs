namespace NNTrainer.ML;

/// <summary>
/// Scores rows in blocks with one batch call of an engine <see cref="Predictor"/>: a cursor hands each row's
/// features to <see cref="SetRow"/>, then <see cref="Score"/> runs the block through the batch kernels. Every row's
/// results are bit-identical to scoring it on its own (<see cref="NetworkScorer"/>), since the engine computes each
/// output value with the same operations in any batch. Sparse rows stay sparse when the first layer is dense
/// (<see cref="NetworkScorer.ScoresSparseRows"/>): runs of them go through <see cref="Predictor.PredictSparseRows"/>,
/// runs of dense rows through the dense kernels, so a block of text rows never holds 256 dense copies of them.
/// </summary>
/// <remarks>
/// Blocks start small and double up to <see cref="MaxRows"/>, so a cursor that reads a handful of rows does not pay
/// for a full block, while a long scan scores <see cref="Predictor.TileRows"/> rows per call: a block whose layer outputs stay in cache.
/// </remarks>
internal sealed class BlockScorer
{
    /// <summary>Rows per block once the block has grown.</summary>
    public const int MaxRows = Predictor.TileRows;

    private const int FirstRows = 64;

    private readonly Predictor _predictor;
    private readonly int _inputSize;
    private readonly int _outputSize;
    private readonly int _logitLayer;
    private readonly int _logitWidth;
    private readonly bool _sparseRows;
    private float[] _features = [];
    private bool[] _isSparse = [];
    private int[] _starts = [0];
    private int[] _indices = [];
    private float[] _values = [];
    private float[] _outputs = [];
    private float[] _logits = [];

    public BlockScorer(Network network)
    {
        _predictor = network.CreatePredictor();
        _inputSize = network.InputSize;
        _outputSize = network.OutputSize;
        _logitLayer = network.Layers.Count - 2;
        _sparseRows = NetworkScorer.ScoresSparseRows(network);
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
        if (_isSparse.Length < Capacity)
        {
            _isSparse = new bool[Capacity];
            _starts = new int[Capacity + 1];
            _outputs = new float[Capacity * _outputSize];
            _logits = new float[Capacity];
        }
    }

    /// <summary>Makes the next block small again (for a new cursor); the buffers already grown are kept.</summary>
    public void Reset() => Capacity = 0;

    /// <summary>Keeps the features of the row in <paramref name="slot"/>; rows are set in order from slot 0, the size already checked.</summary>
    public void SetRow(int slot, in VBuffer<float> features)
    {
        int stored = _starts[slot];
        bool sparse = _isSparse[slot] = _sparseRows && !features.IsDense;
        if (sparse)
        {
            var values = features.GetValues();
            if (_values.Length < stored + values.Length)
            {
                int size = Math.Max(stored + values.Length, 2 * _values.Length);
                Array.Resize(ref _values, size);
                Array.Resize(ref _indices, size);
            }
            values.CopyTo(_values.AsSpan(stored));
            features.GetIndices().CopyTo(_indices.AsSpan(stored));
            stored += values.Length;
        }
        else
        {
            // Grown keeping the rows already set: the block may have doubled since the array was made.
            if (_features.Length < Capacity * _inputSize) Array.Resize(ref _features, Capacity * _inputSize);
            features.CopyTo(_features.AsSpan(slot * _inputSize, _inputSize));
        }
        _starts[slot + 1] = stored;
    }

    /// <summary>Scores the first <paramref name="rows"/> rows of the block, each run of sparse or dense rows with one engine call.</summary>
    public void Score(int rows)
    {
        for (int start = 0; start < rows;)
        {
            bool sparse = _isSparse[start];
            int end = start + 1;
            while (end < rows && _isSparse[end] == sparse) end++;
            int count = end - start;
            var outputs = sparse
                ? _predictor.PredictSparseRows(_starts.AsSpan(start, count + 1), _indices, _values, count)
                : _predictor.PredictRows(_features.AsSpan(start * _inputSize), count);
            outputs.AsSpan()[..(count * _outputSize)].CopyTo(_outputs.AsSpan(start * _outputSize));
            var logits = _predictor.LayerOutput(_logitLayer);
            for (int r = 0; r < count; r++) _logits[start + r] = logits[r * _logitWidth];
            start = end;
        }
    }

    /// <summary>The network's outputs for the block's row <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> Outputs(int slot) => _outputs.AsSpan(slot * _outputSize, _outputSize);

    /// <summary>The logit (the last layer's input to the output activation) of the block's row <paramref name="slot"/>.</summary>
    public float Logit(int slot) => _logits[slot];
}
