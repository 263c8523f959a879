using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Hardening.Tests.Trainers;

/// <summary>
/// A regression label with one value in every row predicts that value exactly, however short the training (it
/// predicted 6.4–8.1 for a constant 7 after 5 epochs, the random output layer not yet pulled in), in memory and
/// streaming, with and without label standardisation; classifiers with one class are refused by name.
/// </summary>
public sealed class ConstantLabelTests
{
    private sealed class Row
    {
        [VectorType(2)] public float[] Features { get; set; } = [];

        public float Label { get; set; }

        public float Weight { get; set; }
    }

    private sealed class BinaryRow
    {
        [VectorType(2)] public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class ScoreRow
    {
        public float Score { get; set; }
    }

    /// <summary>Rows of <paramref name="label"/>, but every third row (weight 0, so it does not count when weighted) of 100.</summary>
    private static Row[] Rows(float label, bool weighted) => Enumerable.Range(0, 200)
        .Select(i => new Row { Features = [i * 0.37f % 5, i % 7 - 3f], Label = weighted && i % 3 == 0 ? 100 : label, Weight = i % 3 }).ToArray();

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, false, true)]
    public void A_constant_label_is_predicted_exactly(bool standardizeLabel, bool weighted, bool streaming)
    {
        var ml = new MLContext(1);
        var rows = Rows(7.25f, weighted);
        var options = new NeuralNetworkRegressionTrainer.Options
        {
            NumberOfEpochs = 5, HiddenLayers = [16], Seed = 3, StandardizeLabel = standardizeLabel, Streaming = streaming,
            ExampleWeightColumnName = weighted ? nameof(Row.Weight) : null,
        };
        var model = ml.Regression.Trainers.NeuralNetwork(options).Fit(ml.Data.LoadFromEnumerable(rows));

        var unseen = ml.Data.LoadFromEnumerable(new[] { new Row { Features = [40, -25] }, new Row { Features = [0, 0] } });
        var scores = ml.Data.CreateEnumerable<ScoreRow>(model.Transform(unseen), reuseRowObject: false).Select(s => s.Score);
        Assert.All(scores, score => Assert.Equal(7.25f, score));
    }

    [Fact]
    public void A_binary_label_with_one_class_is_refused_naming_the_column()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new BinaryRow { Features = [i, 1], Label = true }).ToArray());

        var error = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { NumberOfEpochs = 1 }).Fit(data));

        Assert.StartsWith("Every training row has the label true in column 'Label'; a classifier needs rows of both classes.", error.Message);
    }
}
