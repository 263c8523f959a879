using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// <see cref="MatrixBatchFeed"/>'s batches from sparse rows: the same shuffled index, the same order for a seed, each
/// batch gathered as CSR rows into a <see cref="SparseBatch"/> (<see cref="TrainingBatch.SparseInputs"/>).
/// </summary>
internal sealed class SparseBatchFeed : IndexedBatchFeed
{
    private readonly SparseMatrix _inputs;
    private readonly SparseBatch _batch;
    private readonly Matrix _batchTargets;
    private readonly float[]? _batchWeights;

    /// <summary>Feeds the rows <paramref name="indices"/> of the data (the training rows, in their initial order).</summary>
    /// <param name="inputs">All inputs.</param>
    /// <param name="targets">All targets.</param>
    /// <param name="indices">The training rows; shuffled in place every epoch.</param>
    /// <param name="batchSize">Samples per batch, at most <paramref name="indices"/>' length.</param>
    /// <param name="weights">One weight per row of <paramref name="inputs"/>, or null.</param>
    public SparseBatchFeed(SparseMatrix inputs, Matrix targets, int[] indices, int batchSize, float[]? weights)
        : base(targets, indices, batchSize, weights)
    {
        _inputs = inputs;
        _batch = new SparseBatch(batchSize, LargestBatch(inputs, indices, batchSize));
        _batchTargets = new Matrix(batchSize, targets.Columns);
        _batchWeights = weights is null ? null : new float[batchSize];
    }

    /// <inheritdoc />
    public override bool Next(TrainingBatch batch)
    {
        if (!TakeBatch(out int start, out int count)) return false;
        var rows = Indices.AsSpan(start, count);
        var (starts, columns, values) = (_inputs.RowStarts, _inputs.ColumnIndices, _inputs.Values);
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            int r = rows[i], from = starts[r], length = starts[r + 1] - from;
            Array.Copy(columns, from, _batch.Columns, at, length);
            Array.Copy(values, from, _batch.Values, at, length);
            at += length;
            _batch.Starts[i + 1] = at;
        }
        _batch.Rows = count;
        GatherTargetsAndWeights(batch, Targets, Weights, rows, _batchTargets, _batchWeights);
        batch.SparseInputs = _batch;
        return true;
    }

    /// <summary>
    /// The most values any batch can hold: the sum of the <paramref name="batchSize"/> longest rows, so that no order
    /// the shuffle can produce overflows the buffers.
    /// </summary>
    private static int LargestBatch(SparseMatrix inputs, int[] indices, int batchSize)
    {
        var lengths = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++) lengths[i] = inputs.RowStarts[indices[i] + 1] - inputs.RowStarts[indices[i]];
        Array.Sort(lengths);
        long sum = 0;
        for (int i = lengths.Length - 1; i >= Math.Max(0, lengths.Length - batchSize); i--) sum += lengths[i];
        return checked((int)sum);
    }
}
