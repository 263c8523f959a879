using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// One-hot indicators and yes/no flags (columns of exactly two values) are mapped onto {0, 1} rather than standardised,
/// so a rare category is an input of 1, not of 8.5 (<see cref="NeuralNetworkOptionsBase.IndicatorFeaturesToUnitRange"/>).
/// </summary>
public sealed class IndicatorColumnsTests
{
    private static IndicatorColumns Track(float[][] rows)
    {
        var tracker = new IndicatorColumns(rows[0].Length);
        foreach (var row in rows) tracker.Add(row);
        return tracker;
    }

    [Fact]
    public void Only_columns_of_exactly_two_finite_values_are_indicators()
    {
        var tracker = Track([
            [0f, 1f, 5f, 7f, float.NaN, 2f],
            [1f, 1f, 6f, 7f, 1f, 2f],
            [0f, 1f, 7f, 7f, 1f, -3f],
            [0f, 1f, 5f, 7f, 0f, 2f],
        ]);

        // one-hot, constant, three values, constant, NaN among two others, two values of any size
        Assert.Equal([true, false, false, false, false, true], Enumerable.Range(0, 6).Select(tracker.IsIndicator).ToArray());
    }

    [Fact]
    public void The_unit_range_map_shifts_by_the_lower_value_and_divides_by_the_gap()
    {
        var tracker = Track([[8.5f, 3f], [0f, 4f], [0f, 5f]]);
        double[] means = [2.83, 4], deviations = [4.0, 0.8];

        int changed = tracker.ToUnitRange(means, deviations);

        Assert.Equal(1, changed);
        Assert.Equal([0.0, 4], means);
        Assert.Equal([8.5, 0.8], deviations);
    }

    [Fact]
    public void Fitted_on_a_rare_category_the_scaling_leaves_it_at_one_and_standardises_the_numbers()
    {
        // One row of 74 in the category, as a maker seen once in R's Cars93.
        var rows = Enumerable.Range(0, 74).Select(i => new[] { i == 5 ? 1f : 0f, i * 0.5f }).ToArray();
        var standardised = Matrix.FromRows(rows);
        var mapped = Matrix.FromRows(rows);

        FeatureScaling.Fit(standardised).Standardize(standardised);
        FeatureScaling.Fit(mapped, indicatorsToUnitRange: true).Standardize(mapped);

        Assert.Equal(Math.Sqrt(73), standardised[5, 0], 1e-4);
        Assert.Equal(1f, mapped[5, 0]);
        Assert.Equal(0f, mapped[4, 0]);
        Assert.Equal(standardised[10, 1], mapped[10, 1]);
    }

    [Fact]
    public void Rows_of_zero_weight_do_not_make_a_column_three_valued()
    {
        var inputs = Matrix.FromRows([[0f], [1f], [0f], [9f]]);

        var scaling = FeatureScaling.Fit(inputs, weights: [1f, 1f, 1f, 0f], indicatorsToUnitRange: true);

        Assert.Equal(0, scaling.Means[0]);
        Assert.Equal(1, scaling.StandardDeviations[0]);
    }

    [Fact]
    public void Streaming_statistics_find_the_same_indicators_across_blocks()
    {
        var rows = Enumerable.Range(0, 500).Select(i => new BinaryRow { Label = i % 3 == 0, Features = [i == 400 ? 2f : -1f, i % 7, 1f, i % 2] }).ToList();
        var context = new MLContext(seed: 1);
        var view = context.Data.LoadFromEnumerable(rows);
        var source = new DataViewRowSource(view, view.Schema["Features"], 4, view.Schema["Label"], new BooleanLabelReader(), false, "training data");

        var statistics = StreamingTraining.Measure(source, "training data", blockRows: 64);

        Assert.Equal([true, false, false, true], Enumerable.Range(0, 4).Select(statistics.Indicators.IsIndicator).ToArray());
        var inMemory = FeatureScaling.Fit(Matrix.FromRows([.. rows.Select(r => r.Features)]), indicatorsToUnitRange: true);
        statistics.Indicators.ToUnitRange(statistics.Means, statistics.Deviations);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(inMemory.Means[c], statistics.Means[c], 1e-9);
            Assert.Equal(inMemory.StandardDeviations[c], statistics.Deviations[c], 1e-9);
        }
    }

    [Fact]
    public void An_indicator_scaled_by_a_pipeline_normaliser_trains_the_same_model_as_the_raw_one()
    {
        // NormalizeMeanVariance (fixZero) turns a 0/1 column into 0 and 1/sd: mapped back onto {0, 1}, the network trains
        // on the same inputs, so it predicts the same; standardised instead, the two would differ only by float rounding,
        // so the check that matters is the next one: the option changes the model.
        var rows = TestData.Circle(400, seed: 6).Select((r, i) => new BinaryRow { Label = r.Label, Features = [r.Features[0], r.Features[1], i % 9 == 0 ? 1f : 0f, r.Features[3]] }).ToList();
        var scaled = rows.Select(r => new BinaryRow { Label = r.Label, Features = [r.Features[0], r.Features[1], r.Features[2] * 3.2f, r.Features[3]] }).ToList();

        float[] Scores(List<BinaryRow> data, bool indicators)
        {
            var context = new MLContext(seed: 1);
            var view = context.Data.LoadFromEnumerable(data);
            var trainer = context.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options
            {
                HiddenLayers = [8], NumberOfEpochs = 20, IndicatorFeaturesToUnitRange = indicators, NumberOfThreads = 1,
            });
            return trainer.Fit(view).Transform(view).GetColumn<float>("Probability").ToArray();
        }

        var raw = Scores(rows, indicators: true);
        Assert.All(raw.Zip(Scores(scaled, indicators: true)), p => Assert.Equal(p.First, p.Second, 1e-4f));
        Assert.Contains(raw.Zip(Scores(rows, indicators: false)), p => Math.Abs(p.First - p.Second) > 1e-3f);
    }
}
