using System.Globalization;
using System.Text.Json;
using NNTrainer.Cli.Running;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

public sealed class CrossValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FoldsPartitionTheRowsEvenlyAndKeepEachClassShare()
    {
        // 3 classes of 40, 25 and 10 rows, in file order.
        var labels = Enumerable.Repeat(0f, 40).Concat(Enumerable.Repeat(1f, 25)).Concat(Enumerable.Repeat(2f, 10)).ToArray();

        var folds = CrossValidation.Assign(labels, stratify: true, folds: 5, seed: 7);

        Assert.All(folds, f => Assert.InRange(f, 0, 4));
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(15, folds.Count(x => x == f)));
        foreach (var (label, count) in new[] { (0f, 40), (1f, 25), (2f, 10) })
        {
            // A class of n rows lands n/5 times in every fold (rounded either way).
            var perFold = Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, labels.Length).Count(i => folds[i] == f && labels[i] == label)).ToArray();
            Assert.Equal(count, perFold.Sum());
            Assert.InRange(perFold.Max() - perFold.Min(), 0, 1);
        }
        Assert.Equal(folds, CrossValidation.Assign(labels, stratify: true, folds: 5, seed: 7));
        Assert.NotEqual(folds, CrossValidation.Assign(labels, stratify: true, folds: 5, seed: 8));
    }

    [Fact]
    public void UnstratifiedFoldsDifferInSizeByAtMostOneRow()
    {
        var folds = CrossValidation.Assign(new float[23], stratify: false, folds: 4, seed: 1);

        Assert.Equal([6, 6, 6, 5], Enumerable.Range(0, 4).Select(f => folds.Count(x => x == f)));
        Assert.NotEqual(Enumerable.Range(0, 23).Select(i => i % 4), folds);
    }

    [Fact]
    public void TrainWithCvReportsEveryFoldTheirMeanAndSdThenSavesAModelFittedOnAllRows()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var model = _dir.File("model.zip");
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", model, "--epochs", "15", "--cv", "4", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Fold 1/4: training on 180 rows, scoring on 60", result.Output);
        Assert.Contains("Fold 4/4: training on 180 rows, scoring on 60", result.Output);
        Assert.Contains("Cross-validated metrics: 4 folds of the 240 rows, each scored by a fit on the other 3", result.Output);
        Assert.Contains("The saved model was fitted again on all 240 rows for 15 epochs; the metrics above come from 4-fold cross-validation.", result.Output);
        var rows = Table.Parse(result.Output);
        Assert.Equal(["NeuralNetwork, fold 1", "NeuralNetwork, fold 2", "NeuralNetwork, fold 3", "NeuralNetwork, fold 4", "NeuralNetwork, mean of 4 folds", "NeuralNetwork, sd over 4 folds"],
            rows.Select(r => r["Trainer"]));
        // The table prints four decimals: the figures recomputed from the printed folds agree to within their rounding.
        var accuracies = rows.Take(4).Select(r => Table.Number(r, "Accuracy")).ToArray();
        double mean = accuracies.Average();
        Assert.InRange(Math.Abs(mean - Table.Number(rows[4], "Accuracy")), 0, 2e-4);
        Assert.InRange(Math.Abs(Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / 3) - Table.Number(rows[5], "Accuracy")), 0, 2e-4);
        Assert.True(mean >= 0.8, result.Output);
        Assert.True(File.Exists(model));
    }

    [Fact]
    public void JsonSaysTheReportCameFromCrossValidation()
    {
        var csv = _dir.Write("reg.csv", TestCsv.Regression());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "y", "--out", _dir.File("m.zip"), "--epochs", "5", "--cv", "3", "--json", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var measured = root.GetProperty("measuredOn");
        Assert.Equal("cv", measured.GetProperty("method").GetString());
        Assert.Equal(3, measured.GetProperty("folds").GetInt32());
        Assert.Equal(240, measured.GetProperty("rows").GetInt32());
        var folds = root.GetProperty("results").EnumerateArray().Take(3).Select(r => r.GetProperty("metrics").GetProperty("RMSE").GetDouble()).ToArray();
        var cv = root.GetProperty("crossValidation");
        Assert.Equal(folds.Average(), cv.GetProperty("mean").GetProperty("RMSE").GetDouble(), 12);
        Assert.True(cv.GetProperty("sd").GetProperty("R2").GetDouble() >= 0);
        Assert.Equal(240, root.GetProperty("savedModel").GetProperty("rows").GetInt32());
        Assert.Equal(5, root.GetProperty("savedModel").GetProperty("epochs").GetInt32());
    }

    [Fact]
    public void WhenEveryFoldStopsEarlyTheRefitTrainsForTheMeanOfTheirBestEpochs()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), "--cv", "3", "--epochs", "300",
            "--validation-fraction", "0.2", "--patience", "2", "--learning-rate", "0.05", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        var best = System.Text.RegularExpressions.Regex.Matches(result.Output, @"keeps the weights of epoch (\d+), the best")
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, best.Length);
        int expected = (int)Math.Round(best.Average(), MidpointRounding.AwayFromZero);
        Assert.Contains($"The saved model was fitted again on all 240 rows for {expected} epochs; the metrics above come from 3-fold cross-validation.", result.Output);
    }

    [Theory]
    [InlineData("1", "an integer ≥ 2")]
    [InlineData("many", "--cv")]
    public void CvNeedsAtLeastTwoFolds(string value, string expected)
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), "--cv", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.False(File.Exists(_dir.File("m.zip")));
    }

    [Fact]
    public void CvAndTestFractionAreAlternatives()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), "--cv", "5", "--test-fraction", "0.3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cv and --test-fraction are alternatives", result.Error);
    }

    [Fact]
    public void MoreFoldsThanHalfTheRowsIsRefusedNamingTheFile()
    {
        var csv = _dir.Write("small.csv", TestCsv.Multiclass(rows: 30));
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), "--cv", "20");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"--cv 20: {csv} has 30 labelled rows, too few for 20 folds"), result.Error);
    }
}
