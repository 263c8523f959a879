using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void NetworkOnMulticlassCsvReportsTheDataSavesAModelAndDrawsLearningCurves()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var model = _dir.File("model.zip");
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", model, "--epochs", "20", "--hidden", "32,16", "--plots", _dir.File("plots"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("label 'species' (multiclass, 3 classes)", result.Output);
        Assert.Contains("x1 (numeric), x2 (numeric), color (categorical), size (numeric)", result.Output);
        int missing = File.ReadAllLines(csv).Skip(1).Count(l => l.Split(',')[1] == "");
        Assert.InRange(missing, 5, 40);
        Assert.Contains($"Column 'x1': {missing} missing values ({100.0 * missing / 240:0.#}%) replaced by the training mean.", result.Output);
        Assert.Contains("Column 'id' has a different text in every row (an identifier?) and was ignored.", result.Output);
        Assert.Contains("epoch   20/20", result.Output);
        // The report comes from a measuring fit on 80 % of the rows; the saved model is refitted on all of them.
        Assert.Contains("Held-out metrics of a measuring fit on 192 rows, scored on the other 48", result.Output);
        Assert.Contains("Training NeuralNetwork on all 240 rows for 20 epochs...", result.Output);
        Assert.Contains("The saved model was fitted again on all 240 rows for 20 epochs; the metrics above come from the measuring fit.", result.Output);
        var row = Assert.Single(Table.Parse(result.Output));
        Assert.Equal("NeuralNetwork", row["Trainer"]);
        Assert.True(Table.Number(row, "Accuracy") >= 0.8, result.Output);
        Assert.Contains($"Model: {model}", result.Output);
        Png.AssertValid(_dir.File("plots/learning-curves-neuralnetwork.png"));

        // A plain ML.NET load works: the file is an ML.NET model zip whose input schema is the CSV's columns.
        var ml = new MLContext();
        var transformer = ml.Model.Load(model, out var inputSchema);
        Assert.Equal(["x1", "x2", "color", "size", "species"], inputSchema.Select(c => c.Name));
        var frame = new DataFrame(
            new SingleDataFrameColumn("x1", [0f, 1f, 2f]),
            new SingleDataFrameColumn("x2", [0f, -1f, -2f]),
            new StringDataFrameColumn("color", ["red", "green", "blue"]),
            new SingleDataFrameColumn("size", [0.5f, 0.5f, 0.5f]),
            new StringDataFrameColumn("species", ["", "", ""]));
        var scored = transformer.Transform(frame);
        var keys = scored.GetColumn<uint>("PredictedLabel").ToArray();
        var argMax = scored.GetColumn<VBuffer<float>>("Score").Select(s => { var v = s.DenseValues().ToArray(); return (uint)Array.IndexOf(v, v.Max()) + 1; }).ToArray();
        Assert.Equal(argMax, keys);
        Assert.Equal([1u, 2u, 3u], keys);
    }

    [Fact]
    public void JsonSaysHowTheReportWasMeasuredAndWhatTheSavedModelSaw()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), "--epochs", "3", "--json", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var measured = json.RootElement.GetProperty("measuredOn");
        Assert.Equal("holdout", measured.GetProperty("method").GetString());
        Assert.Equal(192, measured.GetProperty("trainRows").GetInt32());
        Assert.Equal(48, measured.GetProperty("testRows").GetInt32());
        var saved = json.RootElement.GetProperty("savedModel");
        Assert.Equal(240, saved.GetProperty("rows").GetInt32());
        Assert.Equal(3, saved.GetProperty("epochs").GetInt32());
    }

    [Fact]
    public void StockTrainerModelIsAnOrdinaryMlNetModel()
    {
        var csv = _dir.Write("binary.csv", TestCsv.Binary());
        var model = _dir.File("churn.zip");
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--trainer", "fasttree", "--out", model, "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("positive class 'yes'", result.Output);
        Assert.Contains("Column 'income': ", result.Output);
        Assert.True(Table.Number(Assert.Single(Table.Parse(result.Output)), "AUC") > 0.9, result.Output);

        var ml = new MLContext();
        var transformer = ml.Model.Load(model, out _);
        var frame = new DataFrame(
            new SingleDataFrameColumn("age", [25f, 60f]),
            new SingleDataFrameColumn("income", [80f, 90f]),
            new StringDataFrameColumn("plan", ["basic", "max"]),
            new StringDataFrameColumn("churned", ["", ""]));
        var scored = transformer.Transform(frame);
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        Assert.Equal([true, false], predicted);
    }

    [Fact]
    public void RegressionReachesAGoodFit()
    {
        var csv = _dir.Write("reg.csv", TestCsv.Regression());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "y", "--out", _dir.File("reg.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(Table.Parse(result.Output));
        Assert.True(Table.Number(row, "R2") > 0.9, result.Output);
        // Progress lines show the regression's own figures, not an accuracy that is always 0.
        // Every default: 192 training rows in batches of 32 get the automatic 200 epochs.
        Assert.Matches(@"epoch  200/200  loss \d\.\d{4}  R2 0\.9\d{3}", result.Output);
        Assert.DoesNotContain("acc ", result.Output);
    }

    [Fact]
    public void SameSeedGivesTheSamePredictionsBitForBit()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        string Predictions(string name)
        {
            var model = _dir.File(name + ".zip");
            var train = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", model, "--epochs", "5", "--seed", "7", "--no-plots", "-q");
            Assert.True(train.ExitCode == 0, train.ToString());
            var predict = CliRunner.Run(_dir.Path, "predict", model, csv, "--out", _dir.File(name + ".csv"), "-q");
            Assert.True(predict.ExitCode == 0, predict.ToString());
            return File.ReadAllText(_dir.File(name + ".csv"));
        }

        Assert.Equal(Predictions("first"), Predictions("second"));
    }

    [Fact]
    public void FailedSaveKeepsTheEarlierModel()
    {
        var csv = _dir.Write("reg.csv", TestCsv.Regression());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "y", "--out", _dir.File("no-such-folder/model.zip"), "--epochs", "2", "--no-plots");

        // Refused before training (OutputFileTests) as a usage error.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("folder", Assert.Single(result.ErrorLines));
    }
}
