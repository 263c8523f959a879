using NNTrainer.Initialization;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// Batches taken in turn from an index of the training rows that is shuffled every epoch (the book's batches, in a new
/// random order each epoch), with the targets and example weights of each batch's rows gathered alongside.
/// <see cref="MatrixBatchFeed"/> and <see cref="SparseBatchFeed"/> gather the inputs, dense or sparse.
/// </summary>
/// <param name="targets">All targets.</param>
/// <param name="indices">The training rows; shuffled in place every epoch.</param>
/// <param name="batchSize">Samples per batch, at most <paramref name="indices"/>' length.</param>
/// <param name="weights">One weight per row of the data, or null.</param>
internal abstract class IndexedBatchFeed(Matrix targets, int[] indices, int batchSize, float[]? weights) : BatchFeed
{
    private int _start;

    /// <summary>All targets.</summary>
    private protected Matrix Targets { get; } = targets;

    /// <summary>The training rows, in this epoch's order.</summary>
    private protected int[] Indices { get; } = indices;

    /// <summary>One weight per row of the data, or null.</summary>
    private protected float[]? Weights { get; } = weights;

    /// <inheritdoc />
    public override int SampleCount => Indices.Length;

    /// <inheritdoc />
    public override int BatchSize { get; } = batchSize;

    /// <inheritdoc />
    public override bool Weighted => Weights is not null;

    /// <inheritdoc />
    public override void StartEpoch(bool shuffle, SeededRandom random)
    {
        if (shuffle) random.Shuffle(Indices);
        _start = 0;
    }

    /// <summary>Where the epoch's next batch starts in <see cref="Indices"/> and how many rows it holds; false when the epoch has no rows left.</summary>
    private protected bool TakeBatch(out int start, out int count)
    {
        start = _start;
        count = 0;
        if (start >= Indices.Length) return false;
        count = Math.Min(BatchSize, Indices.Length - start);
        _start = start + count;
        return true;
    }
}
