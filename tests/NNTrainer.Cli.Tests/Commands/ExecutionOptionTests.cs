using System.Text.Json;
using NNTrainer.Cli.Commands;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary><c>--execution auto|reference</c> on train and compare, and the training step in verbose and JSON output.</summary>
public sealed class ExecutionOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CompareRecordsTheStepInJsonAndTheReferenceStepOnRequest()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        string Step(params string[] extra)
        {
            var result = CliRunner.Run(_dir.Path, ["compare", "--csv", csv, "--label", "species", "--epochs", "3", "--json", "--no-plots", "--trainers", "nn", .. extra]);
            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Output);
            var network = json.RootElement.GetProperty("results").EnumerateArray().Single();
            return network.GetProperty("trainingStep").GetString()!;
        }
        Assert.Equal(TrainingStepNames.Reference, Step("--execution", "reference"));
        Assert.Contains(Step(), new[] { TrainingStepNames.FusedClassifier, TrainingStepNames.SmallInputClassifier });
    }

    [Fact]
    public void TrainPrintsTheStepThatRan()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--epochs", "3", "--no-plots", "--execution", "Reference");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NeuralNetwork trained with the Reference step (--execution reference).", result.Output);
    }

    [Fact]
    public void AnUnknownExecutionIsAParseErrorNamingTheOption()
    {
        var options = new NetworkOptions();
        var command = new System.CommandLine.Command("t");
        options.AddTo(command);
        Assert.Equal("--execution must be auto or reference, not fast.", Assert.Single(command.Parse(["--execution", "fast"]).Errors).Message);
        Assert.Equal("auto", options.Read(command.Parse([])).Execution);
    }
}
