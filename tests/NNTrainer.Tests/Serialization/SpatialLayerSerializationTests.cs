using System.Buffers.Binary;
using System.IO.Hashing;
using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Serialization;

public class SpatialLayerSerializationTests
{
    [Fact]
    public void AConvolutionalNetworkRoundTripsBitForBit()
    {
        var (x, y) = TinyImages.Make(64, seed: 1);
        var network = TinyImages.EverySpatialLayerNetwork(seed: 3);
        network.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 16 });
        var bytes = Bytes(network);

        var loaded = Network.Load(new MemoryStream(bytes));

        Assert.Equal(bytes, Bytes(loaded));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(network.Predict(x).AsSpan().ToArray(), loaded.Predict(x).AsSpan().ToArray());
        var norms = network.Layers.OfType<BatchNormalizationLayer>().Zip(loaded.Layers.OfType<BatchNormalizationLayer>()).ToArray();
        Assert.Equal(2, norms.Length);
        foreach (var (saved, restored) in norms)
        {
            Assert.Equal(saved.RunningMean, restored.RunningMean);
            Assert.Equal(saved.RunningVariance, restored.RunningVariance);
            Assert.Equal((saved.Momentum, saved.Epsilon, saved.InputShape), (restored.Momentum, restored.Epsilon, restored.InputShape));
            Assert.NotEqual(0f, saved.RunningMean.Sum(Math.Abs)); // trained: the averages moved
        }
        var conv = (Conv2DLayer)loaded.Layers[5];
        Assert.Equal((2, 1, Padding.Valid, 6), (conv.KernelSize, conv.Stride, conv.Padding, conv.Filters));
        var pool = (AveragePool2DLayer)loaded.Layers[7];
        Assert.Equal((2, 1), (pool.PoolSize, pool.Stride));
    }

    [Fact]
    public void TrainingResumedAfterLoadMatchesUninterruptedTraining()
    {
        var (x, y) = TinyImages.Make(48, seed: 2);
        var options = new FitOptions { Epochs = 2, BatchSize = 16 };
        var uninterrupted = TinyImages.EverySpatialLayerNetwork(seed: 4);
        uninterrupted.Fit(x, y, options);
        uninterrupted.Fit(x, y, options);

        var first = TinyImages.EverySpatialLayerNetwork(seed: 4);
        first.Fit(x, y, options);
        var resumed = Network.Load(new MemoryStream(Bytes(first)));
        resumed.Fit(x, y, options);

        Assert.Equal(Bytes(uninterrupted), Bytes(resumed));
    }

    [Fact]
    public void ADenseNetworkIsStillWrittenAsVersionOne()
    {
        var network = new Network(seed: 1).Add(new DenseLayer(2, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer());
        network.Build();
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(Bytes(network).AsSpan(8)));
    }

    [Fact]
    public void ASpatialLayerInAVersionOneFileIsRejected()
    {
        var network = TinyImages.EverySpatialLayerNetwork(seed: 5);
        network.Build();
        var bytes = Bytes(network);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 1); // the header is outside the checksum
        var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes)));
        Assert.Contains("layer 0 is a Conv2D layer, which format version 1 does not have", e.Message);
    }

    [Fact]
    public void AKernelLargerThanTheStoredInputIsRejectedAsAnImpossibleNetwork()
    {
        var network = new Network(seed: 1).Add(new Conv2DLayer(new ImageShape(1, 3, 3), 1, 3)).Add(new FlattenLayer(new ImageShape(1, 1, 1)));
        network.Set(new MeanSquaredErrorLoss(), new SgdOptimizer());
        network.Build();
        var bytes = Bytes(network);
        // Payload: seed (4), layer count (4), tag (1), channels, height, width, filters, kernel (4 each): set kernel to 4.
        int kernelAt = 20 + 4 + 4 + 1 + 4 * 4;
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(kernelAt)));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(kernelAt), 4);
        var payload = bytes.AsSpan(20, bytes.Length - 24);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32.HashToUInt32(payload));
        var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes)));
        Assert.Contains("impossible network: Conv2DLayer: kernelSize 4 is larger than its input (1×3×3", e.Message);
    }

    private static byte[] Bytes(Network network)
    {
        using var stream = new MemoryStream();
        network.Save(stream);
        return stream.ToArray();
    }
}
