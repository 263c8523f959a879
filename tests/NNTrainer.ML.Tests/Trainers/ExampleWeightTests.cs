using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// <c>exampleWeightColumnName</c> / <c>ExampleWeightColumnName</c>: the plumbing from an ML.NET column into the engine's
/// sample weights (the engine's own weighted loss is tested in NNTrainer.Tests).
/// </summary>
public class ExampleWeightTests
{
    public sealed class WeightedRow
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Weight { get; set; } = 1f;

        public float Value { get; set; }
    }

    /// <summary>Two overlapping clouds, the positive one a tenth of the rows; <c>Value</c> is a noisy function of the features.</summary>
    private static List<WeightedRow> Imbalanced(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<WeightedRow>();
        for (int i = 0; i < count; i++)
        {
            bool positive = i % 10 == 0;
            float x = (float)(Gaussian(random) + (positive ? 1.2 : 0)), y = (float)(Gaussian(random) + (positive ? 1.2 : 0));
            rows.Add(new WeightedRow { Label = positive, Features = [x, y], Value = 100 + 30 * x - 20 * y + (float)Gaussian(random) });
        }
        return rows;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static NeuralNetworkBinaryTrainer.Options Binary(int epochs, int batch, string? weight) => new()
    {
        HiddenLayers = [8], NumberOfEpochs = epochs, BatchSize = batch, LearningRate = 0.02f, Seed = 3, NumberOfThreads = 1, ExampleWeightColumnName = weight,
    };

    private static float[] Scores(ITransformer model, IDataView data, string column = "Score") => model.Transform(data).GetColumn<float>(column).ToArray();

    [Fact]
    public void WeightingTheRareClassUpRaisesItsRecall()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Imbalanced(1000, seed: 1);
        foreach (var row in rows) row.Weight = row.Label ? 9f : 1f;
        var train = mlContext.Data.LoadFromEnumerable(rows);
        var test = mlContext.Data.LoadFromEnumerable(Imbalanced(1000, seed: 2));

        var plain = mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(30, 32, null)).Fit(train);
        var weighted = mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(30, 32, "Weight")).Fit(train);
        double plainRecall = mlContext.BinaryClassification.Evaluate(plain.Transform(test)).PositiveRecall;
        double weightedRecall = mlContext.BinaryClassification.Evaluate(weighted.Transform(test)).PositiveRecall;

        Assert.True(weightedRecall > plainRecall + 0.2, $"positive recall {plainRecall:F3} without weights, {weightedRecall:F3} with");
    }

    [Fact]
    public void AWeightOfTwoTrainsTheModelOfTheRowDuplicated()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Imbalanced(120, seed: 3);
        var doubled = rows.Select((r, i) => new WeightedRow { Label = r.Label, Features = r.Features, Value = r.Value, Weight = i < 40 ? 2f : 1f }).ToList();
        var duplicated = rows.Concat(rows.Take(40)).ToList();

        // Full batches, so the row order does not matter; the feature and label standardisation are weighted too.
        var binaryWeighted = mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(20, 1000, "Weight")).Fit(mlContext.Data.LoadFromEnumerable(doubled));
        var binaryCopied = mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(20, 1000, null)).Fit(mlContext.Data.LoadFromEnumerable(duplicated));
        var probe = mlContext.Data.LoadFromEnumerable(rows);
        AssertClose(Scores(binaryCopied, probe), Scores(binaryWeighted, probe), 1e-4f);

        NeuralNetworkRegressionTrainer.Options Regression(string? weight) => new()
        {
            LabelColumnName = "Value", HiddenLayers = [8], NumberOfEpochs = 20, BatchSize = 1000, LearningRate = 0.02f, Seed = 3, NumberOfThreads = 1, ExampleWeightColumnName = weight,
        };
        var regressionWeighted = mlContext.Regression.Trainers.NeuralNetwork(Regression("Weight")).Fit(mlContext.Data.LoadFromEnumerable(doubled));
        var regressionCopied = mlContext.Regression.Trainers.NeuralNetwork(Regression(null)).Fit(mlContext.Data.LoadFromEnumerable(duplicated));
        AssertClose(Scores(regressionCopied, probe), Scores(regressionWeighted, probe), 1e-4f);
    }

    [Fact]
    public void RowsOfWeightZeroContributeNothing()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Imbalanced(100, seed: 4);
        var noise = Imbalanced(50, seed: 5).Select(r => new WeightedRow { Label = !r.Label, Features = [r.Features[0] * 7, -r.Features[1] * 5], Weight = 0f });
        var withZeros = mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(10, 1000, "Weight")).Fit(mlContext.Data.LoadFromEnumerable(rows.Concat(noise)));
        var without = mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(10, 1000, null)).Fit(mlContext.Data.LoadFromEnumerable(rows));

        var probe = mlContext.Data.LoadFromEnumerable(rows);
        AssertClose(Scores(without, probe), Scores(withZeros, probe), 1e-4f);
    }

    [Fact]
    public void TheValidationSetsWeightsWeighItsLoss()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(Imbalanced(200, seed: 6));
        var validationRows = Imbalanced(100, seed: 7);
        var firstHalf = validationRows.Take(50).ToList();
        var halfWeighted = validationRows.Select((r, i) => new WeightedRow { Label = r.Label, Features = r.Features, Weight = i < 50 ? 1f : 0f }).ToList();

        var trainer = mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(3, 32, "Weight"));
        var weighted = trainer.Fit(train, mlContext.Data.LoadFromEnumerable(halfWeighted));
        var half = trainer.Fit(train, mlContext.Data.LoadFromEnumerable(firstHalf));

        Assert.Equal(half.History.Epochs.Select(e => e.ValidationLoss!.Value), weighted.History.Epochs.Select(e => e.ValidationLoss!.Value),
            (a, b) => Math.Abs(a - b) <= 1e-6 * Math.Abs(a));
    }

    [Theory]
    [InlineData(-1f, "-1")]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    public void ABadWeightIsAnErrorNamingItsRowAndColumn(float bad, string shown)
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Imbalanced(20, seed: 1);
        rows[7].Weight = bad;
        var error = Assert.Throws<ArgumentException>(() =>
            mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(1, 32, "Weight")).Fit(mlContext.Data.LoadFromEnumerable(rows)));
        Assert.Contains($"Column 'Weight' holds the weight {shown} at row 7 of the training data", error.Message);
    }

    [Fact]
    public void AMissingOrMistypedWeightColumnIsNamed()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Imbalanced(20, seed: 1));
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() =>
            mlContext.BinaryClassification.Trainers.NeuralNetwork(exampleWeightColumnName: "Importance", numberOfEpochs: 1).Fit(data));
        Assert.Contains("'Importance'", missing.Message);

        var asDouble = mlContext.Transforms.Conversion.ConvertType("Weight", outputKind: DataKind.Double).Fit(data).Transform(data);
        var wrong = Assert.Throws<ArgumentOutOfRangeException>(() =>
            mlContext.BinaryClassification.Trainers.NeuralNetwork(exampleWeightColumnName: "Weight", numberOfEpochs: 1).Fit(asDouble));
        Assert.Contains("Column 'Weight' is the example weight column and must be Single; it is Double", wrong.Message);
    }

    [Fact]
    public void AllWeightsZeroIsAnError()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Imbalanced(20, seed: 1);
        foreach (var row in rows) row.Weight = 0f;
        var error = Assert.Throws<ArgumentException>(() =>
            mlContext.BinaryClassification.Trainers.NeuralNetwork(Binary(1, 32, "Weight")).Fit(mlContext.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Every row of the training data has weight 0 in column 'Weight'", error.Message);
    }

    [Fact]
    public void StreamingWithWeightsIsRefusedNamingTheOption()
    {
        // Streaming reads no weights yet: training as if every row weighed 1 would silently ignore the column.
        var mlContext = new MLContext(seed: 1);
        var options = Binary(1, 32, "Weight");
        options.Streaming = true;
        // Refused when the trainer is created, before any earlier pipeline step has run on the data.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.BinaryClassification.Trainers.NeuralNetwork(options));
        Assert.Equal("options.ExampleWeightColumnName", error.ParamName);
        Assert.Contains("Streaming training does not take example weights", error.Message);
    }

    private static void AssertClose(float[] expected, float[] actual, float relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], Math.Abs(expected[i]) * relative + relative);
    }
}
