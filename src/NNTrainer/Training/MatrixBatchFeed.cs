using NNTrainer.Initialization;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// Batches gathered from in-memory matrices through an index shuffled every epoch (the book's batches, taken in a new
/// random order each epoch). A full batch over all the rows in their order is the caller's matrices themselves.
/// </summary>
internal sealed class MatrixBatchFeed : BatchFeed
{
    private readonly Matrix _inputs;
    private readonly Matrix _targets;
    private readonly int[] _indices;
    private readonly int _batchSize;
    private readonly bool _direct;
    private readonly Matrix _batchInputs;
    private readonly Matrix _batchTargets;
    private readonly float[]? _weights;
    private readonly float[]? _batchWeights;
    private readonly int _threads;
    private int _start;

    /// <summary>Feeds the rows <paramref name="indices"/> of the data (the training rows, in their initial order).</summary>
    /// <param name="inputs">All inputs.</param>
    /// <param name="targets">All targets.</param>
    /// <param name="indices">The training rows; shuffled in place every epoch.</param>
    /// <param name="batchSize">Samples per batch, at most <paramref name="indices"/>' length.</param>
    /// <param name="weights">One weight per row of <paramref name="inputs"/>, or null.</param>
    /// <param name="threads">Threads the gathering may use.</param>
    public MatrixBatchFeed(Matrix inputs, Matrix targets, int[] indices, int batchSize, float[]? weights, int threads)
    {
        _inputs = inputs;
        _targets = targets;
        _indices = indices;
        _batchSize = batchSize;
        _threads = threads;
        _weights = weights;
        // A full batch over all the data in order needs no gathering: the step reads the caller's matrices.
        _direct = batchSize == indices.Length && indices.Length == inputs.Rows;
        _batchInputs = _direct ? inputs : new Matrix(batchSize, inputs.Columns);
        _batchTargets = _direct ? targets : new Matrix(batchSize, targets.Columns);
        _batchWeights = weights is null ? null : _direct ? weights : new float[batchSize];
    }

    /// <inheritdoc />
    public override int SampleCount => _indices.Length;

    /// <inheritdoc />
    public override int BatchSize => _batchSize;

    /// <inheritdoc />
    public override bool Weighted => _weights is not null;

    /// <inheritdoc />
    public override void StartEpoch(bool shuffle, SeededRandom random)
    {
        if (shuffle && !_direct) random.Shuffle(_indices);
        _start = 0;
    }

    /// <inheritdoc />
    public override bool Next(TrainingBatch batch)
    {
        int start = _start;
        if (start >= _indices.Length) return false;
        int count = Math.Min(_batchSize, _indices.Length - start);
        if (_direct)
        {
            (batch.Targets, batch.WeightBuffer, batch.Count) = (_batchTargets, _batchWeights, count);
        }
        else
        {
            _inputs.GatherRows(_indices, start, count, _batchInputs, _threads);
            GatherTargetsAndWeights(batch, _targets, _weights, _indices.AsSpan(start, count), _batchTargets, _batchWeights);
        }
        batch.Inputs = _batchInputs;
        _start = start + count;
        return true;
    }
}
