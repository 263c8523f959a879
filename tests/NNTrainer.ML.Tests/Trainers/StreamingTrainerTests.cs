using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// The trainers' <c>Streaming</c> option: the data view is read once to measure it and once per epoch, never copied
/// into memory; the model learns as the in-memory one does, a seed reproduces it, and a cache the caller put in front
/// is what the passes read.
/// </summary>
public class StreamingTrainerTests
{
    private static NeuralNetworkBinaryTrainer Binary(MLContext mlContext, bool streaming, int epochs = 20, int seed = 3) =>
        mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [32], NumberOfEpochs = epochs, BatchSize = 32, LearningRate = 0.01f, Seed = seed, Streaming = streaming,
            ValidationSetFraction = 0,
        });

    [Fact]
    public void LearnsTheCircleAsTheInMemoryTrainerDoes()
    {
        var mlContext = new MLContext(seed: 1);
        var split = mlContext.Data.TrainTestSplit(mlContext.Data.LoadFromEnumerable(TestData.Circle(3_000, seed: 1)), testFraction: 0.3, seed: 1);

        var streamed = Binary(mlContext, streaming: true).Fit(split.TrainSet);
        var inMemory = Binary(mlContext, streaming: false).Fit(split.TrainSet);

        double a = mlContext.BinaryClassification.Evaluate(streamed.Transform(split.TestSet)).Accuracy;
        double b = mlContext.BinaryClassification.Evaluate(inMemory.Transform(split.TestSet)).Accuracy;
        Assert.True(a >= 0.93, $"streamed accuracy {a}");
        Assert.True(Math.Abs(a - b) <= 0.03, $"streamed {a}, in memory {b}");
        Assert.Equal(20, streamed.History.Epochs.Count);
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelBitForBit()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(800, seed: 2));

        var a = Binary(mlContext, streaming: true, epochs: 3).Fit(data).Network;
        var b = Binary(mlContext, streaming: true, epochs: 3).Fit(data).Network;
        var c = Binary(mlContext, streaming: true, epochs: 3, seed: 4).Fit(data).Network;

        for (int i = 0; i < a.Parameters.Count; i++) Assert.Equal(a.Parameters[i].Values, b.Parameters[i].Values);
        Assert.NotEqual(a.Parameters[0].Values, c.Parameters[0].Values);
    }

    [Fact]
    public void ReadsTheDataOncePerEpochPlusOneOrOnlyItsCacheWhenTheCallerCachedIt()
    {
        var mlContext = new MLContext(seed: 1);
        var plain = new CountingDataView(mlContext.Data.LoadFromEnumerable(TestData.Circle(500, seed: 3)));
        var cachedSource = new CountingDataView(mlContext.Data.LoadFromEnumerable(TestData.Circle(500, seed: 3)));

        Binary(mlContext, streaming: true, epochs: 4).Fit(plain);
        mlContext.Transforms.CopyColumns("Features", "Features").AppendCacheCheckpoint(mlContext).Append(Binary(mlContext, streaming: true, epochs: 4)).Fit(cachedSource);

        Assert.Equal(5, plain.CursorsOpened);
        Assert.Equal(2_500, plain.RowsRead);
        Assert.Equal(500, cachedSource.RowsRead);
    }

    [Fact]
    public void RegressionStandardisesTheLabelFromTheFirstPass()
    {
        var mlContext = new MLContext(seed: 1);
        var split = mlContext.Data.TrainTestSplit(mlContext.Data.LoadFromEnumerable(TestData.Surface(2_000, seed: 1)), testFraction: 0.3, seed: 1);
        NeuralNetworkRegressionTrainer Trainer(bool streaming) => mlContext.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options
        {
            HiddenLayers = [32], NumberOfEpochs = 40, BatchSize = 32, LearningRate = 0.01f, Seed = 5, Streaming = streaming, ValidationSetFraction = 0,
        });

        double streamed = mlContext.Regression.Evaluate(Trainer(true).Fit(split.TrainSet).Transform(split.TestSet)).RSquared;
        double inMemory = mlContext.Regression.Evaluate(Trainer(false).Fit(split.TrainSet).Transform(split.TestSet)).RSquared;

        Assert.True(streamed >= 0.9, $"streamed R² {streamed}");
        Assert.True(Math.Abs(streamed - inMemory) <= 0.05, $"streamed {streamed}, in memory {inMemory}");
    }

    [Fact]
    public void MulticlassStreamsToo()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Keys(300, seed: 1));
        var trainer = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options
        {
            HiddenLayers = [16], NumberOfEpochs = 10, BatchSize = 32, LearningRate = 0.01f, Seed = 2, Streaming = true, ValidationSetFraction = 0,
        });

        var metrics = mlContext.MulticlassClassification.Evaluate(trainer.Fit(data).Transform(data));

        Assert.True(metrics.MacroAccuracy >= 0.9, $"macro accuracy {metrics.MacroAccuracy}");
    }

    [Fact]
    public void AValidationFractionIsRefusedWithTheWayOut()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(100, seed: 4));
        var trainer = mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { Streaming = true, ValidationSetFraction = 0.1f });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(data));

        Assert.Contains("Streaming training keeps no rows in memory, so it cannot hold out a fraction of them", error.Message);
    }

    [Fact]
    public void OneClassIsRefusedAsInMemory()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = TestData.Circle(100, seed: 4).Select(r => new BinaryRow { Label = true, Features = r.Features });
        var error = Assert.Throws<ArgumentException>(() => Binary(mlContext, streaming: true, epochs: 1).Fit(mlContext.Data.LoadFromEnumerable(rows)));

        Assert.StartsWith("Every training row has the same class in column 'Label'", error.Message);
    }
}
