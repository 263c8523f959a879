using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Training;

public sealed class ModelCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nnt-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static EpochResult Epoch(int number, double loss, double? validationLoss = null) =>
        new(number, loss, 0, 0.5, validationLoss, validationLoss is null ? null : 0.5, 0.01f, TimeSpan.Zero);

    private static Network SmallNetwork()
    {
        var network = new Network(seed: 1).Add(new DenseLayer(2, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.1f));
        network.Build();
        return network;
    }

    [Fact]
    public void WritesOnAnImprovingEpochAndLeavesTheFileAloneOnAWorseOne()
    {
        var network = SmallNetwork();
        var path = Path.Combine(_folder, "best.nnt");
        var checkpoint = new ModelCheckpoint(network, path);

        checkpoint.OnEpochEnded(Epoch(1, 1.0));
        Assert.True(File.Exists(path));
        var first = File.ReadAllBytes(path);

        network.Parameters[0].Values[0] += 1f;
        checkpoint.OnEpochEnded(Epoch(2, 1.5));
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Equal(1, checkpoint.BestEpoch);

        checkpoint.OnEpochEnded(Epoch(3, 0.5));
        Assert.NotEqual(first, File.ReadAllBytes(path));
        Assert.Equal(network.Parameters[0].Values, Network.Load(path).Parameters[0].Values);
        Assert.Equal((3, 0.5), (checkpoint.BestEpoch, checkpoint.BestLoss));
        Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
    }

    [Fact]
    public void MonitorsTheValidationLossWhenThereIsOne()
    {
        var checkpoint = new ModelCheckpoint(SmallNetwork(), Path.Combine(_folder, "best.nnt"));
        checkpoint.OnEpochEnded(Epoch(1, 1.0, validationLoss: 0.8));
        checkpoint.OnEpochEnded(Epoch(2, 0.5, validationLoss: 0.9)); // better training loss, worse validation loss
        Assert.Equal((1, 0.8), (checkpoint.BestEpoch, checkpoint.BestLoss));
    }

    [Fact]
    public void ATemplateGivesEveryImprovementAFileNamedAfterItsEpochAndLoss()
    {
        var checkpoint = new ModelCheckpoint(SmallNetwork(), Path.Combine(_folder, "weights-{epoch:000}-{loss:0.0000}.nnt"));
        checkpoint.OnEpochEnded(Epoch(1, 0.75));
        checkpoint.OnEpochEnded(Epoch(2, 0.8));
        checkpoint.OnEpochEnded(Epoch(12, 0.123456));
        Assert.Equal(["weights-001-0.7500.nnt", "weights-012-0.1235.nnt"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(_folder, "weights-012-0.1235.nnt"), checkpoint.LastPath);
    }

    [Fact]
    public void TheFileLoadsToTheWeightsOfTheBestEpochOfARealFit()
    {
        var (x, y) = TinyImages.Make(128, seed: 7);
        var network = TinyImages.EverySpatialLayerNetwork(seed: 8, new SgdOptimizer(0.5f, momentum: 0.9f));
        var perEpoch = new List<float[][]>();
        var options = new FitOptions { Epochs = 6, BatchSize = 32, ValidationFraction = 0.25 };
        options.EpochEnded = _ => perEpoch.Add(network.Parameters.Select(p => p.Values.ToArray()).ToArray());
        var checkpoint = new ModelCheckpoint(network, Path.Combine(_folder, "best.nnt"));
        checkpoint.Attach(options);

        var history = network.Fit(x, y, options);

        var validation = history.Epochs.Select(e => e.ValidationLoss!.Value).ToList();
        int best = validation.IndexOf(validation.Min()) + 1;
        Assert.Equal(best, checkpoint.BestEpoch);
        var loaded = Network.Load(Path.Combine(_folder, "best.nnt"));
        for (int p = 0; p < loaded.Parameters.Count; p++) Assert.Equal(perEpoch[best - 1][p], loaded.Parameters[p].Values);
    }

    [Theory]
    [InlineData("w-{epochs}.nnt", "{epochs}")]
    [InlineData("w-{val_loss:.4f}.nnt", "{val_loss:.4f}")]
    public void AnUnknownPlaceholderIsRefusedByName(string template, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => new ModelCheckpoint(SmallNetwork(), template));
        Assert.Contains(named, e.Message);
        Assert.Contains("{epoch}", e.Message);
    }

    [Fact]
    public void ANegativeMinDeltaIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCheckpoint(SmallNetwork(), "x.nnt", minDelta: -1));
}
