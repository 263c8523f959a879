namespace NNTrainer.ML;

/// <summary>
/// The engine's <see cref="BatchFeed"/> over rows that are not in memory: each epoch is one pass of a
/// <see cref="BlockShuffleFeed"/> over an <see cref="IRowBlockSource"/>, standardised batch by batch with the
/// statistics of a first pass. The epoch's pass number comes from the network's random source, so a seed reproduces
/// the order — and the model — bit for bit. Holds one block and one batch, never the data.
/// </summary>
internal sealed class StreamingBatchFeed : BatchFeed
{
    private readonly BlockShuffleFeed _rows;
    private readonly int _sampleCount, _batchSize, _width;
    private readonly Matrix _inputs, _targets;
    private readonly double[]? _means, _deviations;
    private readonly (double Mean, double Deviation)? _targetScaling;
    private long _epochRows = -1;

    /// <param name="rows">The rows, block-shuffled.</param>
    /// <param name="featureCount">Values per feature row.</param>
    /// <param name="sampleCount">Rows in one pass (counted by the statistics pass); every pass must give as many.</param>
    /// <param name="batchSize">Rows per batch.</param>
    /// <param name="means">Per feature, the mean to subtract; null to leave the features as they are.</param>
    /// <param name="deviations">Per feature, the standard deviation to divide by (with <paramref name="means"/>).</param>
    /// <param name="targetScaling">The targets' mean and deviation to standardise them with (regression), or null.</param>
    public StreamingBatchFeed(BlockShuffleFeed rows, int featureCount, int sampleCount, int batchSize, double[]? means, double[]? deviations,
        (double Mean, double Deviation)? targetScaling = null)
    {
        _rows = rows;
        _width = featureCount;
        _sampleCount = sampleCount;
        _batchSize = Math.Min(batchSize, sampleCount);
        _inputs = new Matrix(_batchSize, featureCount);
        _targets = new Matrix(_batchSize, 1);
        _means = means;
        _deviations = deviations;
        _targetScaling = targetScaling;
    }

    public override int SampleCount => _sampleCount;

    public override int BatchSize => _batchSize;

    public override bool Weighted => false;

    public override void StartEpoch(bool shuffle, SeededRandom random)
    {
        CheckPassLength();
        _rows.BeginPass(random.NextInt(int.MaxValue), shuffle);
        _epochRows = 0;
    }

    public override bool Next(TrainingBatch batch)
    {
        _inputs.Resize(_batchSize);
        _targets.Resize(_batchSize);
        int count = _rows.Next(_inputs.Data, _targets.Data, _batchSize);
        if (count == 0)
        {
            CheckPassLength();
            return false;
        }
        _epochRows += count;
        if (_epochRows > _sampleCount) CheckPassLength();
        _inputs.Resize(count);
        _targets.Resize(count);
        if (_means is not null) Standardize(_inputs.Data.AsSpan(0, count * _width));
        if (_targetScaling is { } scaling)
        {
            var targets = _targets.Data.AsSpan(0, count);
            for (int i = 0; i < targets.Length; i++) targets[i] = (float)((targets[i] - scaling.Mean) / scaling.Deviation);
        }
        batch.Inputs = _inputs;
        batch.Targets = _targets;
        batch.WeightBuffer = null;
        batch.Count = count;
        return true;
    }

    private void Standardize(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            int c = i % _width;
            values[i] = (float)((values[i] - _means![c]) / _deviations![c]);
        }
    }

    /// <summary>A source that gives another number of rows than the first pass counted cannot be trained on in passes.</summary>
    private void CheckPassLength()
    {
        if (_epochRows >= 0 && _epochRows != _sampleCount)
        {
            throw new InvalidOperationException($"The training data gave {_epochRows:N0} rows in a pass but {_sampleCount:N0} in the first; streaming training needs the same rows on every read.");
        }
    }
}
