using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Evaluation;

public sealed class ChunkedListTests
{
    [Fact]
    public void Values_across_chunk_boundaries_read_back_in_order()
    {
        var list = new ChunkedList<float>();
        const int n = (1 << 16) * 2 + 37;
        for (int i = 0; i < n; i++) list.Add(i * 0.5f);

        Assert.Equal(n, list.Count);
        Assert.Equal(0f, list[0]);
        Assert.Equal(((1 << 16) - 1) * 0.5f, list[(1 << 16) - 1]);
        Assert.Equal((1 << 16) * 0.5f, list[1 << 16]);
        Assert.Equal((n - 1) * 0.5f, list[n - 1]);
    }

    [Fact]
    public void CopyTo_spans_a_chunk_boundary()
    {
        var list = new ChunkedList<int>();
        for (int i = 0; i < (1 << 16) + 10; i++) list.Add(i);
        var window = new int[20];

        list.CopyTo((1 << 16) - 10, window);

        Assert.Equal(Enumerable.Range((1 << 16) - 10, 20), window);
    }

    [Fact]
    public void Reading_past_the_end_throws()
    {
        var list = new ChunkedList<bool>();
        list.Add(true);

        Assert.True(list[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1 << 16]);
    }
}
