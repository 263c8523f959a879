using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Training;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// The README says a pipeline normaliser is optional for the multi-layer perceptron, because the trainer standardises
/// the features itself (<c>StandardizeFeatures</c>, default true): features in other units train the same model.
/// </summary>
public sealed class UnscaledFeaturesTests
{
    [Fact]
    public void Features_a_million_times_larger_train_the_same_regression_with_the_default_standardisation()
    {
        var rows = TestData.Surface(300, seed: 4);
        var scaled = rows.Select(r => new RegressionRow { Label = r.Label, Features = r.Features.Select(v => v * 1e6f + 3e6f).ToArray() }).ToList();

        float[] Scores(List<RegressionRow> data, bool standardize)
        {
            var mlContext = new MLContext(seed: 1);
            var view = mlContext.Data.LoadFromEnumerable(data);
            var trainer = mlContext.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options
            {
                HiddenLayers = [16], NumberOfEpochs = 30, StandardizeFeatures = standardize, CrossValidateL2OnSmallData = false,
            });
            return trainer.Fit(view).Transform(view).GetColumn<float>("Score").ToArray();
        }

        var reference = Scores(rows, standardize: true);
        var fromMillions = Scores(scaled, standardize: true);
        // Same standardised inputs up to float rounding, so the same training: scores agree to a small fraction of the label's spread (~1000).
        Assert.All(reference.Zip(fromMillions), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 5f, $"{pair.First} vs {pair.Second}"));

        // Without the standardisation the same unscaled features do not train: this is what the normaliser is for then.
        var labels = rows.Select(r => r.Label).ToArray();
        double Rmse(float[] scores) => Math.Sqrt(scores.Zip(labels).Average(p => (double)(p.First - p.Second) * (p.First - p.Second)));
        try
        {
            double unstandardized = Rmse(Scores(scaled, standardize: false));
            Assert.True(unstandardized > 3 * Rmse(reference), $"{unstandardized} vs {Rmse(reference)}");
        }
        catch (TrainingDivergedException)
        {
            // Diverging is the other way of not training.
        }
    }
}
