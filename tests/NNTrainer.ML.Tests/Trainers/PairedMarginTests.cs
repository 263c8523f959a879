namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// The paired one-sided test of round 17: one model's per-row losses count as clearly lower than another's only when
/// their mean difference exceeds z standard errors of it.
/// </summary>
public sealed class PairedMarginTests
{
    [Fact]
    public void ALowerLossOnEveryRowClearsTheBarWithTheHandComputedMargin()
    {
        // d = 0.5, 0.5, 1.0, 0.5: mean 0.625, sd 0.25, standard error 0.125, so 5 standard errors.
        double[] a = [1, 2, 3, 4], b = [0.5, 1.5, 2.0, 3.5];
        var margin = PairedMargin.Of(a, b);
        Assert.Equal(new PairedMargin(0.625, 0.125, 4), margin);
        Assert.True(PairedMargin.ClearlyLower(a, b, 2));
        Assert.True(PairedMargin.ClearlyLower(a, b, 4.9));
        Assert.False(PairedMargin.ClearlyLower(a, b, 5)); // exactly 5 standard errors is not more than 5
        Assert.False(PairedMargin.ClearlyLower(b, a, 2)); // the other way round the difference is negative
    }

    [Fact]
    public void ALowerMeanWithinTheRowsNoiseIsNotClearlyLower()
    {
        // b's mean 0.95 is below a's 1.0, but d = 0.3, -0.2, 0.3, -0.2: mean 0.05, standard error 0.144, 0.35 of one.
        double[] a = [1, 1, 1, 1], b = [0.7, 1.2, 0.7, 1.2];
        var margin = PairedMargin.Of(a, b);
        Assert.Equal(0.05, margin.Mean, 12);
        Assert.Equal(Math.Sqrt(0.25 / 3) / 2, margin.StandardError, 12);
        Assert.False(PairedMargin.ClearlyLower(a, b, 2));
        Assert.False(PairedMargin.ClearlyLower(a, b, 1));
        Assert.True(PairedMargin.ClearlyLower(a, b, 0.3));
    }

    [Fact]
    public void TooFewRowsOrALossThatIsNotFiniteNeverClearsAndUnequalRowsAreRefused()
    {
        Assert.False(PairedMargin.ClearlyLower([2.0], [1.0], 2)); // one row: no standard error
        Assert.False(PairedMargin.ClearlyLower([], [], 0));
        Assert.False(PairedMargin.ClearlyLower([double.PositiveInfinity, 1], [0.5, 0.5], 2));
        Assert.True(PairedMargin.ClearlyLower([1, 1, 1], [0.5, 0.5, 0.5], 2)); // the same gain on every row
        var error = Assert.Throws<ArgumentException>(() => PairedMargin.Of([1.0, 2.0], [1.0]));
        Assert.Contains("2 losses against 1", error.Message);
    }
}
