using System.Globalization;
using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// train, evaluate, predict and compare on Parquet files: the same table as CSV and as Parquet gives the same model,
/// metrics and predictions; <c>predict --out x.parquet</c> writes Parquet; errors name the row group, row and column.
/// </summary>
public sealed class ParquetCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private string MulticlassParquet(string name = "multi.parquet") =>
        TestParquet.FromCsv(File.ReadAllText(models.MulticlassCsv), Path.Combine(models.Directory, name), groupRows: 100);

    [Fact]
    public void PredictFromParquetWritesTheSameCsvAsFromCsv()
    {
        var parquet = MulticlassParquet("predict-in.parquet");
        models.AssertPredictsAsTheCommaCsv(parquet, "p-from");
    }

    [Fact]
    public void PredictToParquetKeepsTheColumnTypesAndAddsTypedPredictions()
    {
        var parquet = MulticlassParquet("typed-in.parquet");
        var csvOut = Path.Combine(models.Directory, "typed-reference.csv");
        var parquetOut = Path.Combine(models.Directory, "typed-out.parquet");

        var a = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, models.MulticlassCsv, "--out", csvOut, "-q");
        var b = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, parquet, "--out", parquetOut);

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Contains($"Predictions: {parquetOut}", b.Output);
        var written = TestParquet.Read(parquetOut);
        var input = TestParquet.Read(parquet);
        Assert.Equal(["id", "x1", "x2", "color", "size", "species", "predicted_species", "probability_setosa", "probability_versicolor", "probability_virginica"], written.Keys);
        foreach (var (name, (type, values)) in input)
        {
            Assert.Equal(type, written[name].Type);
            Assert.Equal(values, written[name].Values);
        }
        Assert.Contains(null, written["x1"].Values); // the empty x1 fields stay missing
        Assert.Equal(typeof(float), written["probability_setosa"].Type);
        var reference = File.ReadAllLines(csvOut).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(reference.Length, written["predicted_species"].Values.Length);
        for (int r = 0; r < reference.Length; r++)
        {
            Assert.Equal(reference[r][6], written["predicted_species"].Values[r]);
            Assert.Equal(float.Parse(reference[r][7], CultureInfo.InvariantCulture), written["probability_setosa"].Values[r]);
            Assert.Equal(float.Parse(reference[r][9], CultureInfo.InvariantCulture), written["probability_virginica"].Values[r]);
        }
    }

    [Fact]
    public void EvaluateOnParquetGivesTheMetricsOfTheCsv()
    {
        var parquet = MulticlassParquet("evaluate.parquet");

        var a = CliRunner.Run(models.Directory, "evaluate", models.MulticlassModel, models.MulticlassCsv, "--json");
        var b = CliRunner.Run(models.Directory, "evaluate", models.MulticlassModel, parquet, "--json");

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(Metrics(a.Output), Metrics(b.Output));
        Assert.Equal(240, JsonDocument.Parse(b.Output).RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public void TrainOnParquetGivesTheModelTrainOnCsvGives()
    {
        var csv = Path.Combine(models.Directory, "train-binary.csv");
        File.Copy(models.BinaryCsv, csv, overwrite: true);
        var parquet = TestParquet.FromCsv(File.ReadAllText(csv), Path.Combine(models.Directory, "train-binary.parquet"), groupRows: 50);
        string[] options = ["--label", "churned", "--epochs", "8", "--seed", "3", "--no-plots", "-q"];

        var a = CliRunner.Run(models.Directory, ["train", csv, "--out", Path.Combine(models.Directory, "from-csv.zip"), .. options]);
        var b = CliRunner.Run(models.Directory, ["train", parquet, "--out", Path.Combine(models.Directory, "from-parquet.zip"), .. options]);
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());

        var pa = CliRunner.Run(models.Directory, "predict", Path.Combine(models.Directory, "from-csv.zip"), csv, "--out", Path.Combine(models.Directory, "from-csv.csv"), "-q");
        var pb = CliRunner.Run(models.Directory, "predict", Path.Combine(models.Directory, "from-parquet.zip"), csv, "--out", Path.Combine(models.Directory, "from-parquet.csv"), "-q");
        Assert.True(pa.ExitCode == 0 && pb.ExitCode == 0, pa + "\n" + pb);
        Assert.Equal(File.ReadAllLines(Path.Combine(models.Directory, "from-csv.csv")), File.ReadAllLines(Path.Combine(models.Directory, "from-parquet.csv")));
    }

    [Fact]
    public void CompareAcceptsParquet()
    {
        var parquet = TestParquet.FromCsv(File.ReadAllText(models.BinaryCsv), Path.Combine(models.Directory, "compare.parquet"));

        var a = CliRunner.Run(models.Directory, "compare", "--csv", models.BinaryCsv, "--label", "churned", "--trainers", "nn,sdca", "--epochs", "5", "--no-plots", "--json");
        var b = CliRunner.Run(models.Directory, "compare", "--csv", parquet, "--label", "churned", "--trainers", "nn,sdca", "--epochs", "5", "--no-plots", "--json");

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(Metrics(a.Output), Metrics(b.Output));
    }

    [Fact]
    public void TextInANumericColumnNamesRowGroupRowAndColumnAndWritesNothing()
    {
        var lines = File.ReadAllLines(models.MulticlassCsv);
        var row = lines[150].Split(',');
        row[2] = "oops"; // x2, a numeric feature; the text makes the Parquet column a text column
        lines[150] = string.Join(',', row);
        var parquet = TestParquet.FromCsv(string.Join('\n', lines), Path.Combine(models.Directory, "oops.parquet"), groupRows: 100);
        var output = Path.Combine(models.Directory, "oops-predictions.parquet");

        var result = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, parquet, "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {parquet} row 150 (row group 2, row 50 of the group): column 'x2' must be numeric, but holds 'oops'.", Assert.Single(result.ErrorLines));
        Assert.Empty(Directory.GetFiles(models.Directory, "oops-predictions.parquet*"));
    }

    /// <summary>Each trainer's metrics from a --json output, in order.</summary>
    private static string[] Metrics(string json)
    {
        using var document = JsonDocument.Parse(json);
        var metrics = document.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("metrics").GetRawText()).ToArray();
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.Contains("\"", m));
        return metrics;
    }
}
