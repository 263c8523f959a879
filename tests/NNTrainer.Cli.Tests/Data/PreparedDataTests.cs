using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class PreparedDataTests
{
    [Fact]
    public void SplitIsASeededPartitionInFileOrder()
    {
        var (train, test) = HoldOutSplit.Random(100, 0.2, seed: 3);

        Assert.Equal(20, test.Length);
        Assert.Equal(80, train.Length);
        Assert.Equal(Enumerable.Range(0, 100), train.Concat(test).Order());
        Assert.Equal(train.Order(), train);
        Assert.Equal(test.Order(), test);
        var again = HoldOutSplit.Random(100, 0.2, seed: 3);
        Assert.Equal(train, again.Train);
        Assert.Equal(test, again.Test);
        Assert.NotEqual(test, HoldOutSplit.Random(100, 0.2, seed: 4).Test);
    }

    [Fact]
    public void TooFewRowsToHoldAnyOut()
    {
        var table = new CsvTable("tiny.csv", [TableColumn.Numeric("x", [1, 2]), TableColumn.Categorical("y", ["a", "b"])], [2, 3]);
        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        var error = Assert.Throws<CliException>(() => PreparedData.FromProblem(new Microsoft.ML.MLContext(), problem, 0.2, 0, ""));

        Assert.StartsWith("tiny.csv: 2 labelled rows are too few to hold out 20", error.Message);
    }
}
