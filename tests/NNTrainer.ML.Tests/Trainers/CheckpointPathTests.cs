using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

public sealed class CheckpointPathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nnt-ml-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheTrainerWritesTheNetworkAfterEveryEpochWhoseLossImproves()
    {
        var losses = new List<double>();
        var options = new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [8],
            NumberOfEpochs = 6,
            Seed = 1,
            CheckpointPath = Path.Combine(_folder, "w-{epoch}.nnt"),
            EpochEnded = e => losses.Add(e.Loss),
        };
        var mlContext = new MLContext(seed: 1);

        mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(60, seed: 2)));

        var improving = new List<string>();
        double best = double.PositiveInfinity;
        for (int e = 0; e < losses.Count; e++)
        {
            if (losses[e] < best) improving.Add($"w-{e + 1}.nnt");
            best = Math.Min(best, losses[e]);
        }
        Assert.Equal(improving.Order(StringComparer.Ordinal), Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var network = Network.Load(Path.Combine(_folder, improving[^1]));
        Assert.Equal(8, network.Layers.OfType<DenseLayer>().First().Neurons);
    }
}
