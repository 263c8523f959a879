using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary><c>--missing-values</c> through the tool: saved by train, read back by evaluate and predict, replaced when given again.</summary>
public sealed class MissingValueOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>80 rows: size with -999 in every 6th row, color with '?' in every 7th, y from both.</summary>
    private string Csv(string name = "d.csv", Func<int, string>? size = null)
    {
        string[] colors = ["red", "blue", "green"];
        var rows = Enumerable.Range(0, 80).Select(i =>
            $"{(size ?? (r => r % 6 == 0 ? "-999" : $"{r % 9 * 0.5 - 2}"))(i)},{(i % 7 == 0 ? "?" : colors[i % 3])},{((i % 9) + (i % 3 == 0 ? 3 : 0) > 5 ? "yes" : "no")}");
        return _dir.Write(name, "size,color,y\n" + string.Join("\n", rows) + "\n");
    }

    private CliResult Run(params string[] args)
    {
        var result = CliRunner.Run(_dir.Path, args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private string Train(string markers)
    {
        var model = _dir.File("m.zip");
        Run("train", Csv(), "--label", "y", "--out", model, "--epochs", "5", "--no-plots", "--missing-values", markers);
        return model;
    }

    [Fact]
    public void PredictReadsTheModelsMarkersAsBlanks()
    {
        var model = Train("?,-999");
        // The same rows with the markers already blank: the predictions must be the same, line for line.
        var blanks = _dir.Write("b.csv", File.ReadAllText(Csv()).Replace("-999,", ",").Replace(",?,", ",,"));

        Run("predict", model, Csv(), "--out", _dir.File("p.csv"));
        Run("predict", model, blanks, "--out", _dir.File("b-p.csv"));

        var marked = File.ReadAllLines(_dir.File("p.csv")).Skip(1).Select(l => l.Split(',')[^2..]).ToArray();
        var blank = File.ReadAllLines(_dir.File("b-p.csv")).Skip(1).Select(l => l.Split(',')[^2..]).ToArray();
        Assert.Equal(blank, marked);
        // The input rows are copied as written.
        Assert.StartsWith("-999,?,no,", File.ReadAllLines(_dir.File("p.csv"))[1]);
    }

    [Fact]
    public void EvaluateNamesTheMarkersItReadWithAndWhereTheyCameFrom()
    {
        var model = Train("?,size=-999");

        var saved = Run("evaluate", model, Csv(), "--json");
        var replaced = Run("evaluate", model, Csv(), "--missing-values", "?", "--json");

        using var fromModel = JsonDocument.Parse(saved.Output);
        using var fromOption = JsonDocument.Parse(replaced.Output);
        var markers = fromModel.RootElement.GetProperty("missingValues");
        Assert.Equal("model", markers.GetProperty("from").GetString());
        Assert.Equal("?", markers.GetProperty("all")[0].GetString());
        Assert.Equal("-999", markers.GetProperty("columns").GetProperty("size")[0].GetString());
        Assert.Equal("option", fromOption.RootElement.GetProperty("missingValues").GetProperty("from").GetString());
        Assert.Contains(fromOption.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString() == "Read as missing (--missing-values): '?' in every column but the label, "
            + "in place of the model's list, which train read its file with: '?' in every column but the label; '-999' in 'size' (--missing-values \"?,size=-999\").");
        // -999 read as a number, 14 rows far outside the training values: the metrics move.
        Assert.NotEqual(fromModel.RootElement.GetProperty("results")[0].GetProperty("metrics").GetRawText(),
            fromOption.RootElement.GetProperty("results")[0].GetProperty("metrics").GetRawText());
    }

    [Fact]
    public void TrainNamesTheMarkersAndSavesThem()
    {
        var model = _dir.File("m.zip");

        var result = Run("train", Csv(), "--label", "y", "--out", model, "--epochs", "2", "--no-plots", "--json", "--missing-values", "-999");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("-999", json.RootElement.GetProperty("missingValues").GetProperty("all")[0].GetString());
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString() == "Column 'size': 14 missing values (17.5%) replaced by the training mean.");
        using var zip = System.IO.Compression.ZipFile.OpenRead(model);
        using var schema = JsonDocument.Parse(zip.GetEntry("nntrainer/schema.json")!.Open());
        Assert.Equal("-999", schema.RootElement.GetProperty("MissingValues").GetProperty("All")[0].GetString());
    }

    [Fact]
    public void WithoutTheOptionTheSchemaHasNoMarkersAndTheNoteNamesTheOption()
    {
        var model = _dir.File("m.zip");

        var result = Run("train", Csv(), "--label", "y", "--out", model, "--epochs", "1", "--no-plots");

        using var zip = System.IO.Compression.ZipFile.OpenRead(model);
        using var schema = JsonDocument.Parse(zip.GetEntry("nntrainer/schema.json")!.Open());
        Assert.False(schema.RootElement.TryGetProperty("MissingValues", out _));
        Assert.Contains("reads them as missing in category columns too (the category blanks get).", result.Output);
        Assert.Contains("--missing-values \"?\"", result.Output);
    }

    [Fact]
    public void ExportSaysHowToPassTheMarkersToTheOnnxFile()
    {
        var model = Train("?,-999");

        var result = Run("export", model, "--onnx", _dir.File("m.onnx"));

        Assert.Contains("The model was trained reading '?', '-999' in every column but the label as missing (--missing-values): the ONNX file reads its inputs as given, "
            + "so pass those values as a blank would be: NaN in a numeric input, \"(missing)\" in a category input.", result.Output);
    }

    [Fact]
    public void CompareReadsTheMarkersAndNamesThem()
    {
        var result = Run("compare", "--csv", Csv(), "--label", "y", "--trainers", "nn", "--epochs", "1", "--no-plots", "--json", "--missing-values", "-999");
        var spiral = CliRunner.Run(_dir.Path, "compare", "--dataset", "spiral", "--missing-values", "?", "--no-plots");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("-999", json.RootElement.GetProperty("missingValues").GetProperty("all")[0].GetString());
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString() == "Column 'size': 14 missing values (17.5%) replaced by the training mean.");
        Assert.Equal(2, spiral.ExitCode);
        Assert.Contains("--missing-values applies to the values of a --csv file.", spiral.Error);
    }

    [Fact]
    public void AnEmptyListIsAUsageError()
    {
        var result = CliRunner.Run(_dir.Path, "train", Csv(), "--label", "y", "--out", _dir.File("m.zip"), "--missing-values", " ");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--missing-values names no value; give them comma-separated", result.Error);
        Assert.False(File.Exists(_dir.File("m.zip")));
    }

    [Fact]
    public void EvaluateRefusesAColumnTheModelDoesNotRead()
    {
        var model = Train("?");

        var result = CliRunner.Run(_dir.Path, "evaluate", model, Csv(), "--missing-values", "weight=0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--missing-values names column 'weight', which the model does not read; its columns are: size, color, y.", result.Error);
    }

    [Fact]
    public void StreamingTrainingReadsTheMarkersAndSavesThem()
    {
        var model = _dir.File("s.zip");

        var result = Run("train", Csv(), "--label", "y", "--out", model, "--epochs", "2", "--no-plots", "--streaming", "--missing-values", "?,-999");

        Assert.Contains("In the first rows: Column 'size': 14 missing values (17.5%) replaced by the training mean.", result.Output);
        var evaluated = Run("evaluate", model, Csv());
        Assert.Contains("Read as missing, as train read its file (the model's --missing-values): '?', '-999' in every column but the label.", evaluated.Output);
    }
}
