namespace NNTrainer.ML;

/// <summary>
/// Trains an engine network from an <see cref="IRowBlockSource"/> without holding its rows: a first pass counts the
/// rows and (for standardised features) sums each feature's mean and variance, then every epoch is one block-shuffled
/// pass (<see cref="StreamingBatchFeed"/>) through the engine's shared training loop. Memory is one block of rows
/// and one batch, whatever the number of rows.
/// </summary>
internal static class StreamingTraining
{
    /// <summary>What the first pass found.</summary>
    /// <param name="Rows">Rows in one pass.</param>
    /// <param name="Means">Per feature, the mean (float64 sums over blocks, combined exactly as one pass over all rows would).</param>
    /// <param name="Deviations">Per feature, the population standard deviation; 1 for a constant feature.</param>
    /// <param name="FirstTargets">The targets of the first block, for the accuracy's initialisation.</param>
    /// <param name="TargetMean">The targets' mean.</param>
    /// <param name="TargetDeviation">The targets' population standard deviation; 1 when they are all equal.</param>
    /// <param name="TargetsVary">Whether any two targets differ (a classifier needs two classes).</param>
    /// <param name="Indicators">Which features took exactly two values (<see cref="IndicatorColumns.ToUnitRange"/> maps them onto {0, 1}).</param>
    internal sealed record Statistics(int Rows, double[] Means, double[] Deviations, float[] FirstTargets, double TargetMean, double TargetDeviation, bool TargetsVary,
        IndicatorColumns Indicators);

    /// <summary>
    /// Trains <paramref name="network"/> (its loss and optimizer set) on <paramref name="source"/>.
    /// <see cref="FitOptions.ValidationFraction"/> must be 0: held-out rows would have to be kept in memory;
    /// pass held-out data as <paramref name="validation"/> instead.
    /// </summary>
    /// <param name="network">The network to train.</param>
    /// <param name="source">The training rows, read once for the statistics and once per epoch.</param>
    /// <param name="options">The training options (epochs, batch size, shuffle, schedule, early stopping...).</param>
    /// <param name="statistics">The first pass's result (<see cref="Measure"/>).</param>
    /// <param name="standardize">Whether to standardise the features with the first pass's means and deviations.</param>
    /// <param name="standardizeTargets">Whether to standardise the targets (regression) with the first pass's mean and deviation.</param>
    /// <param name="validation">Held-out inputs and targets (already standardised like the training rows), or null.</param>
    /// <param name="blockRows">Rows shuffled together in memory; by default <see cref="BlockShuffleFeed.RowsPerBlock"/> of the source's width.</param>
    public static TrainingHistory Fit(Network network, IRowBlockSource source, FitOptions options, Statistics statistics, bool standardize,
        (Matrix Inputs, Matrix Targets)? validation, bool standardizeTargets = false, int? blockRows = null)
    {
        if (network.Loss is null || network.Optimizer is null) throw new InvalidOperationException("Set the network's loss and optimizer before training it.");
        if (options.ValidationFraction > 0)
        {
            throw new ArgumentException("A validation fraction needs the rows in memory; with streaming training pass held-out data instead (Fit(trainData, validationData)).", nameof(options));
        }
        int batchSize = options.BatchSize is null or 0 ? statistics.Rows : options.BatchSize.Value;
        using var rows = new BlockShuffleFeed(source, network.Random.NextInt(int.MaxValue), blockRows);
        var feed = new StreamingBatchFeed(rows, source.FeatureCount, statistics.Rows, batchSize,
            standardize ? statistics.Means : null, standardize ? statistics.Deviations : null,
            standardizeTargets ? (statistics.TargetMean, statistics.TargetDeviation) : null);
        if (validation is { } held) options.ValidationData = (held.Inputs, held.Targets);
        return network.Fit(feed, new Matrix(statistics.FirstTargets.Length, 1, statistics.FirstTargets), options);
    }

    /// <summary>The first pass: counts the rows and measures each feature's mean and standard deviation.</summary>
    /// <exception cref="ArgumentException">The source has no rows, or more than one epoch can count.</exception>
    /// <param name="source">The training rows.</param>
    /// <param name="dataName">"training data", for messages.</param>
    /// <param name="blockRows">Rows read at a time; by default <see cref="BlockShuffleFeed.RowsPerBlock"/> of the source's width.</param>
    public static Statistics Measure(IRowBlockSource source, string dataName, int? blockRows = null)
    {
        int width = source.FeatureCount;
        int rowsPerBlock = blockRows ?? BlockShuffleFeed.RowsPerBlock(width);
        var features = new float[(long)rowsPerBlock * width];
        var targets = new float[rowsPerBlock];
        var means = new double[width];
        var squares = new double[width];
        var blockMeans = new double[width];
        var indicators = new IndicatorColumns(width);
        long rows = 0;
        float[]? first = null;
        double targetMean = 0, targetSquares = 0;
        float low = float.PositiveInfinity, high = float.NegativeInfinity;
        using var reader = source.Open();
        int n;
        while ((n = reader.Read(features, targets, rowsPerBlock)) > 0)
        {
            first ??= targets[..n];
            for (int r = 0; r < n; r++)
            {
                // Welford's update for the targets, one value at a time.
                double delta = targets[r] - targetMean;
                targetMean += delta / (rows + r + 1);
                targetSquares += delta * (targets[r] - targetMean);
                low = Math.Min(low, targets[r]);
                high = Math.Max(high, targets[r]);
            }
            // Chan et al.'s pairwise update: the block's own mean and squared deviations, merged into the running ones.
            Array.Clear(blockMeans);
            for (int r = 0; r < n; r++)
            {
                for (int c = 0; c < width; c++) blockMeans[c] += features[r * width + c];
                indicators.Add(features.AsSpan(r * width, width));
            }
            for (int c = 0; c < width; c++) blockMeans[c] /= n;
            long total = rows + n;
            for (int c = 0; c < width; c++)
            {
                double blockSquares = 0;
                for (int r = 0; r < n; r++)
                {
                    double d = features[r * width + c] - blockMeans[c];
                    blockSquares += d * d;
                }
                double delta = blockMeans[c] - means[c];
                squares[c] += blockSquares + delta * delta * rows * n / total;
                means[c] += delta * n / total;
            }
            rows = total;
        }
        if (rows == 0) throw new ArgumentException($"The {dataName} has no rows: the neural network needs at least one row to learn from.", "data");
        if (rows > int.MaxValue) throw new ArgumentException($"The {dataName} has {rows:N0} rows; streaming training counts at most {int.MaxValue:N0} per epoch.", "data");
        var deviations = new double[width];
        for (int c = 0; c < width; c++)
        {
            double std = Math.Sqrt(squares[c] / rows);
            deviations[c] = std > 1e-12 && double.IsFinite(std) ? std : 1;
        }
        double targetDeviation = Math.Sqrt(targetSquares / rows);
        return new Statistics((int)rows, means, deviations, first!, targetMean,
            targetDeviation > 0 && double.IsFinite(targetDeviation) ? targetDeviation : 1, low != high, indicators);
    }
}
