using Microsoft.ML;
using NNTrainer.Optimizers.Schedules;

namespace NNTrainer.ML.Tests.Options;

/// <summary>The cosine learning-rate decay that training sets of 5,000 rows and more get by default (<c>AnnealLearningRateOnLargeData</c>).</summary>
public sealed class LargeDataAnnealingTests
{
    [Theory]
    [InlineData(0L, false)]
    [InlineData(4_999L, false)]
    [InlineData(5_000L, true)]
    [InlineData(48_000L, true)]
    public void TheDecayStartsAt5000Rows(long rows, bool expected) =>
        Assert.Equal(expected, NeuralNetworkDefaults.AnnealsLearningRate(rows));

    [Fact]
    public void AGivenScheduleIsKeptAndTheSwitchTurnsTheDecayOff()
    {
        var given = new StepDecaySchedule();
        Assert.Same(given, new NeuralNetworkBinaryTrainer.Options { LearningRateSchedule = given }.EffectiveLearningRateSchedule(50_000));
        var cosine = Assert.IsType<CosineSchedule>(new NeuralNetworkBinaryTrainer.Options().EffectiveLearningRateSchedule(5_000));
        Assert.Equal((0, 0f), (cosine.WarmupEpochs, cosine.MinLearningRate));
        // Below 5,000 rows the decay spans the last tenth of the updates only (a warm-down, round 12b).
        var warmDown = Assert.IsType<CosineSchedule>(new NeuralNetworkBinaryTrainer.Options().EffectiveLearningRateSchedule(4_999));
        Assert.Equal((0, 0f, 0.1f), (warmDown.WarmupEpochs, warmDown.MinLearningRate, warmDown.DecayShare));
        Assert.Null(new NeuralNetworkBinaryTrainer.Options { AnnealLearningRateOnLargeData = false }.EffectiveLearningRateSchedule(4_999));
        Assert.Null(new NeuralNetworkBinaryTrainer.Options { AnnealLearningRateOnLargeData = false }.EffectiveLearningRateSchedule(50_000));
        // Epochs given by the caller keep the constant rate they were chosen for.
        Assert.Null(new NeuralNetworkBinaryTrainer.Options { NumberOfEpochs = 3 }.EffectiveLearningRateSchedule(50_000));
    }

    [Theory]
    [InlineData(5_000, true)]
    [InlineData(4_999, false)]
    public void TheDefaultTrainsAsAnExplicitCosineScheduleFrom5000Rows(int rows, bool annealed)
    {
        var byDefault = Weights(rows, new NeuralNetworkBinaryTrainer.Options());
        var cosine = Weights(rows, new NeuralNetworkBinaryTrainer.Options { LearningRateSchedule = new CosineSchedule() });
        var warmDown = Weights(rows, new NeuralNetworkBinaryTrainer.Options { LearningRateSchedule = new CosineSchedule(decayShare: 0.1f) });
        var constant = Weights(rows, new NeuralNetworkBinaryTrainer.Options { AnnealLearningRateOnLargeData = false });

        Assert.Equal(annealed ? cosine : warmDown, byDefault);
        Assert.NotEqual(cosine, constant);
        Assert.NotEqual(warmDown, constant);
    }

    // The automatic epochs (200 of five 1,000-row batches): the decay applies only with them. The long training's
    // choice (LongTrainingTests) is left out: from 1,000 rows on the default would otherwise pick between two penalties.
    private static float[] Weights(int rows, NeuralNetworkBinaryTrainer.Options options)
    {
        options.LongTrainingOnLargeData = false;
        options.HiddenLayers = [4];
        options.BatchSize = 1_000;
        options.NumberOfThreads = 1;
        options.Seed = 3;
        var mlContext = new MLContext(seed: 1);
        var network = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(rows, seed: 2))).Network;
        return network.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.ToArray()).ToArray();
    }
}
