using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Evaluation;

public sealed class StreamingRegressionMetricsTests
{
    private const double Tolerance = 1e-6;

    private static StreamingRegressionMetrics Stream(float[] labels, float[] predictions)
    {
        var metrics = new StreamingRegressionMetrics();
        for (int i = 0; i < labels.Length; i++) metrics.Add(labels[i], predictions[i]);
        return metrics;
    }

    private static (float[] Labels, float[] Predictions) Rows(int n, int seed, double offset = 0)
    {
        var random = new Random(seed);
        var labels = new float[n];
        var predictions = new float[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = (float)(offset + random.NextDouble() * 10);
            predictions[i] = (float)(labels[i] + (random.NextDouble() - 0.5) * 3);
        }
        return (labels, predictions);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-50.0)]
    public void EveryMetricMatchesMlNet(double offset)
    {
        var (labels, predictions) = Rows(10_000, seed: 1, offset);
        var expected = MlNetReference.Regression(labels, predictions);
        var actual = Stream(labels, predictions);
        Assert.Equal(expected.MeanAbsoluteError, actual.MeanAbsoluteError, Tolerance);
        Assert.Equal(expected.MeanSquaredError, actual.MeanSquaredError, Tolerance);
        Assert.Equal(expected.RootMeanSquaredError, actual.RootMeanSquaredError, Tolerance);
        Assert.Equal(expected.RSquared, actual.RSquared, Tolerance);
    }

    [Fact]
    public void NaNPredictionsAreLeftOutAndAConstantLabelGivesNaNRSquaredLikeMlNet()
    {
        var (labels, predictions) = Rows(1_000, seed: 2);
        for (int i = 0; i < labels.Length; i += 13) predictions[i] = float.NaN;
        var expected = MlNetReference.Regression(labels, predictions);
        var actual = Stream(labels, predictions);
        Assert.Equal(predictions.Count(float.IsNaN), actual.BadScores);
        Assert.Equal(expected.MeanAbsoluteError, actual.MeanAbsoluteError, Tolerance);
        Assert.Equal(expected.RSquared, actual.RSquared, Tolerance);

        var constant = Enumerable.Repeat(3f, 100).ToArray();
        Assert.True(double.IsNaN(MlNetReference.Regression(constant, predictions[..100]).RSquared));
        Assert.True(double.IsNaN(Stream(constant, predictions[..100]).RSquared));
    }

    [Fact]
    public void RSquaredKeepsItsDigitsWhenLabelsAreLargeBesideTheirSpread()
    {
        // Labels 1e4 + [0, 1): the textbook sum-of-squares form loses most digits of the spread in float32 squares.
        var random = new Random(3);
        var labels = Enumerable.Range(0, 10_000).Select(_ => (float)(10_000 + random.NextDouble())).ToArray();
        var predictions = labels.Select(l => l + 0.1f).ToArray();
        double mean = labels.Average(l => (double)l);
        double sst = labels.Sum(l => ((double)l - mean) * ((double)l - mean));
        double sse = labels.Zip(predictions).Sum(p => ((double)p.First - p.Second) * ((double)p.First - p.Second));
        Assert.Equal(1 - sse / sst, Stream(labels, predictions).RSquared, 1e-9);
    }

    [Fact]
    public void CompensatedSumKeepsSmallTermsBesideALargeOne()
    {
        var sum = new CompensatedSum();
        sum.Add(1e16);
        for (int i = 0; i < 1_000; i++) sum.Add(1.0);
        sum.Add(-1e16);
        Assert.Equal(1_000.0, sum.Value);
    }
}
