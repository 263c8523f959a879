using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Trainers;

public class NeuralNetworkTrainerBaseTests
{
    private sealed class VariableRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class ScalarRow
    {
        public bool Label { get; set; }

        public float Features { get; set; }
    }

    private sealed class SparseRow
    {
        public bool Label { get; set; }

        [VectorType(6)]
        public VBuffer<float> Features { get; set; }
    }

    private sealed class DenseRow
    {
        public bool Label { get; set; }

        [VectorType(6)]
        public float[] Features { get; set; } = [];
    }

    [Fact]
    public void AMissingFeatureColumnIsNamedWithTheColumnsPresent()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(10, seed: 1));
        var trainer = mlContext.BinaryClassification.Trainers.NeuralNetwork(featureColumnName: "Inputs");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.Transforms.CopyColumns("X", "Features").Append(trainer).Fit(data));
        Assert.Contains("feature column 'Inputs' was not found", error.Message);
        Assert.Contains("'Label', 'Features', 'X'", error.Message);
    }

    [Fact]
    public void AVariableSizeFeatureVectorIsRejectedBeforeAnyDataIsRead()
    {
        var mlContext = new MLContext(seed: 1);
        var data = new CountingDataView(mlContext.Data.LoadFromEnumerable(new[] { new VariableRow { Label = true, Features = [1, 2] } }));
        var pipeline = mlContext.Transforms.CopyColumns("X", "Features").Append(mlContext.BinaryClassification.Trainers.NeuralNetwork());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Fit(data));
        Assert.Contains("'Features'", error.Message);
        Assert.Contains("variable size", error.Message);
        Assert.Equal(0, data.RowsRead);
    }

    [Fact]
    public void AScalarFeatureColumnIsRejectedWithAHint()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new ScalarRow { Label = true, Features = 1 } });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.BinaryClassification.Trainers.NeuralNetwork().Fit(data));
        Assert.Contains("'Features'", error.Message);
        Assert.Contains("known-size vector of Single", error.Message);
        Assert.Contains("Concatenate", error.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void ANonFiniteFeatureIsAnErrorNamingColumnRowAndSlot(float bad)
    {
        var mlContext = new MLContext(seed: 1);
        var rows = TestData.Circle(30, seed: 1);
        rows[17].Features[2] = bad;
        var error = Assert.Throws<ArgumentException>(() => NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext).Fit(mlContext.Data.LoadFromEnumerable(rows)));
        Assert.Contains("'Features'", error.Message);
        Assert.Contains("row 17, slot 2", error.Message);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void RowsWithNonFiniteValuesCanBeSkipped()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = TestData.Circle(30, seed: 1);
        rows[3].Features[0] = float.NaN;
        rows[4].Features[1] = float.PositiveInfinity;
        var log = new List<string>();
        mlContext.Log += (_, e) => log.Add(e.Message);
        var options = new NeuralNetworkBinaryTrainer.Options { SkipNonFiniteRows = true, NumberOfEpochs = 1 };

        var model = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(rows));

        Assert.Single(model.History.Epochs);
        Assert.Contains(log, m => m.Contains("Read 28 training rows") && m.Contains("skipping 2"));
    }

    [Fact]
    public void EmptyDataIsRejected()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new List<BinaryRow>(), SchemaDefinition.Create(typeof(BinaryRow)));
        var error = Assert.Throws<ArgumentException>(() => mlContext.BinaryClassification.Trainers.NeuralNetwork().Fit(data));
        Assert.Contains("training data has no rows", error.Message);
    }

    [Fact]
    public void TrainingReadsTheDataOnceWithOneCursor()
    {
        var mlContext = new MLContext(seed: 1);
        var data = new CountingDataView(mlContext.Data.LoadFromEnumerable(TestData.Circle(50, seed: 1)));
        NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 3).Fit(data);
        Assert.Equal(1, data.CursorsOpened);
        Assert.Equal(50, data.RowsRead);
    }

    [Fact]
    public void DataThatCannotCountItsRowsIsCountedFirst()
    {
        var mlContext = new MLContext(seed: 1);
        var data = new CountingDataView(mlContext.Data.LoadFromEnumerable(TestData.Circle(50, seed: 1)), hideRowCount: true);
        var model = NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 3).Fit(data);
        Assert.Equal(2, data.CursorsOpened);
        Assert.Equal(100, data.RowsRead);
        Assert.Equal(3, model.History.Epochs.Count);
    }

    [Fact]
    public void SparseFeatureVectorsTrainTheSameModelAsTheirDenseForm()
    {
        var dense = new List<DenseRow>();
        var sparse = new List<SparseRow>();
        var random = new Random(5);
        for (int i = 0; i < 60; i++)
        {
            int a = random.Next(6), b = random.Next(6);
            var values = new float[6];
            values[a] = 1;
            values[b] += 0.5f;
            bool label = a < 3;
            dense.Add(new DenseRow { Label = label, Features = values });
            var indices = Enumerable.Range(0, 6).Where(j => values[j] != 0).ToArray();
            sparse.Add(new SparseRow { Label = label, Features = new VBuffer<float>(6, indices.Length, indices.Select(j => values[j]).ToArray(), indices) });
        }

        var fromDense = Train(new MLContext(seed: 1).Data.LoadFromEnumerable(dense));
        var fromSparse = Train(new MLContext(seed: 1).Data.LoadFromEnumerable(sparse));

        Assert.Equal(Weights(fromDense), Weights(fromSparse));
        Assert.True(fromSparse.History.Last!.Accuracy > 0.9);

        static NeuralNetworkBinaryTransformer Train(IDataView data) =>
            new MLContext(seed: 1).BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [8], NumberOfEpochs = 40, BatchSize = 16, LearningRate = 0.01f, Seed = 3 }).Fit(data);
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelBitForBit()
    {
        var rows = TestData.Circle(80, seed: 1);
        float[] Train(int contextSeed, int? seed, int threads) => Weights(new MLContext(contextSeed).BinaryClassification.Trainers.NeuralNetwork(
            new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [8], NumberOfEpochs = 5, DropoutRate = 0.2f, Seed = seed, NumberOfThreads = threads })
            .Fit(new MLContext().Data.LoadFromEnumerable(rows)));

        Assert.Equal(Train(1, 7, 1), Train(2, 7, 2));
        Assert.Equal(Train(4, null, 1), Train(4, null, 1));
        Assert.NotEqual(Train(4, null, 1), Train(5, null, 1));
    }

    [Fact]
    public void ProgressReachesTheContextLogTheCallbackAndTheProgressReporter()
    {
        var mlContext = new MLContext(seed: 1);
        var log = new List<string>();
        mlContext.Log += (_, e) => log.Add(e.Message);
        var callback = new List<int>();
        var reported = new List<int>();
        var options = new NeuralNetworkBinaryTrainer.Options
        {
            NumberOfEpochs = 3,
            EpochEnded = e => callback.Add(e.Epoch),
            Progress = new ImmediateProgress(e => reported.Add(e.Epoch)),
        };

        mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(40, seed: 1)));

        Assert.Equal([1, 2, 3], callback);
        Assert.Equal([1, 2, 3], reported);
        Assert.Contains(log, m => m.Contains("Epoch 3/3: loss"));
        Assert.Contains(log, m => m.Contains("Training a 4-100-1 network"));
    }

    [Fact]
    public void CancellationStopsTrainingBetweenSteps()
    {
        var mlContext = new MLContext(seed: 1);
        using var cancellation = new CancellationTokenSource();
        var options = new NeuralNetworkBinaryTrainer.Options
        {
            NumberOfEpochs = 50,
            EpochEnded = e => { if (e.Epoch == 2) cancellation.Cancel(); },
            CancellationToken = cancellation.Token,
        };
        var trainer = mlContext.BinaryClassification.Trainers.NeuralNetwork(options);
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(40, seed: 1))));
    }

    [Fact]
    public void EarlyStoppingOnValidationDataKeepsTheBestEpoch()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(TestData.Circle(200, seed: 1));
        // Labels unrelated to the features: the validation loss can only get worse as the network fits the training data.
        var noise = TestData.Circle(200, seed: 2);
        var random = new Random(3);
        foreach (var row in noise) row.Label = random.Next(2) == 0;
        var options = new NeuralNetworkBinaryTrainer.Options { NumberOfEpochs = 200, EarlyStoppingPatience = 3, LearningRate = 0.01f };

        var model = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(train, mlContext.Data.LoadFromEnumerable(noise));

        Assert.Equal(StopReason.EarlyStopped, model.History.StopReason);
        Assert.True(model.History.Epochs.Count < 200);
        Assert.True(model.History.RestoredBestWeights);
    }

    [Fact]
    public void AValidationFractionIsHeldOut()
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options { NumberOfEpochs = 2, ValidationSetFraction = 0.25f };
        var model = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(40, seed: 1)));
        Assert.All(model.History.Epochs, e => Assert.NotNull(e.ValidationLoss));
    }

    [Fact]
    public void ValidationDataMustMatchTheTrainingFeatures()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(TestData.Circle(20, seed: 1));
        var validation = mlContext.Data.LoadFromEnumerable(new[] { new DenseRow { Label = true, Features = new float[6] } });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.BinaryClassification.Trainers.NeuralNetwork().Fit(train, validation));
        Assert.Contains("6 features in the validation data but 4 in the training data", error.Message);
    }

    internal static float[] Weights(NeuralNetworkTransformer model) =>
        model.Network.Parameters.SelectMany(p => p.Values).ToArray();

    private sealed class ImmediateProgress(Action<EpochResult> report) : IProgress<EpochResult>
    {
        public void Report(EpochResult value) => report(value);
    }
}
