namespace NNTrainer.ML.Tests.Options;

/// <summary>Round 11c's switch: the small-data L2 rule judging a table by its rows per input feature (off by default).</summary>
public sealed class RowsPerFeatureL2Tests
{
    [Fact]
    public void OffByDefaultTheRowsAloneDecide()
    {
        var options = new NeuralNetworkBinaryTrainer.Options();

        Assert.Equal(0f, options.SmallDataL2FeaturesFree);
        Assert.Equal(1_268, options.SmallDataL2Rows(1_268, 234));
        Assert.Equal(options.EffectiveL2Regularization(1_268), options.EffectiveL2Regularization(1_268, 234));
    }

    [Theory]
    [InlineData(1_268L, 234, 541L)] // newspaper churn: 1,268 · 100 / 234 = 541.9, below the rule's 800 rows
    [InlineData(800L, 784, 102L)] // fmnist_1k: 800 · 100 / 784 = 102.04
    [InlineData(26_048L, 108, 24_118L)] // adult: 241 rows per feature stay far above the rule's range
    [InlineData(1_437L, 64, 1_437L)] // digits: no more features than k, so the rows alone
    [InlineData(500L, 100, 500L)]
    public void TheRuleSeesTheRowsTimesKOverTheFeatures(long rows, int features, long expected)
    {
        var options = new NeuralNetworkBinaryTrainer.Options { SmallDataL2FeaturesFree = 100 };

        Assert.Equal(expected, options.SmallDataL2Rows(rows, features));
        float rule = NeuralNetworkDefaults.L2RegularizationFor(NeuralNetworkDefaults.L2Regularization, expected);
        Assert.Equal(NeuralNetworkDefaults.LargeDataL2For(rule, rows), options.EffectiveL2Regularization(rows, features));
    }

    [Fact]
    public void ThePenaltyReachesTheNetworkAndStaysOffWithTheSmallDataRuleOff()
    {
        var on = new NeuralNetworkBinaryTrainer.Options { SmallDataL2FeaturesFree = 100 };
        var network = NetworkFactory.Create(on, 234, 1, null, seed: 1, threads: 1, rows: 1_268);
        float expected = NeuralNetworkDefaults.L2RegularizationFor(NeuralNetworkDefaults.L2Regularization, 541);

        Assert.True(expected > NeuralNetworkDefaults.L2Regularization);
        Assert.All(network.Layers.OfType<DenseLayer>(), dense => Assert.Equal(expected, dense.Weights.L2));
        var off = new NeuralNetworkBinaryTrainer.Options { SmallDataL2FeaturesFree = 100, ScaleL2ForSmallData = false };
        Assert.Equal(NeuralNetworkDefaults.L2Regularization, off.EffectiveL2Regularization(1_268, 234));
    }

    [Fact]
    public void OnlyColumnsOfExactlyTwoValuesCountAsOneHot()
    {
        var inputs = new Matrix(4, 5, [
            1, 0, 3, 7, -0.5f,
            0, 0, 4, 7, 2f,
            0, 0, 5, 7, -0.5f,
            1, 0, 3, 7, 2f]);

        // Columns 0 (an indicator) and 4 (two standardised values) count; a constant column and one of three values do not.
        Assert.Equal(2, IndicatorColumns.Count(inputs));
    }
}
