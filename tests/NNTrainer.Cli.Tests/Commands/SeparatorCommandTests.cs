using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>A file separated by ';' (decimal commas) or tabs gives the same results as the same table with commas.</summary>
public sealed class SeparatorCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void PredictOnASemicolonFileWithDecimalCommasGivesTheCommaFilesPredictionsAsCommaCsv()
    {
        // TestCsv has no quoted fields: swapping separators and decimal points is exact.
        var semicolon = Path.Combine(models.Directory, "multi-semicolon.csv");
        File.WriteAllLines(semicolon, File.ReadAllLines(models.MulticlassCsv).Select(l => l.Replace(',', ';').Replace('.', ',')));
        models.AssertPredictsAsTheCommaCsv(semicolon, "sep");
    }

    [Fact]
    public void EvaluateOnATabSeparatedFileGivesTheCommaFilesMetrics()
    {
        var tab = Path.Combine(models.Directory, "binary-tab.tsv");
        File.WriteAllLines(tab, File.ReadAllLines(models.BinaryCsv).Select(l => l.Replace(',', '\t')));

        var expected = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, models.BinaryCsv);
        var actual = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, tab);

        Assert.True(expected.ExitCode == 0, expected.ToString());
        Assert.True(actual.ExitCode == 0, actual.ToString());
        Assert.Equal(expected.Output.Replace("binary.csv", "FILE"), actual.Output.Replace("binary-tab.tsv", "FILE"));
    }

    [Fact]
    public void SeparatorOverridesTheGuessAndNamesAnUnevenLine()
    {
        var lines = File.ReadAllLines(models.BinaryCsv).Select(l => l.Replace(',', ';')).ToArray();
        lines[2] += ";extra";
        var uneven = Path.Combine(models.Directory, "binary-uneven.csv");
        File.WriteAllLines(uneven, lines);

        var guessed = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, uneven);
        var given = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, uneven, "--separator", ";");
        var skipped = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, uneven, "--separator", ";", "--skip-bad-rows");
        var wrong = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, uneven, "--separator", ":");

        Assert.Equal(1, guessed.ExitCode);
        Assert.Contains("pass --separator ;", guessed.Error);
        Assert.Equal(1, given.ExitCode);
        Assert.Contains("line 3", given.Error);
        Assert.True(skipped.ExitCode == 0, skipped.ToString());
        Assert.Contains("239 rows", skipped.Output);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--separator", wrong.Error);
    }
}
