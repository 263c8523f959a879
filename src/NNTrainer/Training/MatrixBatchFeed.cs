using NNTrainer.Initialization;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// Batches gathered from in-memory matrices through an index shuffled every epoch (the book's batches, taken in a new
/// random order each epoch). A full batch over all the rows in their order is the caller's matrices themselves.
/// </summary>
internal sealed class MatrixBatchFeed : IndexedBatchFeed
{
    private readonly Matrix _inputs;
    private readonly bool _direct;
    private readonly Matrix _batchInputs;
    private readonly Matrix _batchTargets;
    private readonly float[]? _batchWeights;
    private readonly int _threads;

    /// <summary>Feeds the rows <paramref name="indices"/> of the data (the training rows, in their initial order).</summary>
    /// <param name="inputs">All inputs.</param>
    /// <param name="targets">All targets.</param>
    /// <param name="indices">The training rows; shuffled in place every epoch.</param>
    /// <param name="batchSize">Samples per batch, at most <paramref name="indices"/>' length.</param>
    /// <param name="weights">One weight per row of <paramref name="inputs"/>, or null.</param>
    /// <param name="threads">Threads the gathering may use.</param>
    public MatrixBatchFeed(Matrix inputs, Matrix targets, int[] indices, int batchSize, float[]? weights, int threads)
        : base(targets, indices, batchSize, weights)
    {
        _inputs = inputs;
        _threads = threads;
        // A full batch over all the data in order needs no gathering: the step reads the caller's matrices.
        _direct = batchSize == indices.Length && indices.Length == inputs.Rows;
        _batchInputs = _direct ? inputs : new Matrix(batchSize, inputs.Columns);
        _batchTargets = _direct ? targets : new Matrix(batchSize, targets.Columns);
        _batchWeights = weights is null ? null : _direct ? weights : new float[batchSize];
    }

    /// <inheritdoc />
    /// <remarks>The caller's matrices read in place are one batch in their order: there is nothing to shuffle.</remarks>
    public override void StartEpoch(bool shuffle, SeededRandom random) => base.StartEpoch(shuffle && !_direct, random);

    /// <inheritdoc />
    public override bool Next(TrainingBatch batch)
    {
        if (!TakeBatch(out int start, out int count)) return false;
        if (_direct)
        {
            (batch.Targets, batch.WeightBuffer, batch.Count) = (_batchTargets, _batchWeights, count);
        }
        else
        {
            _inputs.GatherRows(Indices, start, count, _batchInputs, _threads);
            GatherTargetsAndWeights(batch, Targets, Weights, Indices.AsSpan(start, count), _batchTargets, _batchWeights);
        }
        batch.Inputs = _batchInputs;
        return true;
    }
}
