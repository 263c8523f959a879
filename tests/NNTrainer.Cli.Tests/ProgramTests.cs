using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests;

/// <summary>Help, exit codes and one-line errors, with the tool run as a process.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(new string[0], "nntrainer compare")]
    [InlineData(new[] { "--help" }, "nntrainer train data.csv --label species --out model.zip")]
    [InlineData(new[] { "compare", "--help" }, "nntrainer compare --dataset fashion-mnist --max-rows 10000")]
    [InlineData(new[] { "train", "--help" }, "nntrainer train iris.csv --label species --out iris.zip")]
    [InlineData(new[] { "evaluate", "-h" }, "nntrainer evaluate iris.zip iris-test.csv")]
    [InlineData(new[] { "predict", "--help" }, "nntrainer predict iris.zip new-flowers.csv --out predictions.csv")]
    // What the help says --skip-bad-rows and the file argument take is what they do (PredictCommandTests, SeparatorCommandTests).
    [InlineData(new[] { "predict", "--help" }, "for predict and evaluate also a text in a numeric column")]
    [InlineData(new[] { "train", "--help" }, "separated by commas, ';', tabs or '|'")]
    public void HelpHasUsageAndExamples(string[] args, string example)
    {
        var result = CliRunner.Run(_dir.Path, args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("  nntrainer", result.Output);
        Assert.Contains("Examples:", result.Output);
        Assert.Contains(example, result.Output);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData(new[] { "compare", "--epochs", "0" }, "--epochs must be at least 1, not 0.")]
    [InlineData(new[] { "compare", "--hidden", "64,x" }, "--hidden must be comma-separated positive sizes such as 128,64, not '64,x'.")]
    [InlineData(new[] { "compare", "--learning-rate", "-1" }, "--learning-rate must be a positive number, not -1.")]
    [InlineData(new[] { "compare", "--dropout", "1" }, "--dropout must be in [0, 1), not 1.")]
    [InlineData(new[] { "compare", "--optimizer", "lion" }, "--optimizer must be adam, adamw, sgd, rmsprop or adagrad, not lion.")]
    [InlineData(new[] { "compare", "--dataset", "mnist" }, "--dataset must be spiral or fashion-mnist, not mnist.")]
    [InlineData(new[] { "compare", "--task", "ranking", "--csv", "a.csv", "--label", "y" }, "--task must be auto, multiclass, binary or regression, not ranking.")]
    [InlineData(new[] { "compare", "--csv", "a.csv" }, "--csv needs --label COLUMN, the column to predict.")]
    [InlineData(new[] { "compare", "--label", "y" }, "--label applies to --csv files; the built-in data sets have their own labels.")]
    [InlineData(new[] { "compare", "--csv", "a.csv", "--label", "y", "--dataset", "spiral" }, "Give either --csv or --dataset, not both.")]
    [InlineData(new[] { "compare", "--test-fraction", "1.5" }, "--test-fraction must be in (0, 1), not 1.5.")]
    [InlineData(new[] { "compare", "--epochs", "many" }, "many")]
    [InlineData(new[] { "compare", "--test-fraction", "half" }, "half")]
    [InlineData(new[] { "compare", "--bogus" }, "--bogus")]
    [InlineData(new[] { "fit" }, "fit")]
    [InlineData(new[] { "train", "data.csv" }, "Option '--label' is required.")]
    [InlineData(new[] { "train", "data.csv", "--label", "y", "--out", "m.zip", "--trainer", "svm" }, "--trainer must be one of nn, sdca, lbfgs, lightgbm, fasttree, not svm.")]
    [InlineData(new[] { "predict", "m.zip", "data.csv" }, "Option '--out' is required.")]
    [InlineData(new[] { "evaluate", "m.zip" }, "Required argument missing for command: 'evaluate'.")]
    public void BadArgumentsAreUsageErrors(string[] args, string expected)
    {
        var result = CliRunner.Run(_dir.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains(expected));
        Assert.StartsWith("Run 'nntrainer", result.ErrorLines[^1]);
        AssertNoStackTrace(result);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void MissingCsvFile()
    {
        var result = CliRunner.Run(_dir.Path, "train", "nowhere.csv", "--label", "y", "--out", "m.zip");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: File not found: nowhere.csv", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void MissingModelFile()
    {
        var csv = _dir.Write("a.csv", "x,y\n1,2\n");
        var result = CliRunner.Run(_dir.Path, "predict", "nowhere.zip", csv, "--out", "p.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Model file not found: nowhere.zip", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("x,y,label\n1,2,a\n3,4\n5,6,b\n", "line 3: 2 fields, but the header has 3 columns.")]
    [InlineData("x,y,label\n1,2,a\n3,4,b,extra\n", "line 3: 4 fields, but the header has 3 columns.")]
    [InlineData("x,y,label\n1,\"2,a\n", "line 2: a quoted field is never closed.")]
    [InlineData("x,y,label\n1,2\"3,a\n", "line 2: a quote (\") inside an unquoted field")]
    [InlineData("", "is empty: a header row with column names is expected.")]
    [InlineData("x,y,label\n", "has a header but no data rows.")]
    [InlineData("x,x,label\n1,2,a\n", "the header names column 'x' twice.")]
    public void MalformedCsvNamesTheLine(string text, string expected)
    {
        var csv = _dir.Write("bad.csv", text);
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "label", "--out", "m.zip");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: {csv}", line);
        Assert.Contains(expected, line);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void UnknownLabelColumnListsTheColumnsAndSuggests()
    {
        var csv = _dir.Write("data.csv", TestCsv.Binary());
        var result = CliRunner.Run(_dir.Path, "compare", "--csv", csv, "--label", "Churned");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {csv} has no column 'Churned' (the label given by --label) (did you mean 'churned'?); its columns are: age, income, plan, churned.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void UnknownIgnoredColumn()
    {
        var csv = _dir.Write("data.csv", TestCsv.Binary());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--ignore", "salary", "--out", "m.zip");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has no column 'salary' (given by --ignore)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void TaskThatDoesNotFitTheLabel()
    {
        var csv = _dir.Write("data.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--task", "binary", "--out", "m.zip");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --task binary needs exactly two label values, but column 'species' has 3 ('setosa', 'versicolor', 'virginica').", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void TrainerThatDoesNotFitTheTask()
    {
        var csv = _dir.Write("data.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--trainer", "fasttree", "--out", "m.zip");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Trainer 'fasttree' does not support multiclass tasks.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void LabelWithOneValue()
    {
        var csv = _dir.Write("data.csv", "x,y\n1,a\n2,a\n3,a\n");
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "y", "--out", "m.zip");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Label column 'y' has a single value ('a'); at least two different values are needed.", Assert.Single(result.ErrorLines));
    }

    private static void AssertNoStackTrace(CliResult result) =>
        Assert.DoesNotContain(result.ErrorLines, l => l.StartsWith("at ", StringComparison.Ordinal));
}
