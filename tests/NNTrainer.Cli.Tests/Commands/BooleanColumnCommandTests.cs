using System.Globalization;
using System.Text;
using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// A feature column of TRUE/FALSE (R's write.csv of a logical, Excel, pandas' bools) trains as 1/0; the files a saved
/// model scores must read the same way, in memory and streaming (R's mlbench Zoo table used to train and then fail
/// `evaluate` on its first row: "column 'hair' must be numeric, but holds 'FALSE'").
/// </summary>
public sealed class BooleanColumnCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The label is the flag except for every tenth row, so a model that reads the flag scores about 0.9.</summary>
    private string Table(string name, int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("size,hair,kind\n");
        for (int i = 0; i < rows; i++)
        {
            bool hair = random.Next(2) == 1;
            bool mammal = i % 10 == 0 ? !hair : hair;
            var flag = (i % 3) switch { 0 => hair ? "TRUE" : "FALSE", 1 => hair ? "true" : "false", _ => hair ? "True" : "False" };
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():0.000},{flag},{(mammal ? "mammal" : "bird")}\n");
        }
        return _dir.Write(name, text.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrueFalseColumnsAreReadAsOneAndZeroWhenAModelScoresAFile(bool streaming)
    {
        var train = Table("train.csv", 400, 1);
        var test = Table("test.csv", 200, 2);
        var model = _dir.File("m.zip");
        string[] args = ["train", train, "--label", "kind", "--out", model, "--epochs", "30", "--no-plots"];
        var trained = CliRunner.Run(_dir.Path, streaming ? [.. args, "--streaming"] : args);
        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.Contains("hair (numeric)", trained.Output);

        var evaluated = CliRunner.Run(_dir.Path, "evaluate", model, test, "--json");
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.DoesNotContain("missing", evaluated.Output);
        using var json = JsonDocument.Parse(evaluated.Output);
        Assert.Equal(200, json.RootElement.GetProperty("rows").GetInt32());
        var metrics = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray()).GetProperty("metrics");
        Assert.InRange(metrics.GetProperty("Accuracy").GetDouble(), 0.85, 0.95);

        var output = _dir.File("predictions.csv");
        var predicted = CliRunner.Run(_dir.Path, "predict", model, test, "--out", output);
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal(201, lines.Length);
        // The prediction follows the flag: TRUE rows are mammals, FALSE rows birds, whatever the flag's case.
        for (int i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            Assert.Equal(bool.Parse(fields[1]) ? "mammal" : "bird", fields[3]);
        }
    }
}
