using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Evaluation;

public sealed class StreamingMulticlassMetricsTests
{
    private const double Tolerance = 1e-6;

    /// <summary>Softmax scores of a weak model over <paramref name="classes"/> classes, rounded to <paramref name="step"/> so the top scores tie when it is coarse; <paramref name="absent"/> never appears as a label.</summary>
    private static (int[] Labels, float[][] Scores) Rows(int n, int classes, int seed, float step = 0f, int absent = -1)
    {
        var random = new Random(seed);
        var labels = new int[n];
        var scores = new float[n][];
        for (int i = 0; i < n; i++)
        {
            do labels[i] = random.Next(classes); while (labels[i] == absent);
            var logits = Enumerable.Range(0, classes).Select(k => random.NextDouble() * 2 + (k == labels[i] ? 0.8 : 0)).ToArray();
            double total = logits.Sum(Math.Exp);
            scores[i] = logits.Select(l => (float)(Math.Exp(l) / total)).ToArray();
            if (step > 0) scores[i] = scores[i].Select(s => MathF.Round(s / step) * step).ToArray();
        }
        return (labels, scores);
    }

    private static StreamingMulticlassMetrics Stream(int[] labels, float[][] scores, int classes)
    {
        var metrics = new StreamingMulticlassMetrics(classes);
        for (int i = 0; i < labels.Length; i++) metrics.Add(labels[i], scores[i]);
        return metrics;
    }

    [Theory]
    [InlineData(4, 0f, -1)]
    [InlineData(4, 0.1f, -1)]
    [InlineData(5, 0.05f, 2)]
    public void EveryMetricAndTheConfusionMatrixMatchMlNet(int classes, float step, int absent)
    {
        var (labels, scores) = Rows(4_000, classes, seed: classes, step, absent);
        var expected = MlNetReference.Multiclass(labels, scores, classes);
        var actual = Stream(labels, scores, classes);
        Assert.Equal(expected.MicroAccuracy, actual.MicroAccuracy, Tolerance);
        Assert.Equal(expected.MacroAccuracy, actual.MacroAccuracy, Tolerance);
        Assert.Equal(expected.LogLoss, actual.LogLoss, Tolerance);
        Assert.Equal(expected.LogLossReduction, actual.LogLossReduction, Tolerance);
        for (int a = 0; a < classes; a++)
        {
            for (int p = 0; p < classes; p++) Assert.Equal(expected.ConfusionMatrix.Counts[a][p], actual.Confusion(a, p));
        }
    }

    [Fact]
    public void ZeroScoresAreClampedAndNonFiniteRowsLeftOutAsMlNetDoes()
    {
        var (labels, scores) = Rows(2_000, 3, seed: 9);
        scores[0] = [0f, 1f, 0f];
        labels[0] = 0;
        for (int i = 5; i < labels.Length; i += 41) scores[i][i % 3] = float.NaN;
        scores[1][2] = float.PositiveInfinity;
        var expected = MlNetReference.Multiclass(labels, scores, 3);
        var actual = Stream(labels, scores, 3);
        Assert.Equal(scores.Count(s => s.Any(v => !float.IsFinite(v))), actual.BadScores);
        Assert.Equal(expected.MicroAccuracy, actual.MicroAccuracy, Tolerance);
        Assert.Equal(expected.MacroAccuracy, actual.MacroAccuracy, Tolerance);
        Assert.Equal(expected.LogLoss, actual.LogLoss, Tolerance);
    }
}
