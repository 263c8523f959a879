using Microsoft.ML;

namespace NNTrainer.ML.Tests.Options;

public sealed class LargeDataL2Tests
{
    [Theory]
    [InlineData(800L, 0.001)]
    [InlineData(10_000L, 0.001)]
    [InlineData(20_000L, 0.00031622776601683794)] // 0.001 · 0.1^(log(2)/log(4))
    [InlineData(40_000L, 0.0001)]
    [InlineData(48_000L, 0.0001)]
    [InlineData(10_000_000L, 0.0001)]
    public void TheDefaultPenaltyIsUnchangedUpTo10000RowsAndATenthFrom40000(long rows, double expected) =>
        Assert.Equal(expected, NeuralNetworkDefaults.LargeDataL2For(NeuralNetworkDefaults.L2Regularization, rows), expected * 1e-5);

    [Fact]
    public void ThePenaltyNeverGrowsWithTheRows()
    {
        var penalties = Enumerable.Range(0, 200).Select(i => NeuralNetworkDefaults.LargeDataL2For(1e-3f, 5_000 + i * 250L)).ToArray();

        Assert.All(penalties.Zip(penalties.Skip(1)), p => Assert.True(p.Second <= p.First, $"{p.Second} after {p.First}"));
        Assert.Equal(0f, NeuralNetworkDefaults.LargeDataL2For(0f, 1_000_000));
    }

    [Theory]
    [InlineData(true, 0.0001f)]
    [InlineData(false, 0.001f)]
    public void EveryDenseLayerOfALargeSetTrainsWithTheLoweredPenalty(bool scale, float expected)
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [2], NumberOfEpochs = 1, BatchSize = 4096, NumberOfThreads = 1, ScaleL2ForLargeData = scale };

        var network = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(40_000, seed: 1))).Network;

        Assert.All(network.Layers.OfType<DenseLayer>(), d => Assert.Equal(expected, d.Weights.L2, expected * 1e-5f));
        Assert.Equal(0.001f, options.L2Regularization);
    }
}
