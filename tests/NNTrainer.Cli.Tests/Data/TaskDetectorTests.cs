using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Data;

public sealed class TaskDetectorTests
{
    [Fact]
    public void TextWithTwoValuesIsBinaryWithTheUsualPositiveName()
    {
        var label = TableColumn.Categorical("y", ["yes", "no", null, "no"]);

        Assert.Equal(TaskKind.Binary, TaskDetector.Detect(label, null));
        Assert.Equal(["no", "yes"], TaskDetector.Classes(label, TaskKind.Binary));
    }

    [Fact]
    public void PlusIsThePositiveClassOfAPlusMinusLabel()
    {
        // UCI's credit approval (creditapproval_train.csv in ML.NET's test data): A16 is '+' (approved) or '-'.
        // In ordinal order '+' comes first, so without the name the '-' class would be the positive one.
        var label = TableColumn.Categorical("A16", ["-", "+", "+", "-"]);
        Assert.Equal(["-", "+"], TaskDetector.Classes(label, TaskKind.Binary));
    }

    [Fact]
    public void BinaryWithoutAUsualPositiveNameTakesTheSecondInOrder()
    {
        var label = TableColumn.Categorical("y", ["dog", "cat", "dog"]);
        Assert.Equal(["cat", "dog"], TaskDetector.Classes(label, TaskKind.Binary));
    }

    [Fact]
    public void SmallIntegersAreClassesInNumericOrder()
    {
        var label = TableColumn.Numeric("digit", [10, 2, 3, 2, 10]);

        Assert.Equal(TaskKind.Multiclass, TaskDetector.Detect(label, null));
        Assert.Equal(["2", "3", "10"], TaskDetector.Classes(label, TaskKind.Multiclass));
    }

    [Fact]
    public void FractionsOrManyIntegersAreRegression()
    {
        Assert.Equal(TaskKind.Regression, TaskDetector.Detect(TableColumn.Numeric("y", [0.5f, 1, 2]), null));
        var many = Enumerable.Range(0, TaskDetector.MaxIntegerClasses + 1).Select(i => (float)i).ToArray();
        Assert.Equal(TaskKind.Regression, TaskDetector.Detect(TableColumn.Numeric("y", many), null));
        Assert.Equal(TaskKind.Multiclass, TaskDetector.Detect(TableColumn.Numeric("y", many[..^1]), null));
    }

    [Fact]
    public void BooleansAreBinary()
    {
        var label = TableColumn.Numeric("ok", [1, 0, 1], isBoolean: true);
        Assert.Equal(TaskKind.Binary, TaskDetector.Detect(label, null));
        Assert.Equal(["false", "true"], TaskDetector.Classes(label, TaskKind.Binary));
    }

    [Fact]
    public void ExplicitTasksAreChecked()
    {
        Assert.Equal(TaskKind.Multiclass, TaskDetector.Detect(TableColumn.Categorical("y", ["a", "b"]), TaskKind.Multiclass));
        Assert.Equal(TaskKind.Regression, TaskDetector.Detect(TableColumn.Numeric("y", [1, 2, 3]), TaskKind.Regression));
        Assert.Equal("--task regression needs a numeric label, but column 'y' holds text such as 'a'.",
            Assert.Throws<CliException>(() => TaskDetector.Detect(TableColumn.Categorical("y", ["a", "b"]), TaskKind.Regression)).Message);
        Assert.Equal("Label column 'y' has no values; at least two different values are needed.",
            Assert.Throws<CliException>(() => TaskDetector.Detect(TableColumn.Categorical("y", [null, null]), null)).Message);
    }

    [Fact]
    public void A_constant_number_is_a_regression_target_only_when_asked_for()
    {
        var constant = TableColumn.Numeric("y", [7, 7, float.NaN, 7]);

        Assert.Equal(TaskKind.Regression, TaskDetector.Detect(constant, TaskKind.Regression));
        Assert.Equal("Label column 'y' has a single value ('7'); at least two different values are needed (or --task regression, to fit a model that predicts that value).",
            Assert.Throws<CliException>(() => TaskDetector.Detect(constant, null)).Message);
        Assert.Equal("Label column 'y' has a single value ('7'); at least two different values are needed (or --task regression, to fit a model that predicts that value).",
            Assert.Throws<CliException>(() => TaskDetector.Detect(constant, TaskKind.Binary)).Message);
        Assert.Equal("Label column 'y' has a single value ('a'); at least two different values are needed.",
            Assert.Throws<CliException>(() => TaskDetector.Detect(TableColumn.Categorical("y", ["a", "a"]), TaskKind.Regression)).Message);
    }
}
