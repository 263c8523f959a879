using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Evaluation;

public sealed class StreamingBinaryMetricsTests
{
    private const double Tolerance = 1e-6;

    /// <summary>Logits of a weak model, positives shifted up; rounded to <paramref name="step"/> so that scores tie when it is coarse.</summary>
    internal static (bool[] Labels, float[] Scores, float[] Probabilities) Rows(int n, int seed, float step = 0f, double positiveRate = 0.4)
    {
        var random = new Random(seed);
        var labels = new bool[n];
        var scores = new float[n];
        var probabilities = new float[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < positiveRate;
            float score = (float)(random.NextDouble() * 6 - 3 + (labels[i] ? 1.2 : 0));
            if (step > 0) score = MathF.Round(score / step) * step;
            scores[i] = score;
            probabilities[i] = 1f / (1f + MathF.Exp(-score));
        }
        return (labels, scores, probabilities);
    }

    internal static StreamingBinaryMetrics Stream(bool[] labels, float[] scores, float[]? probabilities, int exactLimit = RankingCurve.DefaultExactLimit)
    {
        var metrics = new StreamingBinaryMetrics(exactLimit);
        for (int i = 0; i < labels.Length; i++) metrics.Add(labels[i], scores[i], probabilities?[i] ?? float.NaN);
        return metrics;
    }

    [Theory]
    [InlineData(5_000, 0f)]
    [InlineData(5_000, 0.25f)]
    [InlineData(20_000, 0.01f)]
    public void EveryMetricMatchesMlNetIncludingTies(int n, float step)
    {
        var (labels, scores, probabilities) = Rows(n, seed: n, step);
        var expected = MlNetReference.Binary(labels, scores, probabilities);
        var actual = Stream(labels, scores, probabilities);
        Assert.False(actual.Ranking.IsBinned);
        Assert.Equal(expected.AreaUnderRocCurve, actual.Auc, Tolerance);
        Assert.Equal(expected.AreaUnderPrecisionRecallCurve, actual.AuPrc, Tolerance);
        Assert.Equal(expected.Accuracy, actual.Accuracy, Tolerance);
        Assert.Equal(expected.PositivePrecision, actual.Precision, Tolerance);
        Assert.Equal(expected.PositiveRecall, actual.Recall, Tolerance);
        Assert.Equal(expected.NegativePrecision, actual.NegativePrecision, Tolerance);
        Assert.Equal(expected.NegativeRecall, actual.NegativeRecall, Tolerance);
        Assert.Equal(expected.F1Score, actual.F1, Tolerance);
        Assert.Equal(expected.LogLoss, actual.LogLoss, Tolerance);
        Assert.Equal(expected.LogLossReduction, actual.LogLossReduction, Tolerance);
        Assert.Equal(expected.Entropy, actual.Entropy, Tolerance);
    }

    [Fact]
    public void TheBinnedAreasStayWithinTheirStatedBoundOfMlNets()
    {
        // 20,000 rows with 1,000 kept exactly: the rest go through the 2^20-bin histogram.
        var (labels, scores, probabilities) = Rows(20_000, seed: 3);
        var expected = MlNetReference.Binary(labels, scores, probabilities);
        var actual = Stream(labels, scores, probabilities, exactLimit: 1_000);
        Assert.True(actual.Ranking.IsBinned);
        double bound = actual.Ranking.AucErrorBound();
        Assert.InRange(Math.Abs(expected.AreaUnderRocCurve - actual.Auc), 0, bound + 1e-12);
        Assert.InRange(bound, 0, 1e-4);
        Assert.Equal(expected.AreaUnderPrecisionRecallCurve, actual.AuPrc, 1e-4);
        Assert.Equal(expected.Accuracy, actual.Accuracy, Tolerance);
        Assert.Equal(expected.LogLoss, actual.LogLoss, Tolerance);
    }

    [Fact]
    public void BinnedTiesAreExactWhenEveryBinHoldsOneScore()
    {
        // Scores on a 0.25 grid: each distinct score has its own bin, so binning changes nothing but the tie order of the AUPRC.
        var (labels, scores, probabilities) = Rows(20_000, seed: 4, step: 0.25f);
        var expected = MlNetReference.Binary(labels, scores, probabilities);
        var actual = Stream(labels, scores, probabilities, exactLimit: 0);
        Assert.True(actual.Ranking.IsBinned);
        Assert.Equal(expected.AreaUnderRocCurve, actual.Auc, Tolerance);
    }

    [Fact]
    public void WithOneClassAucIsNaNWhereMlNetThrowsAndTheCountsStillStand()
    {
        var (_, scores, probabilities) = Rows(2_000, seed: 5);
        var labels = new bool[scores.Length];
        Assert.Throws<ArgumentOutOfRangeException>(() => MlNetReference.Binary(labels, scores, probabilities));
        var actual = Stream(labels, scores, probabilities);
        Assert.True(double.IsNaN(actual.Auc));
        Assert.Equal(scores.Count(s => s <= 0) / (double)scores.Length, actual.Accuracy, 15);
        Assert.Equal(0, actual.F1);
        Assert.Equal(probabilities.Average(p => -Math.Log(1.0 - p, 2)), actual.LogLoss, Tolerance);
    }

    [Fact]
    public void RowsWithANonFiniteScoreAreLeftOutAsMlNetDoes()
    {
        var (labels, scores, probabilities) = Rows(3_000, seed: 6);
        for (int i = 0; i < scores.Length; i += 37) scores[i] = float.NaN;
        scores[1] = float.PositiveInfinity;
        scores[2] = float.NegativeInfinity;
        var expected = MlNetReference.Binary(labels, scores, probabilities);
        var actual = Stream(labels, scores, probabilities);
        Assert.Equal(scores.Count(s => !float.IsFinite(s)), actual.BadScores);
        Assert.Equal(expected.AreaUnderRocCurve, actual.Auc, Tolerance);
        Assert.Equal(expected.Accuracy, actual.Accuracy, Tolerance);
        Assert.Equal(expected.F1Score, actual.F1, Tolerance);
        Assert.Equal(expected.LogLoss, actual.LogLoss, Tolerance);
    }

    [Fact]
    public void WithoutProbabilitiesLogLossIsNaNAndTheRestMatchTheUncalibratedEvaluator()
    {
        var (labels, scores, _) = Rows(3_000, seed: 7, step: 0.1f);
        var expected = MlNetReference.BinaryUncalibrated(labels, scores);
        var actual = Stream(labels, scores, null);
        Assert.True(double.IsNaN(actual.LogLoss));
        Assert.Equal(expected.AreaUnderRocCurve, actual.Auc, Tolerance);
        Assert.Equal(expected.Accuracy, actual.Accuracy, Tolerance);
        Assert.Equal(expected.F1Score, actual.F1, Tolerance);
    }

    [Fact]
    public void AnAbsoluteProbabilityOnTheWrongClassGivesInfiniteLogLossLikeMlNet()
    {
        bool[] labels = [true, false, true];
        float[] scores = [2f, -1f, -30f];
        float[] probabilities = [0.9f, 0.2f, 0f];
        var expected = MlNetReference.Binary(labels, scores, probabilities);
        var actual = Stream(labels, scores, probabilities);
        Assert.Equal(expected.LogLoss, actual.LogLoss, Tolerance);
    }
}
