namespace NNTrainer.ML;

/// <summary>
/// Hands out training rows in a seeded, reproducible, shuffled order while holding only one block of them: each pass
/// reads the source's rows block by block (<see cref="BlockRows"/> rows, 64 K by default, fewer for rows of more than
/// 1,024 features: <see cref="RowsPerBlock"/>), in file order, and emits every block's rows in a random permutation
/// before it reads the next.
/// </summary>
/// <remarks>
/// Blocks are read sequentially rather than in a shuffled order because the sources are forward-only: a data view
/// cursor and a CSV file cannot seek to a block (a Parquet row group could, a CSV file only after an index pass),
/// and reading blocks in a random order would re-read the file once per block. A within-block shuffle of 64 K rows
/// breaks up any local order (sorted runs, duplicated stretches) shorter than a block, which is what mini-batch SGD
/// needs; a file sorted by label over its whole length is not fixed by it, and should be shuffled once on disk.
/// The permutation of pass <c>e</c> comes from <c>seed</c> and <c>e</c> only, so the same seed gives the same
/// batches, and a different block size gives a different (equally valid) order.
/// </remarks>
internal sealed class BlockShuffleFeed : IDisposable
{
    /// <summary>The default block: 64 K rows (about 6 MB for 24 features).</summary>
    public const int DefaultBlockRows = 1 << 16;

    /// <summary>
    /// The most feature values one block holds: 64 K rows of 1,024 features, 256 MB. Wider rows (a FeaturizeText or
    /// one-hot column of tens of thousands of slots) get fewer rows a block, so memory stays bounded and the block's
    /// size stays within one array (64 K rows of 32,768 features or more would not fit one).
    /// </summary>
    public const long MaxBlockValues = (long)DefaultBlockRows * 1024;

    /// <summary>Rows a block holds for rows of <paramref name="featureCount"/> values: 64 K up to 1,024 features, fewer above (at least 1).</summary>
    public static int RowsPerBlock(int featureCount) => (int)Math.Clamp(MaxBlockValues / Math.Max(1, featureCount), 1, DefaultBlockRows);

    private readonly IRowBlockSource _source;
    private readonly int _seed;
    private readonly float[] _features;
    private readonly float[] _targets;
    private readonly int[] _order;
    private IRowBlockReader? _reader;
    private int _blockCount, _next;
    private long _skippedBefore;

    public BlockShuffleFeed(IRowBlockSource source, int seed, int? blockRows = null)
    {
        int rows = blockRows ?? RowsPerBlock(source.FeatureCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1, nameof(blockRows));
        _source = source;
        _seed = seed;
        BlockRows = rows;
        _features = new float[(long)rows * source.FeatureCount <= Array.MaxLength ? rows * source.FeatureCount : throw new ArgumentOutOfRangeException(nameof(blockRows))];
        _targets = new float[rows];
        _order = new int[rows];
    }

    /// <summary>Rows held in memory at a time.</summary>
    public int BlockRows { get; }

    /// <summary>Rows the current pass has handed out so far.</summary>
    public long RowsInPass { get; private set; }

    /// <summary>Rows the sources skipped in the current pass (non-finite values, with skipping on).</summary>
    public long SkippedRows => _skippedBefore + (_reader?.SkippedRows ?? 0);

    /// <summary>Starts pass <paramref name="pass"/> (0 for the first epoch) from the first row.</summary>
    /// <param name="pass">The pass: with the seed, the only input of the order.</param>
    /// <param name="shuffle">False hands the rows out in the source's order.</param>
    public void BeginPass(int pass, bool shuffle = true)
    {
        _shuffle = shuffle;
        _reader?.Dispose();
        _reader = _source.Open();
        _pass = pass;
        _block = 0;
        _blockCount = _next = 0;
        _skippedBefore = 0;
        RowsInPass = 0;
    }

    private int _pass, _block;
    private bool _shuffle = true;

    /// <summary>
    /// Copies the next rows of the pass into <paramref name="features"/> (row after row) and <paramref name="targets"/>:
    /// up to <paramref name="maxRows"/>, fewer only at the end of the pass.
    /// </summary>
    /// <returns>The rows copied; 0 when the pass is over.</returns>
    public int Next(Span<float> features, Span<float> targets, int maxRows)
    {
        if (_reader is null) throw new InvalidOperationException("BeginPass must be called before Next.");
        int width = _source.FeatureCount;
        int copied = 0;
        while (copied < maxRows)
        {
            if (_next == _blockCount && !ReadBlock()) break;
            int row = _order[_next++];
            _features.AsSpan(row * width, width).CopyTo(features.Slice(copied * width, width));
            targets[copied++] = _targets[row];
        }
        RowsInPass += copied;
        return copied;
    }

    private bool ReadBlock()
    {
        _blockCount = _reader!.Read(_features, _targets, BlockRows);
        _next = 0;
        if (_blockCount == 0) return false;
        for (int i = 0; i < _blockCount; i++) _order[i] = i;
        if (!_shuffle) return true;
        // One generator per block, seeded by (seed, pass, block): a pass's order does not depend on how batches were cut.
        // Not HashCode.Combine, which is seeded per process: the same seed must give the same model in another run.
        var random = new SeededRandom(Mix(_seed, _pass, _block++));
        random.Shuffle(_order.AsSpan(0, _blockCount));
        return true;
    }

    /// <summary>A fixed mix of three integers into one seed (multiply-xorshift steps, the same in every process).</summary>
    private static int Mix(int seed, int pass, int block)
    {
        ulong h = (uint)seed;
        h = (h ^ (uint)pass) * 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 29) ^ (uint)block) * 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)(h & int.MaxValue);
    }

    public void Dispose() => _reader?.Dispose();
}
