using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Evaluation;

public sealed class RankingCurveTests
{
    [Fact]
    public void AucOfAHandWorkedExampleCountsTiesHalf()
    {
        // Positives 3, 2, 1; negatives 2, 0. Pairs won: (3>2, 3>0, 2=2 half, 2>0, 1>0) = 4.5 of 6.
        var curve = new RankingCurve();
        foreach (var (s, p) in new[] { (3f, true), (2f, true), (1f, true), (2f, false), (0f, false) }) curve.Add(s, p);
        Assert.Equal(0.75, curve.Auc(), 15);
    }

    [Fact]
    public void OrderedBitsSortLikeTheFloatsAndMapBothZerosAlike()
    {
        float[] values = [float.NegativeInfinity, -3e30f, -1f, -1e-30f, 0f, 1e-45f, 0.5f, 1f, 7e20f, float.PositiveInfinity];
        for (int i = 1; i < values.Length; i++) Assert.True(RankingCurve.OrderedBits(values[i - 1]) < RankingCurve.OrderedBits(values[i]));
        Assert.Equal(RankingCurve.OrderedBits(0f), RankingCurve.OrderedBits(-0f));
    }

    [Fact]
    public void SwitchingToBinsKeepsTheRowsAlreadySeen()
    {
        var exact = new RankingCurve();
        var binned = new RankingCurve(exactLimit: 100);
        var random = new Random(1);
        for (int i = 0; i < 1_000; i++)
        {
            // Scores 0..63 in whole numbers: one per bin, so the binned area equals the exact one.
            float score = random.Next(64);
            bool positive = random.NextDouble() < 0.3 + score / 128;
            exact.Add(score, positive);
            binned.Add(score, positive);
        }
        Assert.True(binned.IsBinned);
        Assert.False(exact.IsBinned);
        Assert.Equal(exact.Positives, binned.Positives);
        Assert.Equal(exact.Auc(), binned.Auc(), 12);
        Assert.True(binned.AucErrorBound() > 0);
    }
}
