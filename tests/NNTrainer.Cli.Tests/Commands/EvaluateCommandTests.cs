using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

public sealed class EvaluateCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void NetworkModelOnItsTrainingFile()
    {
        var result = CliRunner.Run(models.Directory, "evaluate", models.MulticlassModel, models.MulticlassCsv);

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(Table.Parse(result.Output));
        Assert.Equal("NeuralNetwork", row["Trainer"]);
        Assert.InRange(Table.Number(row, "Accuracy"), 0.85, 1.0);
        Assert.InRange(Table.Number(row, "LogLoss"), 0.0, 0.6);
        Assert.Contains("240 rows", result.Output);
    }

    [Fact]
    public void JsonForTheBinaryModel()
    {
        var result = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, models.BinaryCsv, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var metrics = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray()).GetProperty("metrics");
        Assert.InRange(metrics.GetProperty("AUC").GetDouble(), 0.95, 1.0);
        Assert.Equal(240, json.RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public void RowsWithoutALabelAreSkippedAndSaidSo()
    {
        var lines = File.ReadAllLines(models.MulticlassCsv);
        lines[1] = lines[1][..lines[1].LastIndexOf(',')] + ",";
        var csv = Path.Combine(models.Directory, "unlabelled-row.csv");
        File.WriteAllLines(csv, lines);

        var result = CliRunner.Run(models.Directory, "evaluate", models.MulticlassModel, csv);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 of 240 rows have no value in label column 'species' and were skipped.", result.Output);
        Assert.Contains("239 rows", result.Output);
    }

    [Fact]
    public void FileWithoutTheLabelColumnIsOneClearError()
    {
        var csv = Path.Combine(models.Directory, "no-label.csv");
        File.WriteAllLines(csv, File.ReadAllLines(models.MulticlassCsv).Select(l => l[..l.LastIndexOf(',')]));

        var result = CliRunner.Run(models.Directory, "evaluate", models.MulticlassModel, csv);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has no column 'species' (the label the model was trained to predict)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void UnknownClassNamesTheLine()
    {
        var lines = File.ReadAllLines(models.MulticlassCsv);
        lines[5] = lines[5].Replace("setosa", "daisy").Replace("versicolor", "daisy").Replace("virginica", "daisy");
        var csv = Path.Combine(models.Directory, "unknown-class.csv");
        File.WriteAllLines(csv, lines);

        var result = CliRunner.Run(models.Directory, "evaluate", models.MulticlassModel, csv);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {csv} line 6: label 'daisy' is not one of the model's classes (setosa, versicolor, virginica).", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void NotAModelFile()
    {
        var result = CliRunner.Run(models.Directory, "evaluate", models.MulticlassCsv, models.MulticlassCsv);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: Model file {models.MulticlassCsv} is not a readable zip: ", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void ADamagedModelZipIsOneErrorLineNamingTheEntry()
    {
        var damaged = Path.Combine(models.Directory, "damaged-evaluate.zip");
        string entry = DamagedModel.WithWrongCrc(models.MulticlassModel, damaged);

        var result = CliRunner.Run(models.Directory, "evaluate", damaged, models.MulticlassCsv);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: Model file {damaged}: entry '{entry}' is damaged: its data has CRC-32 ", Assert.Single(result.ErrorLines));
    }
}
