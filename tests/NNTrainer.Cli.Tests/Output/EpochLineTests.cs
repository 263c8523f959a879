using NNTrainer.Cli.Output;

namespace NNTrainer.Cli.Tests.Output;

public sealed class EpochLineTests
{
    [Fact]
    public void ShortRunsPrintEveryEpochLongRunsAboutTen()
    {
        Assert.All(Enumerable.Range(1, 20), e => Assert.True(EpochLine.ShouldPrint(e, 20)));
        Assert.Equal([1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], Enumerable.Range(1, 100).Where(e => EpochLine.ShouldPrint(e, 100)));
        Assert.Equal([1, 4, 8, 12, 16, 20, 24, 28, 32, 35], Enumerable.Range(1, 35).Where(e => EpochLine.ShouldPrint(e, 35)));
    }

    [Fact]
    public void FiguresIncludeValidationWhenThere()
    {
        var plain = new EpochResult(3, 0.5, 0, 0.75, null, null, 0.001f, TimeSpan.Zero);
        Assert.Equal("loss 0.5000  acc 0.7500", EpochLine.Figures(plain));
        Assert.Equal("loss 0.5000  acc 0.7500  val_loss 0.6000  val_acc 0.7000", EpochLine.Figures(plain with { ValidationLoss = 0.6, ValidationAccuracy = 0.7 }));
    }

    [Fact]
    public void RegressionShowsRSquaredNotAccuracy()
    {
        // The label is standardised, so the loss is in units of its variance: R² = 1 − loss.
        var epoch = new EpochResult(3, 0.25, 0, 0, null, null, 0.001f, TimeSpan.Zero);
        Assert.Equal("loss 0.2500  R2 0.7500", EpochLine.Figures(epoch, regression: true));
        Assert.Equal("loss 0.2500  R2 0.7500  val_loss 0.4000  val_R2 0.6000", EpochLine.Figures(epoch with { ValidationLoss = 0.4, ValidationAccuracy = 0 }, regression: true));
    }
}
