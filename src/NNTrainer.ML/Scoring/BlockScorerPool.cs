using System.Collections.Concurrent;

namespace NNTrainer.ML;

/// <summary>
/// Block scorers of one transformer kept between cursors, so that a new cursor (one per <c>Transform</c> pass, or
/// per cursor of a parallel set) reuses buffers already grown and touched instead of allocating a block and its
/// layer outputs again. A cursor rents one when created and returns it when disposed; at most
/// <see cref="MaxKept"/> are kept, and a cursor that is never disposed simply leaves its scorer to the collector.
/// </summary>
internal sealed class BlockScorerPool
{
    private readonly Network _network;
    private readonly ConcurrentBag<BlockScorer> _scorers = [];

    public BlockScorerPool(Network network) => _network = network;

    /// <summary>Scorers kept at most: one per core, the most cursors that score at once usefully.</summary>
    public static int MaxKept => Environment.ProcessorCount;

    public BlockScorer Rent()
    {
        if (!_scorers.TryTake(out var scorer)) return new BlockScorer(_network);
        scorer.Reset();
        return scorer;
    }

    public void Return(BlockScorer scorer)
    {
        if (_scorers.Count < MaxKept) _scorers.Add(scorer);
    }
}
