using Microsoft.ML;

namespace NNTrainer.ML.Tests.Options;

/// <summary>The L2 penalty of large training sets (<c>ScaleL2ForLargeData</c>): by rows, and for the long training by rows per trainable parameter.</summary>
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

    [Theory]
    [InlineData(999L, 100L, 0.001)] // below 1,000 rows the penalty is the small-data rules' alone
    [InlineData(4_999L, 1_000L, 0.0001)] // from 1,000 rows on (round 16; 5,000 before): 5 rows per parameter
    [InlineData(5_000L, 0L, 0.001)] // parameters not known
    [InlineData(8_000L, 79_510L, 0.001)] // Fashion-MNIST 10k's default network: 0.1 rows per parameter
    [InlineData(20_000L, 80_000L, 0.00031622776601683794)] // 0.25 per parameter: 0.001 · 0.1^(log(2)/log(4))
    [InlineData(48_000L, 79_510L, 0.0001)] // Fashion-MNIST 60k
    [InlineData(5_000L, 1_000L, 0.0001)] // 5 rows per parameter: a table of few inputs
    [InlineData(16_000L, 4_326L, 0.0001)] // LetterRecognition: 16 inputs, 26 classes
    public void TheLongTrainingsPenaltyFallsToATenthBetweenAnEighthAndHalfARowPerParameter(long rows, long parameters, double expected) =>
        Assert.Equal(expected, NeuralNetworkDefaults.LargeDataL2For(NeuralNetworkDefaults.L2Regularization, rows, parameters), expected * 1e-5);

    [Theory]
    [InlineData(10_000L)]
    [InlineData(14_142L)]
    [InlineData(25_000L)]
    [InlineData(40_000L)]
    [InlineData(90_000L)]
    public void ForEightyThousandParametersTheLongTrainingsPenaltyIsTheRuleByRows(long rows)
    {
        float byRows = NeuralNetworkDefaults.LargeDataL2For(0.001f, rows);
        Assert.Equal(byRows, NeuralNetworkDefaults.LargeDataL2For(0.001f, rows, 80_000), byRows * 1e-5f);
    }

    [Fact]
    public void ThePenaltyNeverGrowsWithTheRowsNorWithFewerParameters()
    {
        var byRows = Enumerable.Range(0, 200).Select(i => NeuralNetworkDefaults.LargeDataL2For(1e-3f, 5_000 + i * 250L)).ToArray();
        var perParameter = Enumerable.Range(0, 200).Select(i => NeuralNetworkDefaults.LargeDataL2For(1e-3f, 5_000 + i * 250L, 50_000)).ToArray();
        var byParameters = Enumerable.Range(0, 200).Select(i => NeuralNetworkDefaults.LargeDataL2For(1e-3f, 20_000, 200_000 - i * 990L)).ToArray();

        foreach (var series in new[] { byRows, perParameter, byParameters })
            Assert.All(series.Zip(series.Skip(1)), p => Assert.True(p.Second <= p.First, $"{p.Second} after {p.First}"));
        Assert.Equal(0f, NeuralNetworkDefaults.LargeDataL2For(0f, 1_000_000));
        Assert.Equal(0f, NeuralNetworkDefaults.LargeDataL2For(0f, 1_000_000, 100));
    }

    [Fact]
    public void DenseParametersCountEveryWeightAndBias()
    {
        Assert.Equal(79_510, NeuralNetworkDefaults.DenseParameters(784, [100], 10));
        Assert.Equal(4_326, NeuralNetworkDefaults.DenseParameters(16, [100], 26));
        Assert.Equal(3 * 7 + 8 * 5 + 6 * 1, NeuralNetworkDefaults.DenseParameters(2, [7, 5], 1));
        Assert.Equal(5 * 3, NeuralNetworkDefaults.DenseParameters(4, [], 3));
    }

    [Theory]
    [InlineData(40_000, true, 0.0001f)]
    [InlineData(40_000, false, 0.001f)]
    [InlineData(20_000, true, 0.00031622776f)]
    [InlineData(5_000, true, 0.001f)] // the usual training: by rows, whatever the parameters
    public void EveryDenseLayerOfALargeSetTrainsWithTheLoweredPenalty(int rows, bool scale, float expected)
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [2], NumberOfEpochs = 1, BatchSize = 4096, NumberOfThreads = 1, ScaleL2ForLargeData = scale };

        var network = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(rows, seed: 1))).Network;

        Assert.All(network.Layers.OfType<DenseLayer>(), d => Assert.Equal(expected, d.Weights.L2, expected * 1e-5f));
        Assert.Equal(0.001f, options.L2Regularization);
    }
}
