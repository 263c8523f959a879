namespace NNTrainer.Tests.Training;

/// <summary>
/// The shuffled-index batches both in-memory feeds take: an epoch covers the index in batches of the batch size (the
/// last shorter), a shuffle draws from the network's random source, and the dense and sparse feeds take the same rows.
/// </summary>
public class IndexedBatchFeedTests
{
    /// <summary>Row r of the inputs is (r, 10 + r, 0), its target is r and its weight r / 10.</summary>
    private static (Matrix Inputs, Matrix Targets, float[] Weights) Data(int rows)
    {
        var inputs = new Matrix(rows, 3);
        var targets = new Matrix(rows, 1);
        var weights = new float[rows];
        for (int r = 0; r < rows; r++) (inputs[r, 0], inputs[r, 1], targets[r, 0], weights[r]) = (r, 10 + r, r, r / 10f);
        return (inputs, targets, weights);
    }

    private static List<(int[] Targets, float[] Weights)> Epoch(BatchFeed feed, bool shuffle, SeededRandom random)
    {
        var batches = new List<(int[], float[])>();
        var batch = new TrainingBatch();
        feed.StartEpoch(shuffle, random);
        while (feed.Next(batch))
        {
            batches.Add((Enumerable.Range(0, batch.Count).Select(i => (int)batch.Targets[i, 0]).ToArray(), batch.WeightBuffer![..batch.Count]));
        }
        return batches;
    }

    [Fact]
    public void AnEpochTakesTheIndexInBatchesAndAShuffleDrawsFromTheRandomSource()
    {
        var (x, y, w) = Data(10);
        var feed = new MatrixBatchFeed(x, y, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], batchSize: 4, w, threads: 1);

        var inOrder = Epoch(feed, shuffle: false, new SeededRandom(1));
        var shuffled = Epoch(feed, shuffle: true, new SeededRandom(1));

        Assert.Equal([[9, 8, 7, 6], [5, 4, 3, 2], [1, 0]], inOrder.Select(b => b.Targets));
        Assert.Equal([0.9f, 0.8f, 0.7f, 0.6f], inOrder[0].Weights);
        Assert.Equal(3, feed.StepsPerEpoch);
        int[] expected = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
        new SeededRandom(1).Shuffle(expected);
        Assert.Equal(expected, shuffled.SelectMany(b => b.Targets));
        Assert.Equal([4, 4, 2], shuffled.Select(b => b.Targets.Length));
    }

    [Fact]
    public void TheWholeDataInOrderIsOneBatchReadInPlaceThatNoShuffleReorders()
    {
        var (x, y, w) = Data(6);
        var feed = new MatrixBatchFeed(x, y, [0, 1, 2, 3, 4, 5], batchSize: 6, w, threads: 1);
        var random = new SeededRandom(3);

        var batches = Epoch(feed, shuffle: true, random);

        Assert.Equal([0, 1, 2, 3, 4, 5], Assert.Single(batches).Targets);
        var batch = new TrainingBatch();
        feed.StartEpoch(shuffle: true, random);
        Assert.True(feed.Next(batch));
        Assert.Same(x, batch.Inputs);
        // No shuffle drew from the random source.
        Assert.Equal(new SeededRandom(3).NextUInt64(), random.NextUInt64());
    }

    [Fact]
    public void TheSparseFeedTakesTheDenseFeedsRowsForASeed()
    {
        var (x, y, w) = Data(11);
        var dense = new MatrixBatchFeed(x, y, Enumerable.Range(0, 11).ToArray(), batchSize: 3, w, threads: 1);
        var sparse = new SparseBatchFeed(SparseMatrix.FromDense(x), y, Enumerable.Range(0, 11).ToArray(), batchSize: 3, w);

        var fromDense = Epoch(dense, shuffle: true, new SeededRandom(5));
        var fromSparse = Epoch(sparse, shuffle: true, new SeededRandom(5));

        Assert.Equal(fromDense.Select(b => b.Targets), fromSparse.Select(b => b.Targets));
        Assert.Equal(fromDense.Select(b => b.Weights), fromSparse.Select(b => b.Weights));
        Assert.Equal(11, sparse.SampleCount);
        Assert.True(sparse.Weighted);
    }
}
