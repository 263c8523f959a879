using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Data;

/// <summary>
/// Streaming training's row supply: a data view read pass after pass into a bounded block, each block's rows handed
/// out in a seeded permutation — every row once per pass, the same order for the same seed, memory one block.
/// </summary>
public class BlockShuffleFeedTests
{
    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>Row i has features (i, -i) and target i, so a row is known by its target.</summary>
    private static IDataView View(int rows) =>
        new MLContext().Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i => new Row { Label = i, Features = [i, -i] }));

    private static DataViewRowSource Source(IDataView data, bool skip = false) =>
        new(data, data.Schema["Features"], 2, data.Schema["Label"], new SingleLabelReader(), skip, "training data");

    /// <summary>The targets of one pass, read in batches of <paramref name="batch"/>; checks each row's features match its target.</summary>
    private static List<float> Pass(BlockShuffleFeed feed, int pass, int batch)
    {
        feed.BeginPass(pass);
        var x = new float[batch * 2];
        var y = new float[batch];
        var seen = new List<float>();
        int n;
        while ((n = feed.Next(x, y, batch)) > 0)
        {
            for (int r = 0; r < n; r++)
            {
                Assert.Equal(y[r], x[2 * r]);
                Assert.Equal(-y[r], x[2 * r + 1]);
                seen.Add(y[r]);
            }
            if (n < batch) Assert.Equal(0, feed.Next(x, y, batch));
        }
        Assert.Equal(seen.Count, feed.RowsInPass);
        return seen;
    }

    [Fact]
    public void EveryRowOncePerPassEachBlockShuffledWithinItself()
    {
        using var feed = new BlockShuffleFeed(Source(View(100)), seed: 5, blockRows: 16);

        var order = Pass(feed, 0, batch: 7);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (float)i), order.Order());
        for (int b = 0; b * 16 < 100; b++)
        {
            var block = order.Skip(b * 16).Take(16).ToArray();
            Assert.All(block, v => Assert.Equal(b, (int)v / 16));
        }
        Assert.NotEqual(Enumerable.Range(0, 100).Select(i => (float)i), order);
    }

    [Fact]
    public void TheSameSeedGivesTheSameOrderWhateverTheBatchSize()
    {
        using var a = new BlockShuffleFeed(Source(View(300)), seed: 9, blockRows: 64);
        using var b = new BlockShuffleFeed(Source(View(300)), seed: 9, blockRows: 64);
        using var c = new BlockShuffleFeed(Source(View(300)), seed: 10, blockRows: 64);

        Assert.Equal(Pass(a, 0, 5), Pass(b, 0, 32));
        Assert.Equal(Pass(a, 1, 300), Pass(b, 1, 1));
        Assert.NotEqual(Pass(a, 0, 5), Pass(a, 1, 5));
        Assert.NotEqual(Pass(a, 0, 5), Pass(c, 0, 5));
    }

    [Fact]
    public void HoldsOneBlockAndReadsTheSourceOnlyAsFarAsItNeeds()
    {
        var source = new CountingSource(rows: 1_000_000, blockReads: []);
        using var feed = new BlockShuffleFeed(source, seed: 1, blockRows: 1_000);
        var x = new float[64 * 2];
        var y = new float[64];

        feed.BeginPass(0);
        Assert.Equal(64, feed.Next(x, y, 64));
        Assert.Equal(1_000, feed.BlockRows);
        Assert.Equal([1_000], source.BlockReads);
        for (int i = 0; i < 16; i++) feed.Next(x, y, 64);
        Assert.Equal([1_000, 1_000], source.BlockReads);
    }

    [Fact]
    public void TheDataViewSourceReadsWhatTheInMemoryReaderReads()
    {
        var data = View(50);
        var whole = TrainingSetReader.Read(data, data.Schema["Features"], 2, data.Schema["Label"], new SingleLabelReader(), false, "training data");
        using var reader = Source(data).Open();
        var x = new float[100];
        var y = new float[50];

        int first = reader.Read(x, y, 20);
        int second = reader.Read(x.AsSpan(40), y.AsSpan(20), 50);

        Assert.Equal((20, 30), (first, second));
        Assert.Equal(0, reader.Read(x, y, 10));
        Assert.Equal(whole.Inputs.AsSpan().ToArray(), x);
        Assert.Equal(whole.Targets.AsSpan().ToArray(), y);
    }

    [Fact]
    public void ANonFiniteRowIsAnErrorNamingItOrSkippedAndCounted()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new Row { Label = i, Features = [i, i == 7 ? float.NaN : -i] });
        var data = new MLContext().Data.LoadFromEnumerable(rows);
        var x = new float[20];
        var y = new float[10];

        using (var strict = Source(data).Open())
        {
            var error = Assert.Throws<ArgumentException>(() => strict.Read(x, y, 10));
            Assert.StartsWith("Column 'Features' holds NaN at row 7, slot 1 of the training data;", error.Message);
        }
        using var skipping = Source(data, skip: true).Open();
        Assert.Equal(9, skipping.Read(x, y, 10));
        Assert.Equal(1, skipping.SkippedRows);
        Assert.DoesNotContain(7f, y.AsSpan(0, 9).ToArray());
    }

    /// <summary>A source of synthetic rows that records how many rows each block read asked for.</summary>
    private sealed class CountingSource(long rows, List<int> blockReads) : IRowBlockSource
    {
        public List<int> BlockReads => blockReads;

        public long Rows => rows;

        public int FeatureCount => 2;

        public IRowBlockReader Open() => new Reader(this);

        private sealed class Reader(CountingSource source) : IRowBlockReader
        {
            private long _next;

            public long SkippedRows => 0;

            public int Read(Span<float> features, Span<float> targets, int maxRows)
            {
                int n = (int)Math.Min(maxRows, source.Rows - _next);
                source.BlockReads.Add(n);
                for (int r = 0; r < n; r++, _next++)
                {
                    features[2 * r] = _next;
                    features[2 * r + 1] = -_next;
                    targets[r] = _next;
                }
                return n;
            }

            public void Dispose()
            {
            }
        }
    }

    /// <summary>A block holds at most 64 M values: 64 K rows up to 1,024 features, fewer rows for wider ones, never none.</summary>
    [Theory]
    [InlineData(1, 65_536)]
    [InlineData(784, 65_536)]
    [InlineData(1_024, 65_536)]
    [InlineData(1_025, 65_472)]
    [InlineData(32_768, 2_048)]
    [InlineData(61_235, 1_095)]
    [InlineData(int.MaxValue, 1)]
    public void RowsPerBlockKeepsABlockWithin64MValues(int featureCount, int expected)
    {
        Assert.Equal(expected, BlockShuffleFeed.RowsPerBlock(featureCount));
        Assert.True((long)expected * featureCount <= BlockShuffleFeed.MaxBlockValues || expected == 1);
    }

    [Fact]
    public void ByDefaultABlockOfNarrowRowsHolds64KRows()
    {
        using var narrow = new BlockShuffleFeed(Source(View(10)), seed: 1);

        Assert.Equal(BlockShuffleFeed.DefaultBlockRows, narrow.BlockRows);
    }
}
