using Microsoft.ML;
using Microsoft.ML.Data;

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

    private sealed class SparseRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    /// <summary>
    /// A FeaturizeText column of tens of thousands of slots: 64 K rows of 40,000 floats do not fit one array, and
    /// streaming failed with an OverflowException before it read a row; wide rows now get smaller blocks (the log says
    /// how many rows), and the model learns.
    /// </summary>
    [Fact]
    public void FeatureVectorsTooWideForA64KRowBlockStreamInSmallerBlocks()
    {
        const int Width = 40_000;
        var mlContext = new MLContext(seed: 1);
        var messages = new List<string>();
        mlContext.Log += (_, e) => { lock (messages) messages.Add(e.Message); };
        var rows = Enumerable.Range(0, 200).Select(i =>
        {
            bool positive = i % 2 == 0;   // two words a row: one that tells the class, and one of the other 39,998
            return new SparseRow { Label = positive, Features = new VBuffer<float>(Width, 2, [1f, 1f], [positive ? 0 : 1, 2 + i * 197 % (Width - 2)]) };
        }).ToArray();
        var definition = SchemaDefinition.Create(typeof(SparseRow));
        definition[nameof(SparseRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width);
        var data = mlContext.Data.LoadFromEnumerable(rows, definition);
        var trainer = mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [4], NumberOfEpochs = 30, BatchSize = 16, LearningRate = 0.05f, Seed = 1, Streaming = true, ValidationSetFraction = 0,
            StandardizeFeatures = false,
        });

        var model = trainer.Fit(data);

        Assert.Equal(1_677, BlockShuffleFeed.RowsPerBlock(Width));   // 64 M floats (256 MB) a block
        Assert.Contains(messages, m => m.Contains($"{Width} features", StringComparison.Ordinal) && m.Contains("in blocks of 1,677.", StringComparison.Ordinal));
        double accuracy = mlContext.BinaryClassification.Evaluate(model.Transform(data)).Accuracy;
        Assert.True(accuracy >= 0.95, $"training accuracy {accuracy}");
    }
}
