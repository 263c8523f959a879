using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DefaultRunOnTheSpiralShowsLinearTrainersFailWhereTheNetworkDoesNot()
    {
        var result = CliRunner.Run(_dir.Path, "compare");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Table.Parse(result.Output);
        Assert.Equal(["NeuralNetwork", "SdcaMaximumEntropy", "LbfgsMaximumEntropy", "LightGbm"], rows.Select(r => r["Trainer"]));
        Assert.True(Table.Number(rows[0], "Accuracy") >= 0.88, result.Output);
        Assert.True(Table.Number(rows[1], "Accuracy") <= 0.6, result.Output);
        Assert.True(Table.Number(rows[2], "Accuracy") <= 0.6, result.Output);
        Assert.Contains("2,400 training rows, 600 held out", result.Output);
        // The spiral's own length (the tables' ~10,000 updates would be 134 epochs here), no early stopping.
        Assert.Contains("Network for the spiral: hidden layers 64,64, 400 epochs", result.Output);
        Assert.Contains("Training NeuralNetwork for 400 epochs", result.Output);
        Assert.DoesNotContain("stopped after epoch", result.Output);
        // Plots go to ./nntrainer-plots by default and their full paths are printed.
        foreach (var name in new[] { "comparison.png", "learning-curves-neuralnetwork.png", "decision-regions.png" })
        {
            var path = Path.Combine(_dir.Path, "nntrainer-plots", name);
            Assert.Contains(path, result.Output);
            Png.AssertValid(path);
        }
        Assert.Empty(result.Error);
    }

    [Fact]
    public void TheSpiralsNetworkTakesTheGivenEpochsAndLayers()
    {
        var result = CliRunner.Run(_dir.Path, "compare", "--trainers", "nn", "--epochs", "3", "--hidden", "8", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Network for the spiral: hidden layers 8, 3 epochs", result.Output);
        Assert.Contains("Training NeuralNetwork for 3 epochs", result.Output);
    }

    [Fact]
    public void CsvMulticlassWithJsonPrintsOnlyAParsableDocument()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "compare", "--csv", csv, "--label", "species", "--epochs", "10", "--json", "--plots", _dir.File("plots"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("compare", root.GetProperty("command").GetString());
        Assert.Equal("multiclass", root.GetProperty("task").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["NeuralNetwork", "SdcaMaximumEntropy", "LbfgsMaximumEntropy", "LightGbm"], results.Select(r => r.GetProperty("trainer").GetString()));
        foreach (var r in results)
        {
            double accuracy = r.GetProperty("metrics").GetProperty("Accuracy").GetDouble();
            Assert.InRange(accuracy, 0.6, 1.0);
            Assert.True(r.GetProperty("trainSeconds").GetDouble() >= 0);
        }
        Assert.Equal(10, results[0].GetProperty("epochs").GetInt32());
        var notes = root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains("'x1'") && n.Contains("missing") && n.Contains("mean"));
        Assert.Contains(notes, n => n.Contains("'color'") && n.Contains("category of their own"));
        Assert.Contains(notes, n => n.Contains("'id'") && n.Contains("ignored"));
        var plots = root.GetProperty("plots").EnumerateArray().Select(p => p.GetProperty("path").GetString()!).ToList();
        Assert.Equal(2, plots.Count);
        foreach (var plot in plots) Png.AssertValid(plot);
    }

    [Fact]
    public void CsvBinaryIncludesFastTreeAndBinaryMetrics()
    {
        var csv = _dir.Write("binary.csv", TestCsv.Binary());
        var result = CliRunner.Run(_dir.Path, "compare", "--csv", csv, "--label", "churned", "--epochs", "10", "--quiet", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Table.Parse(result.Output);
        Assert.Equal(["NeuralNetwork", "SdcaLogisticRegression", "LbfgsLogisticRegression", "LightGbm", "FastTree"], rows.Select(r => r["Trainer"]));
        foreach (var row in rows)
        {
            Assert.InRange(Table.Number(row, "AUC"), 0.7, 1.0);
            Assert.InRange(Table.Number(row, "F1"), 0.0, 1.0);
        }
        // Quiet: the table and nothing else.
        Assert.DoesNotContain("Training", result.Output);
        Assert.DoesNotContain("epoch", result.Output);
    }

    [Fact]
    public void CsvRegressionWithChosenTrainers()
    {
        var csv = _dir.Write("reg.csv", TestCsv.Regression());
        // Default L2: on 192 rows it is chosen by cross-validation, which keeps this smooth, low-noise curve's penalty weak.
        var result = CliRunner.Run(_dir.Path, "compare", "--csv", csv, "--label", "y", "--trainers", "nn,fasttree", "--epochs", "40", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Table.Parse(result.Output);
        Assert.Equal(["NeuralNetwork", "FastTree"], rows.Select(r => r["Trainer"]));
        Assert.True(Table.Number(rows[0], "R2") > 0.8, result.Output);
        Assert.True(Table.Number(rows[0], "RMSE") > 0, result.Output);
        Assert.Contains("Regression on reg.csv", result.Output);
    }

    [Fact]
    public void The_file_comes_first_as_train_takes_it_and_gives_the_table_of_csv()
    {
        // A user's next command after `train data.csv --label y`; it was refused ("Unrecognized command or argument").
        var csv = _dir.Write("reg.csv", TestCsv.Regression());
        var first = CliRunner.Run(_dir.Path, "compare", csv, "--label", "y", "--trainers", "nn,sdca", "--epochs", "5", "--no-plots");
        var option = CliRunner.Run(_dir.Path, "compare", "--csv", csv, "--label", "y", "--trainers", "nn,sdca", "--epochs", "5", "--no-plots");
        var both = CliRunner.Run(_dir.Path, "compare", csv, "--csv", csv, "--label", "y", "--no-plots");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Regression on reg.csv", first.Output);
        Assert.Equal(Table.Parse(option.Output).Select(r => r["R2"]), Table.Parse(first.Output).Select(r => r["R2"]));
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("Give the file once", both.ToString());
    }

    [Fact]
    public void FashionMnistOnASmallSubset()
    {
        var result = CliRunner.Run(_dir.Path, "compare", "--dataset", "fashion-mnist", "--max-rows", "1200", "--epochs", "3", "--trainers", "nn,sdca", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Table.Parse(result.Output);
        Assert.Equal(["NeuralNetwork", "SdcaMaximumEntropy"], rows.Select(r => r["Trainer"]));
        Assert.True(Table.Number(rows[0], "Accuracy") > 0.6, result.Output);
        Assert.Contains("1,200 training and 200 test images", result.Output);
    }

    [Fact]
    public void MissingFashionMnistSaysHowToGetIt()
    {
        var empty = Directory.CreateDirectory(_dir.File("empty")).FullName;
        var result = CliRunner.Run(_dir.Path, "compare", "--dataset", "fashion-mnist", "--data-dir", empty);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains($"Fashion-MNIST was not found in {empty}", line);
        Assert.Contains("apt-get install -y dataset-fashion-mnist", line);
        Assert.Contains("FASHION_MNIST_DIR", line);
    }
}
