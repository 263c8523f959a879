using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Models;

/// <summary>
/// A model zip saved by the tool before <c>--missing-values</c> existed (round 11, Data/saved-round11: trained on
/// old.csv with <c>--epochs 20 --hidden 4</c>), and what that build's evaluate and predict gave on it.
/// </summary>
public sealed class ModelSchemaTests : IDisposable
{
    private static readonly string Saved = Path.Combine(CliRunner.RepositoryRoot, "tests", "NNTrainer.Cli.Tests", "Models", "Data", "saved-round11");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AModelSavedBeforeTheOptionPredictsAsItDidThen()
    {
        var result = CliRunner.Run(_dir.Path, "predict", Path.Combine(Saved, "old-model.zip"), Path.Combine(Saved, "old.csv"), "--out", _dir.File("p.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(Saved, "old-pred.csv")), File.ReadAllBytes(_dir.File("p.csv")));
        Assert.DoesNotContain("--missing-values", result.Output);
    }

    [Fact]
    public void AModelSavedBeforeTheOptionEvaluatesAsItDidThen()
    {
        var result = CliRunner.Run(_dir.Path, "evaluate", Path.Combine(Saved, "old-model.zip"), Path.Combine(Saved, "old.csv"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var metrics = json.RootElement.GetProperty("results")[0].GetProperty("metrics");
        // As the round-11 build printed them (its --json output, to the last digit).
        Assert.Equal(0.6911111111111111, metrics.GetProperty("AUC").GetDouble());
        Assert.Equal(0.5833333333333334, metrics.GetProperty("Accuracy").GetDouble());
        Assert.Equal(1.0874385676203357, metrics.GetProperty("LogLoss").GetDouble());
        Assert.False(json.RootElement.TryGetProperty("missingValues", out _));
        Assert.False(json.RootElement.TryGetProperty("modelChoice", out _));
    }

    [Fact]
    public void AModelSavedBeforeTheOptionReadsAGivenListWithANote()
    {
        var result = CliRunner.Run(_dir.Path, "evaluate", Path.Combine(Saved, "old-model.zip"), Path.Combine(Saved, "old.csv"), "--missing-values", "?,unknown,size=-999");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Read as missing (--missing-values): '?', 'unknown' in every column but the label; '-999' in 'size'; the model was trained without --missing-values, so these values were read as they are then.", result.Output);
        Assert.Contains("Column 'size': 5 missing values (8.3%) replaced by the training mean.", result.Output);
    }
}
