using System.Buffers.Binary;
using System.IO.Hashing;

namespace NNTrainer.Tests.Serialization;

public class NetworkSerializerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-serializer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SaveThenLoadGivesBitIdenticalPredictions()
    {
        var (x, y) = SyntheticData.Spiral(40, 3);
        var network = EveryLayerNetwork(seed: 7);
        network.Fit(x, y, new FitOptions { Epochs = 5, BatchSize = 16 });
        var path = Path.Combine(_directory, "spiral.nnt");
        network.Save(path);

        var loaded = Network.Load(path);

        Assert.Equal(network.Predict(x).AsSpan().ToArray(), loaded.Predict(x).AsSpan().ToArray());
        Assert.Equal(network.Seed, loaded.Seed);
        Assert.Equal(network.Layers.Select(l => l.GetType()), loaded.Layers.Select(l => l.GetType()));
        Assert.Equal(network.Optimizer!.Iterations, loaded.Optimizer!.Iterations);
        Assert.IsType<CategoricalCrossEntropyLoss>(loaded.Loss);
        Assert.IsType<CategoricalAccuracy>(loaded.Accuracy);
    }

    [Fact]
    public void TrainingResumedAfterLoadMatchesUninterruptedTraining()
    {
        // Weights, optimizer state and the random source are all saved, so a save/load in the middle of training
        // changes nothing, bit for bit.
        var (x, y) = SyntheticData.Spiral(40, 3);
        var options = new FitOptions { Epochs = 3, BatchSize = 16 };
        var uninterrupted = EveryLayerNetwork(seed: 8);
        uninterrupted.Fit(x, y, options);
        uninterrupted.Fit(x, y, options);

        var first = EveryLayerNetwork(seed: 8);
        first.Fit(x, y, options);
        using var stream = new MemoryStream();
        first.Save(stream);
        stream.Position = 0;
        var resumed = Network.Load(stream);
        resumed.Fit(x, y, options);

        Assert.Equal(Weights(uninterrupted), Weights(resumed));
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adagrad")]
    [InlineData("rmsprop")]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("nesterov")]
    public void EveryOptimizerAndItsStateRoundTrips(string name)
    {
        Optimizer optimizer = name switch
        {
            "sgd" => new SgdOptimizer(0.5f, 1e-3f, 0.9f),
            "adamw" => new AdamWOptimizer(0.01f, 0.05f, 1e-3f, 1e-6f, 0.8f, 0.99f),
            "nesterov" => new SgdOptimizer(0.5f, 1e-3f, 0.9f, nesterov: true),
            "adagrad" => new AdaGradOptimizer(0.5f, 1e-3f, 1e-6f),
            "rmsprop" => new RmsPropOptimizer(0.01f, 1e-3f, 1e-6f, 0.8f),
            _ => new AdamOptimizer(0.01f, 1e-3f, 1e-6f, 0.8f, 0.99f),
        };
        var (x, y) = SyntheticData.Sine(50);
        var network = new Network(3)
            .Add(new DenseLayer(1, 8, weightL1: 1e-4f, biasL2: 1e-3f))
            .Add(new LeakyReLUActivation(0.05f))
            .Add(new DenseLayer(8, 1))
            .Add(new LinearActivation())
            .Set(new MeanAbsoluteErrorLoss(), optimizer, new RegressionAccuracy(100f));
        network.Fit(x, y, new FitOptions { Epochs = 3, BatchSize = 10 });

        var copy = RoundTrip(network);

        Assert.Equal(optimizer.GetType(), copy.Optimizer!.GetType());
        if (optimizer is AdamWOptimizer adamW) Assert.Equal((adamW.WeightDecay, adamW.Epsilon, adamW.Beta1, adamW.Beta2), (((AdamWOptimizer)copy.Optimizer).WeightDecay, ((AdamWOptimizer)copy.Optimizer).Epsilon, ((AdamWOptimizer)copy.Optimizer).Beta1, ((AdamWOptimizer)copy.Optimizer).Beta2));
        if (optimizer is SgdOptimizer sgd) Assert.Equal(sgd.Nesterov, ((SgdOptimizer)copy.Optimizer).Nesterov);
        Assert.Equal(optimizer.CurrentLearningRate, copy.Optimizer.CurrentLearningRate);
        Assert.Equal(network.Parameters.Select(p => p.Momentums), copy.Parameters.Select(p => p.Momentums));
        Assert.Equal(network.Parameters.Select(p => p.Cache), copy.Parameters.Select(p => p.Cache));
        Assert.Equal(((RegressionAccuracy)network.Accuracy!).Precision, ((RegressionAccuracy)copy.Accuracy!).Precision);
        Assert.Equal(network.Predict(x).AsSpan().ToArray(), copy.Predict(x).AsSpan().ToArray());
        var dense = (DenseLayer)copy.Layers[0];
        Assert.Equal(1e-4f, dense.Weights.L1);
        Assert.Equal(1e-3f, dense.Biases.L2);
    }

    [Fact]
    public void TruncatedFilesAreRejectedAtEveryLength()
    {
        var bytes = Serialized(EveryLayerNetwork(seed: 1));
        for (int length = 0; length < bytes.Length; length += Math.Max(1, length / 7))
        {
            var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes, 0, length)));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void CorruptedByteIsCaughtByTheChecksum()
    {
        var bytes = Serialized(EveryLayerNetwork(seed: 1));
        bytes[bytes.Length / 2] ^= 0x10;
        var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes)));
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public void ForeignFileIsRejected()
    {
        var path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "these are not weights");
        var e = Assert.Throws<ModelFormatException>(() => Network.Load(path));
        Assert.Contains("NNTRAINR", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void NewerFormatVersionAsksForAnUpgrade()
    {
        var bytes = Serialized(EveryLayerNetwork(seed: 1));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 99);
        var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes)));
        Assert.Contains("version 99", e.Message);
    }

    [Fact]
    public void DamagedReservedHeaderFieldIsRejected()
    {
        // Found by the hardening fuzzer: the header is outside the checksum, and a flipped reserved bit loaded silently.
        var bytes = Serialized(EveryLayerNetwork(seed: 1));
        bytes[10] ^= 0x20;
        var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes)));
        Assert.Contains("reserved field is 0x0020", e.Message);
    }

    [Fact]
    public void APrecisionStoredWithoutItsFlagIsRejected()
    {
        // Found by the hardening fuzzer: with the flag cleared, the stored precision was ignored rather than checked.
        var without = Serialized(RegressionWithPrecision(null));
        var with = Serialized(RegressionWithPrecision(0.25f));
        const int Payload = 20;
        int flag = Enumerable.Range(Payload, without.Length - Payload - 4).First(i => without[i] != with[i]);
        Assert.Equal(0, without[flag]);
        with[flag] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(with.AsSpan(with.Length - 4), Crc32.HashToUInt32(with.AsSpan(Payload, with.Length - Payload - 4)));

        var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(with)));
        Assert.Contains("no precision but stores 0.25", e.Message);
    }

    private static Network RegressionWithPrecision(float? precision)
    {
        var network = new Network(seed: 1).Add(new DenseLayer(1, 2)).Add(new LinearActivation());
        network.Set(new MeanSquaredErrorLoss(), new SgdOptimizer(0.1f), new RegressionAccuracy { Precision = precision });
        network.Build();
        return network;
    }

    [Fact]
    public void InflatedLengthIsRejectedBeforeAllocating()
    {
        var bytes = Serialized(EveryLayerNetwork(seed: 1));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), 1L << 40);
        Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes)));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), int.MaxValue - 100);
        // A stream that cannot seek cannot tell its length up front: the payload is read in bounded chunks.
        Assert.Throws<ModelFormatException>(() => Network.Load(new ForwardOnlyStream(bytes)));
    }

    [Fact]
    public void InflatedLayerSizeWithValidChecksumIsRejected()
    {
        // Rewrite the first dense layer's neuron count and fix the checksum: the size check, not the CRC, must catch it.
        var bytes = Serialized(EveryLayerNetwork(seed: 1));
        const int Payload = 20;
        int neuronsAt = Payload + 4 + 4 + 1 + 4;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(neuronsAt), 1 << 23);
        int payloadLength = bytes.Length - Payload - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32.HashToUInt32(bytes.AsSpan(Payload, payloadLength)));
        var e = Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(bytes)));
        Assert.Contains("remain", e.Message);
    }

    [Fact]
    public void FailedSaveLeavesThePreviousFileIntact()
    {
        var path = Path.Combine(_directory, "model.nnt");
        var network = EveryLayerNetwork(seed: 1);
        network.Save(path);
        var before = File.ReadAllBytes(path);

        var unsavable = new Network().Add(new DenseLayer(2, 2)).Add(new CustomActivation());
        unsavable.Build();
        Assert.Throws<NotSupportedException>(() => unsavable.Save(path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.nnt"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void SavingOverAnExistingFileReplacesItAndLeavesNoTemporaryFiles()
    {
        var path = Path.Combine(_directory, "model.nnt");
        EveryLayerNetwork(seed: 1).Save(path);
        var second = EveryLayerNetwork(seed: 2);
        second.Save(path);
        Assert.Equal(Weights(second), Weights(Network.Load(path)));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void UnbuiltNetworkCannotBeSaved() =>
        Assert.Throws<InvalidOperationException>(() => new Network().Add(new DenseLayer(1, 1)).Save(new MemoryStream()));

    internal static Network EveryLayerNetwork(int seed)
    {
        var network = new Network(seed)
            .Add(new DenseLayer(2, 12, weightL2: 1e-4f))
            .Add(new ReLUActivation())
            .Add(new DropoutLayer(0.1f))
            .Add(new DenseLayer(12, 8))
            .Add(new TanhActivation())
            .Add(new DenseLayer(8, 8))
            .Add(new SigmoidActivation())
            .Add(new DenseLayer(8, 6))
            .Add(new LeakyReLUActivation())
            .Add(new DenseLayer(6, 3))
            .Add(new LinearActivation())
            .Add(new SoftmaxActivation())
            .Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.01f));
        network.Build();
        return network;
    }

    private static float[] Weights(Network network) => network.Parameters.SelectMany(p => p.Values).ToArray();

    private static byte[] Serialized(Network network)
    {
        using var stream = new MemoryStream();
        network.Save(stream);
        return stream.ToArray();
    }

    private static Network RoundTrip(Network network) => Network.Load(new MemoryStream(Serialized(network)));

    private sealed class CustomActivation : Activation
    {
        protected override void Apply(Matrix inputs, Matrix outputs) => inputs.AsSpan().CopyTo(outputs.AsSpan());

        protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs) => dValues.AsSpan().CopyTo(dInputs.AsSpan());
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
