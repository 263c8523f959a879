using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// Runs a built network's inference pass with buffers of its own. One predictor is for one thread at a time;
/// any number of predictors can score with the same network at once, as long as the network is not being trained.
/// </summary>
/// <remarks>
/// The buffers grow to the largest batch scored and are then reused: once a predictor has scored a batch of a given
/// size, scoring batches up to that size allocates nothing.
/// </remarks>
public sealed class Predictor
{
    private readonly Network _network;
    private readonly Matrix[] _buffers;
    private readonly Matrix _single;
    private Matrix? _scores;
    private readonly int _metricTileRows;
    private WideInference? _wide;

    // 16 Mi floats (64 MB) over all the layers' buffers: 256 rows of an MLP or LeNet, 67 of MiniVGGNet (250,000 values
    // per sample); fewer rows would stream the dense layers' weights once per tile too often.
    private const long MetricTileValues = 16L << 20;

    internal Predictor(Network network)
    {
        _network = network;
        var layers = network.Layers;
        _buffers = new Matrix[layers.Count];
        int size = network.InputSize;
        long valuesPerSample = 0;
        for (int i = 0; i < layers.Count; i++)
        {
            size = layers[i].GetOutputSize(size);
            _buffers[i] = new Matrix(1, size);
            valuesPerSample += size;
        }
        _metricTileRows = (int)Math.Clamp(MetricTileValues / Math.Max(valuesPerSample, 1), 16, TileRows);
        _single = new Matrix(1, network.InputSize);
    }

    /// <summary>Values per input sample.</summary>
    public int InputSize => _network.InputSize;

    /// <summary>Values per output sample.</summary>
    public int OutputSize => _network.OutputSize;

    /// <summary>Scores one sample.</summary>
    /// <param name="features">The sample, <see cref="InputSize"/> values.</param>
    /// <param name="outputs">Destination for <see cref="OutputSize"/> values.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Predict(ReadOnlySpan<float> features, Span<float> outputs)
    {
        if (features.Length != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; got {features.Length}.", nameof(features));
        }
        if (outputs.Length != OutputSize)
        {
            throw new ArgumentException($"The network produces {OutputSize} values per sample; the destination holds {outputs.Length}.", nameof(outputs));
        }
        // Read in place: a first dense layer takes the span itself, so one sample costs no copy of its features.
        PredictRows(features, 1).AsSpan().CopyTo(outputs);
    }

