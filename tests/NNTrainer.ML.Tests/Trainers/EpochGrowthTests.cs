using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>Round 11c's switch: the automatic epochs grow while the training loss still falls (off by default).</summary>
public sealed class EpochGrowthTests
{
    [Fact]
    public void BeforeItGrowsTheScheduleIsTheCosineBitForBit()
    {
        var cosine = new CosineSchedule();
        var growing = new GrowingCosineSchedule(plannedEpochs: 10);
        for (long step = 0; step < 10 * 7; step++)
        {
            // The Fit call runs for up to twice the planned epochs; the planned cosine ignores that.
            var progress = new TrainingProgress((int)(step / 7), step, 7, 20);
            Assert.Equal(cosine.LearningRate(0.001f, progress with { Epochs = 10 }), growing.LearningRate(0.001f, progress));
        }
    }

    [Fact]
    public void GrownItTakesTheRateReachedDownToZeroOverTheStepsLeftWithoutAJump()
    {
        var growing = new GrowingCosineSchedule(plannedEpochs: 10);
        growing.Grow(5);
        float Rate(long step) => growing.LearningRate(1f, new TrainingProgress((int)(step / 4), step, 4, 20));

        // At half the planned cosine the rate is half the initial one; 60 steps of 80 remain, a new half cosine over them.
        Assert.Equal(new CosineSchedule().LearningRate(1f, new TrainingProgress(4, 19, 4, 10)), Rate(19));
        Assert.Equal(0.5f, Rate(20), 1e-6f);
        Assert.Equal(0.25f, Rate(50), 1e-6f);
        Assert.Equal(0.5f * (1 + MathF.Cos(MathF.PI * 59 / 60)) / 2, Rate(79), 1e-6f);
        Assert.True(Rate(20) <= Rate(19) && Rate(19) - Rate(20) < 0.05f);
    }

    [Fact]
    public void OffOrNeverGrowingTheModelIsUnchangedBitForBit()
    {
        Assert.Equal(0f, new NeuralNetworkBinaryTrainer.Options().GrowEpochsLossDrop);
        var rows = TestData.Circle(3_200, seed: 8);

        var (off, offEpochs) = Train(rows, lossDrop: 0f);
        var (never, neverEpochs) = Train(rows, lossDrop: 1_000f);

        Assert.Equal(100, offEpochs);
        Assert.Equal(offEpochs, neverEpochs);
        Assert.Equal(off, never);
    }

    [Fact]
    public void AStillFallingLossDoublesTheEpochs()
    {
        // 3,200 rows in batches of 32: the rule's 100 epochs at a constant rate; a clean circle is still learning then.
        var rows = TestData.Circle(3_200, seed: 8);

        var (_, epochs) = Train(rows, lossDrop: 1e-6f);

        Assert.Equal(EpochGrowth.GrowthFactor * 100, epochs);
    }

    [Fact]
    public void FixedEpochsOrAScheduleOfTheCallersTurnItOff()
    {
        var fit = new FitOptions();
        Assert.True(EpochGrowth.Applies(new NeuralNetworkBinaryTrainer.Options { GrowEpochsLossDrop = 0.02f }, 40, fit));
        Assert.False(EpochGrowth.Applies(new NeuralNetworkBinaryTrainer.Options(), 40, fit));
        Assert.False(EpochGrowth.Applies(new NeuralNetworkBinaryTrainer.Options { GrowEpochsLossDrop = 0.02f }, NeuralNetworkDefaults.MaximumEpochs, fit));
        Assert.False(EpochGrowth.Applies(new NeuralNetworkBinaryTrainer.Options { GrowEpochsLossDrop = 0.02f, NumberOfEpochs = 40 }, 40, fit));
        Assert.False(EpochGrowth.Applies(new NeuralNetworkBinaryTrainer.Options { GrowEpochsLossDrop = 0.02f }, 40, new FitOptions { EarlyStoppingPatience = 3 }));
        Assert.False(EpochGrowth.Applies(new NeuralNetworkBinaryTrainer.Options { GrowEpochsLossDrop = 0.02f }, 40, new FitOptions { LearningRateSchedule = new StepDecaySchedule() }));
    }

    private static (float[] Weights, int Epochs) Train(List<BinaryRow> rows, float lossDrop)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var model = mlContext.BinaryClassification.Trainers.NeuralNetwork(
            new NeuralNetworkBinaryTrainer.Options { Seed = 2, NumberOfThreads = 1, GrowEpochsLossDrop = lossDrop }).Fit(data);
        return (model.Network.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.Concat(d.Biases.Values)).ToArray(), model.History.Epochs.Count);
    }
}
