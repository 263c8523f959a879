using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

public sealed class PositiveClassCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private Dictionary<string, string> Evaluate(params string[] extra)
    {
        var result = CliRunner.Run(models.Directory, ["evaluate", models.BinaryModel, models.BinaryCsv, .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return Assert.Single(Table.Parse(result.Output));
    }

    [Fact]
    public void EvaluateReadsTheScoresTheOtherWayRoundForTheOtherClass()
    {
        var yes = Evaluate();
        var no = Evaluate("--positive-class", "no");
        var named = Evaluate("--positive-class", "yes");

        // The ranking is reversed with the labels, so AUC, accuracy and log loss stay (F1 is that of 'no': StreamingEvaluatorTests).
        Assert.Equal(Table.Number(yes, "AUC"), Table.Number(no, "AUC"), 4);
        Assert.Equal(Table.Number(yes, "Accuracy"), Table.Number(no, "Accuracy"), 4);
        Assert.Equal(Table.Number(yes, "LogLoss"), Table.Number(no, "LogLoss"), 3);
        Assert.Equal(yes, named);
    }

    [Fact]
    public void EvaluateSaysWhichClassIsPositive()
    {
        var result = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, models.BinaryCsv, "--positive-class", "no");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Positive class: 'no' (--positive-class; the model was trained with 'yes' positive", result.Output);
    }

    [Fact]
    public void TheJsonOutputNamesThePositiveClass()
    {
        var evaluate = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, models.BinaryCsv, "--positive-class", "no", "--json");
        var train = CliRunner.Run(models.Directory, "train", models.BinaryCsv, "--label", "churned", "--epochs", "1", "--out", Path.Combine(models.Directory, "json-positive.zip"), "--json", "--no-plots");

        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.True(train.ExitCode == 0, train.ToString());
        using var evaluated = System.Text.Json.JsonDocument.Parse(evaluate.Output);
        using var trained = System.Text.Json.JsonDocument.Parse(train.Output);
        Assert.Equal("no", evaluated.RootElement.GetProperty("positiveClass").GetString());
        Assert.Equal("yes", trained.RootElement.GetProperty("positiveClass").GetString());
    }

    [Fact]
    public void AnUnknownClassIsAUsageErrorNamingTheClasses()
    {
        var result = CliRunner.Run(models.Directory, "evaluate", models.BinaryModel, models.BinaryCsv, "--positive-class", "maybe");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--positive-class maybe: label 'churned' has no such class; its classes are 'no' and 'yes'.", result.Error);
    }

    [Fact]
    public void TrainSavesTheChosenClassForPredict()
    {
        var model = Path.Combine(models.Directory, "positive-no.zip");
        var predictions = Path.Combine(models.Directory, "positive-no.csv");

        var train = CliRunner.Run(models.Directory, "train", models.BinaryCsv, "--label", "churned", "--positive-class", "no", "--epochs", "3", "--out", model, "--no-plots");
        var predict = CliRunner.Run(models.Directory, "predict", model, models.BinaryCsv, "--out", predictions);

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Positive class: 'no' (chosen by --positive-class).", train.Output);
        Assert.Contains("binary, positive class 'no'", train.Output);
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.EndsWith(",probability_no", File.ReadLines(predictions).First());
    }

    [Fact]
    public void TrainSaysTheHoldOutIsStratified()
    {
        var result = CliRunner.Run(models.Directory, "train", models.MulticlassCsv, "--label", "species", "--epochs", "2", "--out", Path.Combine(models.Directory, "strat.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Held-out metrics of a measuring fit on 192 rows, scored on the other 48, stratified by class", result.Output);
    }
}