    /// <summary>Scores a batch; the returned matrix belongs to the predictor and is overwritten by the next call.</summary>
    /// <param name="inputs">The batch, [samples × <see cref="InputSize"/>].</param>
    public Matrix Predict(Matrix inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; the batch has {inputs.Columns}.", nameof(inputs));
        }
        // A first dense layer reads the batch in place, so the rows can take the wide inference tile (same bits as
        // the layer-by-layer kernels); other first layers take the matrix itself, with no copy.
        return _network.Layers[0] is DenseLayer ? PredictRows(inputs.AsSpan(), inputs.Rows) : Run(inputs);
    }

    /// <summary>
    /// Scores a batch into a caller's buffer, allocating nothing once the predictor has scored <see cref="TileRows"/>
    /// rows. Large batches run in tiles of <see cref="TileRows"/> rows, read in place, so that every layer's
    /// intermediate results stay in the processor's cache; each row's outputs are the same in any tiling.
    /// </summary>
    /// <param name="inputs">The batch, [samples × <see cref="InputSize"/>].</param>
    /// <param name="outputs">Destination, [samples × <see cref="OutputSize"/>].</param>
    /// <remarks>Afterwards <see cref="LayerOutput"/> holds the rows of the last tile only.</remarks>
    /// <exception cref="ArgumentException">A matrix has the wrong shape.</exception>
    public void Predict(Matrix inputs, Matrix outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; the batch has {inputs.Columns}.", nameof(inputs));
        }
        if (outputs.Rows != inputs.Rows || outputs.Columns != OutputSize)
        {
            throw new ArgumentException($"The destination must be {inputs.Rows}x{OutputSize} (one row of {OutputSize} outputs per sample); it is {outputs.Rows}x{outputs.Columns}.", nameof(outputs));
        }
        PredictTiled(inputs.AsSpan(), inputs.Rows, outputs.AsSpan(), TileRows);
    }

    /// <summary>
    /// Rows scored per pass through the layers by <see cref="Predict(Matrix, Matrix)"/> and <see cref="Network.Predict(Matrix, Matrix, int)"/>:
    /// 256 rows of a 128-wide layer are 128 KB, so a layer's output is still in cache when the next layer reads it.
    /// </summary>
    public const int TileRows = 256;

    /// <summary>Scores <paramref name="rows"/> samples read in place, at most <paramref name="tileRows"/> (capped at <see cref="TileRows"/>) per pass, into <paramref name="outputs"/>.</summary>
    internal void PredictTiled(ReadOnlySpan<float> inputs, int rows, Span<float> outputs, int tileRows)
    {
        int tile = Math.Min(tileRows, TileRows);
        for (int start = 0; start < rows; start += tile)
        {
            int count = Math.Min(tile, rows - start);
            PredictRows(inputs.Slice(start * InputSize), count).AsSpan().CopyTo(outputs.Slice(start * OutputSize));
        }
    }

    /// <summary>
    /// Scores a batch of any size in tiles into a buffer of the predictor's own, so that the layers' buffers together
    /// stay near 64 MB (a convnet's layers hold up to 1 MB per sample: 1,024 rows of MiniVGGNet were 1 GB).
    /// </summary>
    internal Matrix PredictInTiles(Matrix inputs)
    {
        if (inputs.Rows <= _metricTileRows) return Predict(inputs);
        if (_scores is null || _scores.RowCapacity < inputs.Rows) _scores = new Matrix(inputs.Rows, OutputSize);
        _scores.Resize(inputs.Rows);
        PredictTiled(inputs.AsSpan(), inputs.Rows, _scores.AsSpan(), _metricTileRows);
        return _scores;
    }

    /// <summary>
    /// The output of one layer from this predictor's last <c>Predict</c> call, one row per sample scored: for
    /// example the logits a softmax or sigmoid layer turned into probabilities. Overwritten by the next call.
    /// </summary>
    /// <param name="layer">Index of the layer in <see cref="Network.Layers"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no such layer.</exception>
    public ReadOnlySpan<float> LayerOutput(int layer)
    {
        if ((uint)layer >= (uint)_buffers.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"The network has {_buffers.Length} layers.");
        }
        return _buffers[layer].AsSpan();
    }

    /// <summary>
    /// Scores <paramref name="rows"/> samples read in place from <paramref name="inputs"/> (row-major, <see cref="InputSize"/>
    /// values each); the returned matrix belongs to the predictor and is overwritten by the next call.
    /// </summary>
    /// <param name="inputs">At least <paramref name="rows"/> × <see cref="InputSize"/> values.</param>
    /// <param name="rows">Samples to score.</param>
    public Matrix PredictRows(ReadOnlySpan<float> inputs, int rows)
    {
        if (rows >= WideInference.MinimumRows && (_wide = WideInference.For(_network, _wide)) is { } wide)
        {
            return wide.Run(inputs, rows, _buffers, _single);
        }
        var layers = _network.Layers;
        if (layers[0] is DenseLayer dense)
        {
            dense.InferRows(inputs, rows, _buffers[0]);
            return Run(_buffers[0], 1);
        }
        // Other first layers take a matrix: copy the rows into the predictor's own input buffer.
        _single.Resize(rows);
        inputs.Slice(0, rows * InputSize).CopyTo(_single.Data);
        return Run(_single);
    }

    /// <summary>
    /// Scores sparse rows with the first dense layer on their stored values only, as <see cref="Network.Predict(SparseMatrix)"/>
    /// does: row r's values are <paramref name="values"/>[<paramref name="starts"/>[r]..starts[r + 1]] at the inputs named
    /// by <paramref name="columns"/> over the same range. The returned matrix belongs to the predictor and is overwritten
    /// by the next call.
    /// </summary>
    /// <remarks>
    /// A row's outputs depend on that row alone, so they are the same bits scored alone or in any batch, and the same as
    /// <see cref="Network.Predict(SparseMatrix)"/> gives; they equal its dense form's up to the order of the first layer's
    /// sums (the dense kernels add the zeros' products too, in blocks).
    /// </remarks>
    /// <exception cref="ArgumentException">The first layer is not dense, the row starts do not fit the spans, or an input index is out of range.</exception>
    public Matrix PredictSparseRows(ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, int rows)
    {
        if (_network.Layers[0] is not DenseLayer dense)
        {
            throw new ArgumentException($"Sparse rows need a DenseLayer as the network's first layer; it is {_network.Layers[0].GetType().Name}.");
        }
        CheckSparseRows(starts, columns, values, rows);
        return RunSparse(dense, starts, columns, values, rows);
    }

    /// <summary>
    /// <see cref="PredictSparseRows"/> without its checks, for rows already checked (a <see cref="SparseMatrix"/>'s):
    /// the first dense layer on the stored values, then every other layer's <see cref="Layer.Infer"/>.
    /// </summary>
    internal Matrix RunSparse(DenseLayer first, ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, int rows)
    {
        var hidden = _buffers[0];
        hidden.Resize(rows);
        SparseProducts.Forward(starts, columns, values, rows, first.Weights.Values, first.Biases.Values, hidden.AsSpan());
        return Run(hidden, 1);
    }

    private void CheckSparseRows(ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, int rows)
    {
        if (rows < 0 || starts.Length < rows + 1) throw new ArgumentException($"{rows} sparse rows need {rows + 1} row starts; got {starts.Length}.", nameof(starts));
        int end = Math.Min(columns.Length, values.Length);
        for (int r = 0; r < rows; r++)
        {
            if (starts[r] < 0 || starts[r] > starts[r + 1] || starts[r + 1] > end)
            {
                throw new ArgumentException($"Sparse row {r} spans stored values {starts[r]} to {starts[r + 1]}, outside the {end} given.", nameof(starts));
            }
        }
        foreach (int column in columns[(rows == 0 ? 0 : starts[0])..(rows == 0 ? 0 : starts[rows])])
        {
            if ((uint)column >= (uint)InputSize) throw new ArgumentException($"A sparse row names input {column}; the network takes {InputSize}.", nameof(columns));
        }
    }

    private Matrix Run(Matrix inputs, int firstLayer = 0)
    {
        var layers = _network.Layers;
        var current = inputs;
        for (int i = firstLayer; i < layers.Count; i++)
        {
            layers[i].Infer(current, _buffers[i]);
            current = _buffers[i];
        }
        return current;
    }
}
