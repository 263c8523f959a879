using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Persistence;

public class PersistedNetworksTests
{
    private static string Text()
    {
        var network = new Network(seed: 5);
        network.Add(new DenseLayer(2, 1)).Add(new SigmoidActivation());
        network.Build();
        return ModelText.Encode(network, "Features");
    }

    [Fact]
    public void TheSameTextIsDecodedOnceAndEachThreadGetsItsOwnScorer()
    {
        var text = Text().AsMemory();
        var (first, name) = PersistedNetworks.Get(text);
        var (again, _) = PersistedNetworks.Get(text);
        NetworkScorer? other = null;
        var thread = new Thread(() => other = PersistedNetworks.Get(text).Scorer);
        thread.Start();
        thread.Join();

        Assert.Equal("Features", name);
        Assert.Same(first, again);
        Assert.NotNull(other);
        Assert.NotSame(first, other);
        Assert.Equal(first.Score(new VBuffer<float>(2, [1f, 2f]), "Features", 0)[0], other!.Score(new VBuffer<float>(2, [1f, 2f]), "Features", 0)[0]);
    }

    [Fact]
    public void AnEmptyModelColumnIsAClearError()
    {
        // Found by the hardening fuzzer as an InvalidOperationException: damage is reported as a ModelFormatException.
        var error = Assert.Throws<ModelFormatException>(() => PersistedNetworks.Get(ReadOnlyMemory<char>.Empty));
        Assert.Contains("network column is empty", error.Message);
    }
}
