using System.Buffers.Binary;
using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

public class LayerNormalizationLayerTests
{
    [Theory]
    [InlineData(5, 7)]
    [InlineData(3, 1)] // one feature: x̂ is always 0, so only β carries a gradient
    [InlineData(1, 16)]
    public void BackwardMatchesNumericalGradient(int rows, int features)
    {
        var layer = Built(features);
        var x = GradientCheck.Random(rows, features, seed: 5, scale: 2, offset: 0.7);
        var upstream = GradientCheck.Random(rows, features, seed: 6);
        GradientCheck.AssertLayer(layer, x, upstream);
    }

    [Fact]
    public void EachSampleIsNormalisedOverItsOwnFeatures()
    {
        var layer = new LayerNormalizationLayer(4, epsilon: 1e-3f);
        // Row 0: {1, 3, 5, 7}, mean 4, variance 5. Row 1 is constant: it normalises to 0 (β), whatever the batch holds.
        var x = new Matrix(2, 4, [1, 3, 5, 7, 2, 2, 2, 2]);
        layer.Forward(x, training: true);
        float inv = 1f / MathF.Sqrt(5f + 1e-3f);
        Assert.Equal([-3f * inv, -inv, inv, 3f * inv], layer.Output.Row(0).ToArray());
        Assert.Equal([0f, 0f, 0f, 0f], layer.Output.Row(1).ToArray());
    }

    [Fact]
    public void InferComputesWhatForwardComputesBitForBit()
    {
        var layer = Built(9);
        var x = GradientCheck.Random(6, 9, seed: 8, scale: 3);
        layer.Forward(x, training: true);
        var outputs = new Matrix(6, 9);
        layer.Infer(x, outputs);
        Assert.Equal(layer.Output.AsSpan().ToArray(), outputs.AsSpan().ToArray());
    }

    [Fact]
    public void ANetworkWithItRoundTripsBitForBitAsFormatVersion3()
    {
        var (x, y) = SyntheticData.Spiral(30, 3, seed: 2);
        var network = Network(seed: 5);
        network.Fit(x, y, new FitOptions { Epochs = 5, BatchSize = 16 });
        var bytes = Bytes(network);

        var loaded = NNTrainer.Training.Network.Load(new MemoryStream(bytes));

        Assert.Equal(bytes, Bytes(loaded));
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(network.Predict(x).AsSpan().ToArray(), loaded.Predict(x).AsSpan().ToArray());
        var (saved, restored) = (network.Layers.OfType<LayerNormalizationLayer>().Single(), loaded.Layers.OfType<LayerNormalizationLayer>().Single());
        Assert.Equal((saved.Features, saved.Epsilon), (restored.Features, restored.Epsilon));
        Assert.Equal(saved.Gamma.Values, restored.Gamma.Values);
        Assert.NotEqual(1f, saved.Gamma.Values[0]); // trained: γ moved away from its start
        Assert.Equal(saved.Gamma.Momentums, restored.Gamma.Momentums);
    }

    [Fact]
    public void TrainingResumedAfterLoadMatchesUninterruptedTraining()
    {
        var (x, y) = SyntheticData.Spiral(20, 3, seed: 3);
        var options = new FitOptions { Epochs = 3, BatchSize = 8 };
        var uninterrupted = Network(seed: 6);
        uninterrupted.Fit(x, y, options);
        uninterrupted.Fit(x, y, options);

        var first = Network(seed: 6);
        first.Fit(x, y, options);
        var resumed = NNTrainer.Training.Network.Load(new MemoryStream(Bytes(first)));
        resumed.Fit(x, y, options);

        Assert.Equal(Bytes(uninterrupted), Bytes(resumed));
    }

    [Fact]
    public void AFileOfAnOlderVersionCannotHoldIt()
    {
        var network = Network(seed: 1);
        network.Build();
        var bytes = Bytes(network);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 2); // the header is outside the checksum

        var e = Assert.Throws<ModelFormatException>(() => NNTrainer.Training.Network.Load(new MemoryStream(bytes)));
        Assert.Contains("layer 1 is a LayerNormalization layer, which format version 2 does not have (it came with version 3)", e.Message);
    }

    [Fact]
    public void BadSettingsAreRefusedByName()
    {
        Assert.Equal("features", Assert.Throws<ArgumentOutOfRangeException>(() => new LayerNormalizationLayer(0)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new LayerNormalizationLayer(3, 0f)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => new LayerNormalizationLayer(3).Forward(new Matrix(2, 4), true));
        Assert.Contains("takes 3 values per sample; the batch has 4", e.Message);
    }

    [Fact]
    public void ItsDescriptionBuildsAnEqualFreshLayerForAnyWidth()
    {
        var description = new LayerNormalizationLayer(3, 1e-3f).Describe();
        Assert.Equal(new LayerNormalizationLayer.Description(1e-3f), description);
        var fresh = (LayerNormalizationLayer)description!.Create(11);
        Assert.Equal((11, 1e-3f), (fresh.Features, fresh.Epsilon));
        Assert.Equal(11, description.GetOutputSize(11));
    }

    private static Network Network(int seed) =>
        new Network(seed)
            .Add(new DenseLayer(2, 16)).Add(new LayerNormalizationLayer(16)).Add(new ReLUActivation())
            .Add(new DenseLayer(16, 3)).Add(new SoftmaxActivation())
            .Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.02f), new CategoricalAccuracy());

    private static byte[] Bytes(Network network)
    {
        using var stream = new MemoryStream();
        network.Save(stream);
        return stream.ToArray();
    }

    private static LayerNormalizationLayer Built(int features)
    {
        var layer = new LayerNormalizationLayer(features);
        for (int i = 0; i < features; i++)
        {
            layer.Gamma.Values[i] = 0.5f + 0.25f * i;
            layer.Beta.Values[i] = 0.1f * i - 0.3f;
        }
        return layer;
    }
}
