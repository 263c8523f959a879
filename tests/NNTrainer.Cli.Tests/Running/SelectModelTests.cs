using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary><c>--select-model</c> (on by default): the saved fit of a small classification table chooses between the network and a linear model, and says so.</summary>
public sealed class SelectModelTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void JsonReportsTheMeasuringFitsChoiceTheRefitKeeps()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 150));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var selection = json.RootElement.GetProperty("modelSelection");
        Assert.Equal(10, selection.GetProperty("folds").GetInt32());
        // The refit on all 150 rows keeps the choice the measuring fit made on its own rows, without new folds.
        Assert.Equal(json.RootElement.GetProperty("measuredOn").GetProperty("trainRows").GetInt32(), selection.GetProperty("rows").GetInt32());
        Assert.True(selection.GetProperty("inherited").GetBoolean());
        var scores = selection.GetProperty("scores").EnumerateArray().ToArray();
        Assert.Equal(["configured", "uncentredlinear"], scores.Select(s => s.GetProperty("candidate").GetString()));
        Assert.InRange(scores[0].GetProperty("heldOutAccuracy").GetDouble(), 0.5, 1);
        // The linear model only when its per-row held-out losses are lower by more than 2 standard errors.
        double mean = selection.GetProperty("marginMean").GetDouble(), se = selection.GetProperty("marginStandardError").GetDouble();
        Assert.Equal(2.0, selection.GetProperty("marginThreshold").GetDouble());
        Assert.Equal(mean > 2 * se ? "uncentredlinear" : "configured", selection.GetProperty("chosen").GetString());
    }

    [Fact]
    public void WithCrossValidationTheRefitKeepsTheFoldsChoiceWhenTheyAgree()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 150));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--json", "--select-model", "true", "--cv", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var selection = json.RootElement.GetProperty("modelSelection");
        // Kept: made on a fold's 100 training rows; made again (the folds disagreed): on all 150.
        Assert.Equal(selection.GetProperty("inherited").GetBoolean() ? 100 : 150, selection.GetProperty("rows").GetInt32());
    }

    [Fact]
    public void EvaluateSaysWhichModelTheChoiceSaved()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 150));
        var trained = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--json", "--select-model", "true");
        Assert.True(trained.ExitCode == 0, trained.ToString());
        using var train = JsonDocument.Parse(trained.Output);
        var chosen = train.RootElement.GetProperty("modelSelection").GetProperty("chosen").GetString();

        var json = CliRunner.Run(_dir.Path, "evaluate", _dir.File("model.zip"), csv, "--json");
        var text = CliRunner.Run(_dir.Path, "evaluate", _dir.File("model.zip"), csv);
        var plain = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("plain.zip"), "--no-plots", "--select-model", "false");
        var plainEvaluated = CliRunner.Run(_dir.Path, "evaluate", _dir.File("plain.zip"), csv, "--json");

        Assert.True(json.ExitCode == 0, json.ToString());
        using var evaluated = JsonDocument.Parse(json.Output);
        Assert.Equal(chosen, evaluated.RootElement.GetProperty("modelChoice").GetString());
        Assert.Contains(chosen == "uncentredlinear" ? "a linear model with ML.NET SDCA's prior" : "the network, which the model choice kept", text.Output);
        // A model that made no choice saves and evaluates as before.
        Assert.True(plain.ExitCode == 0 && plainEvaluated.ExitCode == 0, plain.ToString() + plainEvaluated);
        using var none = JsonDocument.Parse(plainEvaluated.Output);
        Assert.False(none.RootElement.TryGetProperty("modelChoice", out _));
        Assert.DoesNotContain("ModelChoice", SchemaEntry(_dir.File("plain.zip")));
        Assert.Contains($"\"ModelChoice\": \"{chosen}\"", SchemaEntry(_dir.File("model.zip")));
    }

    [Fact]
    public void OnByDefaultSaidInTheNotesAndOffOnRequest()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 150));

        var chosen = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("b.zip"), "--no-plots");
        var off = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("a.zip"), "--no-plots", "--json", "--select-model", "false");

        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.Contains("chosen by 10-fold cross-validation on 120 rows", chosen.Output);
        Assert.Contains("(--select-model); the measuring fit's choice, kept without running the folds again.", chosen.Output);
        Assert.True(off.ExitCode == 0, off.ToString());
        using var json = JsonDocument.Parse(off.Output);
        Assert.False(json.RootElement.TryGetProperty("modelSelection", out _));
    }

    [Fact]
    public void TheProgressCountsToTheLinearModelsOwnEpochs()
    {
        // Three clusters far apart in two features: both models separate them, the weakly penalised linear model with
        // far lower held-out losses on every row, so the folds take it and it trains its own 3,000 full-set epochs.
        var random = new Random(3);
        var text = new System.Text.StringBuilder("a,b,kind\n");
        (double A, double B)[] centres = [(0, 0), (6, 0), (0, 6)];
        for (int i = 0; i < 90; i++)
        {
            var (a, b) = centres[i % 3];
            text.Append(FormattableString.Invariant($"{a + random.NextDouble() - 0.5:0.###},{b + random.NextDouble() - 0.5:0.###},k{i % 3}\n"));
        }
        var csv = _dir.Write("clusters.csv", text.ToString());

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "kind", "--out", _dir.File("model.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("uncentred linear model chosen by 10-fold cross-validation on 72 rows", result.Output);
        Assert.Contains("NeuralNetwork: the model it chose trains for 3,000 epochs.", result.Output);
        Assert.Contains("Training NeuralNetwork on all 90 rows for 3000 epochs...", result.Output);
        Assert.Contains("epoch 3000/3000", result.Output);
        Assert.DoesNotContain("/200 ", result.Output);
    }

    private static string SchemaEntry(string zip)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("nntrainer/schema.json")!.Open());
        return reader.ReadToEnd();
    }
}
