using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

public sealed class ExportCommandTests(TrainedModels models, ITestOutputHelper output) : IClassFixture<TrainedModels>
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void MulticlassOnnxModelGivesThePredictCommandsProbabilitiesFromTheCsvColumns()
    {
        var onnx = Path.Combine(models.Directory, "multi.onnx");
        var result = CliRunner.Run(models.Directory, "export", models.MulticlassModel, "--onnx", onnx);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"ONNX model: {onnx}", result.Output);
        Assert.Contains("PredictedLabel is the class number: 1 = setosa, 2 = versicolor, 3 = virginica.", result.Output);

        var predictions = Predict(models.MulticlassModel, models.MulticlassCsv, "multi");
        var (scores, labels) = RunOnnx(onnx, models.MulticlassModel, models.MulticlassCsv, "Score", "PredictedLabel");
        double difference = 0;
        for (int r = 0; r < predictions.Length; r++)
        {
            for (int k = 0; k < 3; k++) difference = Math.Max(difference, Math.Abs(scores[r * 3 + k] - double.Parse(predictions[r][^(3 - k)], CultureInfo.InvariantCulture)));
            Assert.Equal(predictions[r][^4], TestCsv.Species[(int)((uint[])labels)[r] - 1]);
        }
        output.WriteLine($"multiclass: max |onnx - predict| = {difference:E2} over {predictions.Length} rows");
        Assert.InRange(difference, 0, Tolerance);
    }

    [Fact]
    public void BinaryAndRegressionNetworksExportToo()
    {
        using var dir = new TempDirectory();
        var binaryCsv = dir.Write("binary.csv", TestCsv.Binary());
        var regressionCsv = dir.Write("regression.csv", TestCsv.Regression());
        foreach (var (csv, label, task) in new[] { (binaryCsv, "churned", "binary"), (regressionCsv, "y", "regression") })
        {
            var model = dir.File($"{task}.zip");
            var onnx = dir.File($"{task}.onnx");
            var train = CliRunner.Run(dir.Path, "train", csv, "--label", label, "--out", model, "--epochs", "10", "--no-plots", "--quiet");
            Assert.True(train.ExitCode == 0, train.ToString());

            var result = CliRunner.Run(dir.Path, "export", model, "--onnx", onnx, "--json", "--opset", "17");

            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Output);
            Assert.Equal("export", json.RootElement.GetProperty("command").GetString());
            var outputs = json.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var predictions = Predict(model, csv, task);
            if (task == "binary")
            {
                Assert.Equal<string>(["Score", "Probability", "PredictedLabel"], outputs);
                var (probability, predicted) = RunOnnx(onnx, model, csv, "Probability", "PredictedLabel");
                double difference = 0;
                for (int r = 0; r < predictions.Length; r++)
                {
                    difference = Math.Max(difference, Math.Abs(probability[r] - double.Parse(predictions[r][^1], CultureInfo.InvariantCulture)));
                    Assert.Equal(predictions[r][^2], ((bool[])predicted)[r] ? "yes" : "no");
                }
                output.WriteLine($"binary: max |onnx - predict| = {difference:E2}");
                Assert.InRange(difference, 0, Tolerance);
            }
            else
            {
                Assert.Equal<string>(["Score"], outputs);
                var (score, _) = RunOnnx(onnx, model, csv, "Score", null);
                double difference = predictions.Select((p, r) => Math.Abs(score[r] - double.Parse(p[^1], CultureInfo.InvariantCulture))).Max();
                output.WriteLine($"regression: max |onnx - predict| = {difference:E2}");
                Assert.InRange(difference, 0, Tolerance);
            }
        }
    }

    [Fact]
    public void AStockTrainersModelIsOneClearError()
    {
        var onnx = Path.Combine(models.Directory, "never.onnx");

        var result = CliRunner.Run(models.Directory, "export", models.BinaryModel, "--onnx", onnx);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {models.BinaryModel} holds a LightGbm model; only neural-network models (--trainer nn) can be exported to ONNX.", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(onnx));
    }

    [Fact]
    public void BadArgumentsAreOneClearErrorAndLeaveNoFile()
    {
        var missingFolder = Path.Combine(models.Directory, "no-such-folder", "m.onnx");
        var result = CliRunner.Run(models.Directory, "export", models.MulticlassModel, "--onnx", missingFolder);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: Cannot write the ONNX model to {missingFolder}: folder {Path.GetDirectoryName(missingFolder)} does not exist.", Assert.Single(result.ErrorLines));

        var notAModel = Path.Combine(models.Directory, "not-a-model.zip");
        File.WriteAllText(notAModel, "hello");
        result = CliRunner.Run(models.Directory, "export", notAModel, "--onnx", Path.Combine(models.Directory, "x.onnx"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: Model file {notAModel} is not a readable zip: ", Assert.Single(result.ErrorLines));

        result = CliRunner.Run(models.Directory, "export", models.MulticlassModel, "--onnx", Path.Combine(models.Directory, "x.onnx"), "--opset", "12");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--opset", result.ErrorLines[0]);
        Assert.Contains("from 13 to 17", result.ErrorLines[0]);

        result = CliRunner.Run(models.Directory, "export", models.MulticlassModel);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--onnx", result.Error);
        Assert.False(File.Exists(Path.Combine(models.Directory, "x.onnx")));
    }

    [Fact]
    public void ADamagedModelZipIsOneErrorLineNamingTheEntry()
    {
        var damaged = Path.Combine(models.Directory, "damaged-export.zip");
        string entry = DamagedModel.WithWrongCrc(models.MulticlassModel, damaged);

        var result = CliRunner.Run(models.Directory, "export", damaged, "--onnx", Path.Combine(models.Directory, "damaged.onnx"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: Model file {damaged}: entry '{entry}' is damaged: its data has CRC-32 ", Assert.Single(result.ErrorLines));
    }

    /// <summary>The rows of <c>nntrainer predict</c>'s output, split into fields (no quoting in these files).</summary>
    private string[][] Predict(string model, string csv, string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(model)!, $"export-predictions-{name}.csv");
        var result = CliRunner.Run(Path.GetDirectoryName(model)!, "predict", model, csv, "--out", path, "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();
    }

    /// <summary>Runs the ONNX file on the CSV's feature columns, read exactly as the tool reads them (missing numbers as NaN).</summary>
    private static (float[] First, Array Second) RunOnnx(string onnx, string model, string csv, string first, string? second)
    {
        var schema = ModelFile.Load(model, new MLContext(seed: 0)).Schema;
        var view = TableDataView.Create(CsvTable.Load(csv), schema, labelRequired: false);
        var inputs = new List<NamedOnnxValue>();
        foreach (var feature in schema.Features)
        {
            var column = view.Schema[feature.Name];
            if (column.Type is TextDataViewType)
            {
                var values = view.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();
                inputs.Add(NamedOnnxValue.CreateFromTensor(feature.Name, new DenseTensor<string>(values, [values.Length, 1])));
            }
            else
            {
                var values = view.GetColumn<float>(column).ToArray();
                inputs.Add(NamedOnnxValue.CreateFromTensor(feature.Name, new DenseTensor<float>(values, [values.Length, 1])));
            }
        }
        using var session = new InferenceSession(onnx);
        using var results = session.Run(inputs);
        var firstValues = results.Single(r => r.Name == first).AsTensor<float>().ToArray();
        Array secondValues = second is null ? Array.Empty<float>() : results.Single(r => r.Name == second).Value switch
        {
            Tensor<uint> t => t.ToArray(),
            Tensor<bool> t => t.ToArray(),
            var v => throw new InvalidOperationException(v.GetType().Name),
        };
        return (firstValues, secondValues);
    }
}
