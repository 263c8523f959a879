using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary>
/// From 1,000 training rows on (5,000 before round 16) a small network trains the usual way or the long way, whichever a held-out tenth of the
/// rows scores better (round 13): the output says which, and how many epochs the saved fit trained.
/// </summary>
public sealed class LargeTableEpochsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheFinalFitOnTwelveHundredRowsSaysWhichTrainingTheHoldOutChose()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 1_200));

        // Round 18's model choice runs on the measuring fit's 960 rows and takes this near-linear table's linear model,
        // whose progress counts to its own 3,000 epochs; this test is about round 13's choice, made from 1,000 rows on.
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--hidden", "4", "--select-model", "false");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The measuring fit (960 rows) is below 1,000: the usual 200 epochs (10,000 updates capped), counted in its progress lines.
        Assert.Equal(200, NNTrainer.ML.NeuralNetworkDefaults.Epochs(960, 32));
        Assert.Contains("  epoch  200/200  ", result.Output);
        // The final fit (1,200 rows, a few dozen parameters): 200 epochs either way; the long way has a tenth of the penalty.
        var chosen = System.Text.RegularExpressions.Regex.Match(result.Output, @"on all 1,200 rows: (\d+) epochs, the (usual training|long training of a large table) chosen on a stratified tenth of these rows\.");
        Assert.True(chosen.Success, result.Output);
        Assert.Equal("200", chosen.Groups[1].Value);
        Assert.Contains("fitted again on all 1,200 rows for 200 epochs", result.Output);
    }

    [Fact]
    public void ALinearModelTheMeasuringFitChoseIsSavedPastTheChoicesRows()
    {
        // The measuring fit's 960 rows take the near-linear table's linear model (round 18); the refit on 1,200 rows,
        // where no model choice runs, saves that linear model rather than a network the report never measured.
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 1_200));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--hidden", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("uncentred linear model chosen by 10-fold cross-validation on 960 rows", result.Output);
        Assert.Contains("Training NeuralNetwork on all 1,200 rows for 3000 epochs...", result.Output);
        Assert.DoesNotContain("chosen on a stratified tenth", result.Output);
        Assert.Contains("fitted again on all 1,200 rows for 3000 epochs", result.Output);
    }

    [Fact]
    public void WhenTheMeasuringFitChoseTheRefitTakesItsChoiceAndSaysSo()
    {
        // 7,000 rows: the measuring fit's 5,600 already choose; the refit on 7,000 trains the way they chose.
        var json = TrainJson(7_000);
        bool longTraining = json["savedModel"]!["longTraining"]!.GetValue<bool>();
        int epochs = json["savedModel"]!["epochs"]!.GetValue<int>();
        // 7,000 rows in batches of 32: 46 epochs the usual way; the long way the budget's 200 for a few dozen parameters.
        Assert.Equal(longTraining ? 200 : NNTrainer.ML.NeuralNetworkDefaults.Epochs(7_000, 32), epochs);
        Assert.Contains(json["notes"]!.AsArray(), n => n!.GetValue<string>().Contains(
            $"{epochs} epochs, {(longTraining ? "the long training of a large table" : "the usual training")}, as the measuring fit chose on a stratified tenth of its rows.", StringComparison.Ordinal));
    }

    [Fact]
    public void TheMeasuringFitReportsTheCandidateItKeptAndSaysHowManyRowsItTrainedOn()
    {
        var json = TrainJson(7_000);
        var measuredOn = json["measuredOn"]!;
        Assert.Equal(5_600, measuredOn["trainRows"]!.GetValue<long>());
        // The candidate trained on the nine stratified tenths of the measuring fit's 5,600 rows, for its regime's epochs.
        long candidateRows = measuredOn["networkTrainRows"]!.GetValue<long>();
        Assert.InRange(candidateRows, 5_030, 5_050);
        bool longTraining = json["savedModel"]!["longTraining"]!.GetValue<bool>();
        Assert.Equal(longTraining ? 200 : NNTrainer.ML.NeuralNetworkDefaults.Epochs(5_600, 32), json["results"]![0]!["epochs"]!.GetValue<int>());
        Assert.Contains(json["notes"]!.AsArray(), n => n!.GetValue<string>().Contains(
            $"NeuralNetwork scored here is the {(longTraining ? "long" : "usual")} training as it trained on {candidateRows:N0} of the 5,600 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void BelowOneThousandMeasuringRowsTheReportedNetworkTrainedOnAllOfThem()
    {
        var json = TrainJson(1_200); // the measuring fit's 960 rows make no choice; the refit on 1,200 does
        var measuredOn = json["measuredOn"]!;
        Assert.Equal(measuredOn["trainRows"]!.GetValue<long>(), measuredOn["networkTrainRows"]!.GetValue<long>());
        Assert.DoesNotContain(json["notes"]!.AsArray(), n => n!.GetValue<string>().Contains("scored here is the", StringComparison.Ordinal));
    }

    /// <summary>Trains on a generated multiclass table of <paramref name="rows"/> rows (4 hidden neurons) and returns the JSON output.</summary>
    private System.Text.Json.Nodes.JsonNode TrainJson(int rows)
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: rows));
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--hidden", "4", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return System.Text.Json.Nodes.JsonNode.Parse(result.Output)!;
    }

    [Theory]
    [InlineData("false", 46)] // 7,000 rows in batches of 32: about 10,000 updates
    [InlineData("true", 200)] // a few dozen parameters: the budget's cap
    public void LongTrainingForcedEitherWayMakesNoChoice(string value, int epochs)
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 7_000));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--hidden", "4", "--long-training", value);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"fitted again on all 7,000 rows for {epochs} epochs", result.Output);
        Assert.DoesNotContain("chose on a stratified tenth", result.Output);
    }

    [Fact]
    public void AnUnknownLongTrainingValueIsRefusedByName()
    {
        var result = CliRunner.Run(_dir.Path, "train", _dir.Write("multi.csv", TestCsv.Multiclass(rows: 60)), "--label", "species", "--out", _dir.File("model.zip"), "--long-training", "maybe");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--long-training", result.Output + result.Error);
        Assert.Contains("auto, true or false", result.Output + result.Error);
    }
}
