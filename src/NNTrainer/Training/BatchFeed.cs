using NNTrainer.Initialization;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// The supply of training batches, the one thing <see cref="TrainingLoop"/> asks of the data: before every epoch
/// <see cref="StartEpoch"/>, then <see cref="Next"/> until it returns false.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="MatrixBatchFeed"/> is today's feed: it gathers each batch from in-memory matrices through a shuffled index.
/// A feed that streams its rows (block-shuffled reads from a file larger than memory, say) derives from this class and
/// plugs into the same loop; everything after the batch — the step, the weighting, the statistics, the schedule — is
/// shared.
/// </para>
/// <para>
/// A feed's contract: <see cref="Next"/> allocates nothing in the steady state (fill buffers allocated once, for
/// <see cref="BatchSize"/> rows); it sets <see cref="TrainingBatch.Inputs"/>, <see cref="TrainingBatch.Targets"/>,
/// <see cref="TrainingBatch.Count"/> and, when <see cref="Weighted"/>, <see cref="TrainingBatch.WeightBuffer"/> (with at
/// least <see cref="BatchSize"/> values, checked finite and ≥ 0 beforehand by <see cref="SampleWeighting.Check"/>); an
/// epoch covers <see cref="SampleCount"/> samples in batches of <see cref="BatchSize"/> (the last may be smaller), and
/// the order depends only on the <see cref="SeededRandom"/> passed to <see cref="StartEpoch"/>, so a seed reproduces a
/// model bit for bit.
/// </para>
/// <para>Train on a feed with <see cref="Network.Fit(BatchFeed, Matrix, FitOptions?)"/>.</para>
/// </remarks>
public abstract class BatchFeed
{
    /// <summary>Training samples per epoch: the unweighted epoch loss is the sum of the sample losses over it.</summary>
    public abstract int SampleCount { get; }

    /// <summary>Samples per batch (the last batch of an epoch may hold fewer).</summary>
    public abstract int BatchSize { get; }

    /// <summary>Whether the batches carry sample weights.</summary>
    public abstract bool Weighted { get; }

    /// <summary>Steps in one epoch, for per-step learning-rate schedules.</summary>
    public int StepsPerEpoch => (SampleCount + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch, in a new random order of the samples when <paramref name="shuffle"/> is set.</summary>
    /// <param name="shuffle">Whether to reorder the samples (<see cref="FitOptions.Shuffle"/>).</param>
    /// <param name="random">The network's random source: the only source of the order.</param>
    public abstract void StartEpoch(bool shuffle, SeededRandom random);

    /// <summary>Fills <paramref name="batch"/> with the epoch's next samples; false when the epoch has no more.</summary>
    /// <param name="batch">The batch to fill (reused for every batch).</param>
    public abstract bool Next(TrainingBatch batch);

    /// <summary>
    /// Gathers the targets of <paramref name="rows"/> into <paramref name="batchTargets"/> and, with example weights,
    /// their weights into <paramref name="batchWeights"/>; then points <paramref name="batch"/> at both.
    /// </summary>
    private protected static void GatherTargetsAndWeights(TrainingBatch batch, Matrix targets, float[]? weights, ReadOnlySpan<int> rows, Matrix batchTargets, float[]? batchWeights)
    {
        targets.GatherRows(rows, batchTargets);
        if (weights is not null)
        {
            for (int i = 0; i < rows.Length; i++) batchWeights![i] = weights[rows[i]];
        }
        batch.Targets = batchTargets;
        batch.WeightBuffer = batchWeights;
        batch.Count = rows.Length;
    }
}
