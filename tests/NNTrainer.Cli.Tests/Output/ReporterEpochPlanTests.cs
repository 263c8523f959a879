using NNTrainer.Cli.Output;

namespace NNTrainer.Cli.Tests.Output;

/// <summary>
/// The epochs a trainer really runs reach the progress lines: the small-table model choice's linear model trains 3,000
/// full-set epochs where the network was announced with 200, and iris printed "epoch 2620/200" on 150 lines.
/// </summary>
public sealed class ReporterEpochPlanTests
{
    private static string Run(int announced, int planned)
    {
        var output = new StringWriter();
        var reporter = new Reporter(OutputMode.Plain, output, new StringWriter());
        reporter.Train("NeuralNetwork", announced, progress =>
        {
            // The trainer's call through NNTrainer.ML's internal IEpochPlan, which the receiver implements publicly.
            progress!.GetType().GetMethod("Planned")!.Invoke(progress, [planned]);
            for (int e = 1; e <= planned; e++) progress!.Report(new EpochResult(e, 0.5, 0, 0.9, null, null, 0.001f, TimeSpan.Zero));
            return 0;
        });
        return output.ToString();
    }

    [Fact]
    public void AChosenModelsEpochsReplaceTheAnnouncedOnes()
    {
        var text = Run(announced: 200, planned: 3000);
        Assert.Contains("Training NeuralNetwork for 200 epochs...", text);
        Assert.Contains("NeuralNetwork: the model it chose trains for 3,000 epochs.", text);
        var lines = text.Split('\n').Where(l => l.TrimStart().StartsWith("epoch ", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, lines.Count);
        Assert.All(lines, l => Assert.Contains("/3000", l));
        Assert.Contains("epoch 3000/3000", text);
    }

    [Fact]
    public void TheAnnouncedEpochsSayNothingMore()
    {
        var text = Run(announced: 200, planned: 200);
        Assert.DoesNotContain("the model it chose", text);
        Assert.Equal(11, text.Split('\n').Count(l => l.TrimStart().StartsWith("epoch ", StringComparison.Ordinal)));
    }
}
