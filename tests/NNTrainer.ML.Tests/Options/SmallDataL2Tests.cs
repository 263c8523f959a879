using Microsoft.ML;

namespace NNTrainer.ML.Tests.Options;

public sealed class SmallDataL2Tests
{
    [Theory]
    [InlineData(1L, 0.01)]
    [InlineData(100L, 0.01)]
    [InlineData(400L, 0.01)]
    [InlineData(500L, 0.004765098748902245)] // 0.001 · 10^(1 − log2(500/400))
    [InlineData(600L, 0.002600384084365038)]
    [InlineData(700L, 0.001558278497539719)]
    [InlineData(800L, 0.001)]
    [InlineData(60_000L, 0.001)]
    public void TheDefaultPenaltyIsTenTimesLargerUpTo400RowsAndUnchangedFrom800(long rows, double expected) =>
        Assert.Equal(expected, NeuralNetworkDefaults.L2RegularizationFor(NeuralNetworkDefaults.L2Regularization, rows), expected * 1e-5);

    [Theory]
    [InlineData(400L, 0.03)]
    [InlineData(600L, 0.004102614509990211)] // 0.001 · 30^(1 − log2(600/400))
    [InlineData(800L, 0.001)]
    public void RegressionKeepsAFactorOfThirty(long rows, double expected) =>
        Assert.Equal(expected, NeuralNetworkDefaults.RegressionL2RegularizationFor(NeuralNetworkDefaults.L2Regularization, rows), expected * 1e-5);

    [Theory]
    [InlineData(600, 0.004102614509990211)]
    [InlineData(1000, 0.001)]
    public void ARegressionOfMoreThanTheCrossValidatedRowsTrainsWithItsOwnFactor(int rows, double expected)
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkRegressionTrainer.Options { HiddenLayers = [4], NumberOfEpochs = 1, NumberOfThreads = 1 };

        var network = mlContext.Regression.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Surface(rows, seed: 1))).Network;

        Assert.All(network.Layers.OfType<DenseLayer>(), d => Assert.Equal(expected, d.Weights.L2, expected * 1e-5));
    }

    [Fact]
    public void ThePenaltyNeverGrowsWithTheRowsAndZeroStaysZero()
    {
        var penalties = Enumerable.Range(1, 1000).Select(r => NeuralNetworkDefaults.L2RegularizationFor(1e-4f, r)).ToArray();

        Assert.All(penalties.Zip(penalties.Skip(1)), p => Assert.True(p.Second <= p.First, $"{p.Second} after {p.First}"));
        Assert.Equal(1e-3f, penalties[0], 1e-9f);
        Assert.Equal(1e-4f, penalties[^1]);
        Assert.Equal(0f, NeuralNetworkDefaults.L2RegularizationFor(0f, 10));
    }

    [Theory]
    [InlineData(20, true, 0.01f)]
    [InlineData(20, false, 0.001f)]
    [InlineData(1000, true, 0.001f)]
    public void EveryDenseLayerTrainsWithThePenaltyForItsRows(int rows, bool scale, float expected)
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [4], NumberOfEpochs = 1, NumberOfThreads = 1, ScaleL2ForSmallData = scale };

        var network = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(rows, seed: 1))).Network;

        var dense = network.Layers.OfType<DenseLayer>().ToArray();
        Assert.Equal(2, dense.Length);
        Assert.All(dense, d => Assert.Equal(expected, d.Weights.L2, expected * 1e-5f));
        Assert.Equal(0.001f, options.L2Regularization);
    }
}
