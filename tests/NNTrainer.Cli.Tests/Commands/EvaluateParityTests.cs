using System.Text.Json;
using Microsoft.ML;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// The command's streaming metrics against ML.NET's evaluators run on ML.NET's own scoring of the whole file (what
/// evaluate computed before it streamed), for a saved binary and multiclass network.
/// </summary>
public sealed class EvaluateParityTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MetricsInTheJsonAreMlNetsOnTheSameFile(bool binary)
    {
        string model = binary ? models.BinaryModel : models.MulticlassModel, csv = binary ? models.BinaryCsv : models.MulticlassCsv;
        var result = CliRunner.Run(models.Directory, "evaluate", model, csv, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var metrics = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray()).GetProperty("metrics");

        var ml = new MLContext(seed: 0);
        var loaded = ModelFile.Load(model, ml);
        var expected = ModelEvaluator.Evaluate(ml, loaded.Schema.Task, loaded.Score(TableDataView.Create(CsvTable.Load(csv), loaded.Schema, labelRequired: true)));
        Assert.Equal(expected.Values.Select(m => m.Name), metrics.EnumerateObject().Select(p => p.Name));
        // The command scores with the batch kernels, within 1e-5 of ML.NET's one-row scores (BlockScorer's check).
        foreach (var metric in expected.Values) Assert.Equal(metric.Value, metrics.GetProperty(metric.Name).GetDouble(), 1e-4);
    }
}
