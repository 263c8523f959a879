using NNTrainer.Cli.Commands;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>Parsing the network's options in-process (no training).</summary>
public sealed class NetworkOptionsTests
{
    [Fact]
    public void DefaultsAndGivenValues()
    {
        var options = new NetworkOptions();
        var command = new System.CommandLine.Command("t");
        options.AddTo(command);

        var defaults = options.Read(command.Parse([]));
        // The ML.NET trainers' defaults, from the one place both read them.
        Assert.Equal(NNTrainer.ML.NeuralNetworkDefaults.HiddenLayers, defaults.HiddenLayers);
        Assert.Equal([100], defaults.HiddenLayers);
        Assert.Null(defaults.Epochs);
        Assert.Equal(200, defaults.EpochsFor(150));
        Assert.Equal(10, defaults.EpochsFor(60_000));
        Assert.Equal(32, defaults.BatchSize);
        Assert.Equal(0.001f, defaults.LearningRate);
        Assert.Equal(0.001f, defaults.L2);
        Assert.Equal(0, defaults.ValidationFraction);
        Assert.Equal(0, defaults.Patience);

        var given = options.Read(command.Parse(["--hidden", "128, 32,8", "--epochs", "7", "--learning-rate", "0.01", "--optimizer", "SGD", "--dropout", "0.25", "--seed", "9", "--threads", "2", "--validation-fraction", "0", "--patience", "3"]));
        Assert.Equal([128, 32, 8], given.HiddenLayers);
        Assert.Equal(7, given.Epochs);
        Assert.Equal(0.01f, given.LearningRate);
        Assert.Equal("SGD", given.Optimizer);
        Assert.Equal(0.25f, given.Dropout);
        Assert.Equal(9, given.Seed);
        Assert.Equal(2, given.Threads);
        Assert.Equal(0, given.ValidationFraction);
        Assert.Equal(3, given.Patience);
        Assert.Empty(options.Read(command.Parse(["--hidden", "none"])).HiddenLayers);
    }

    [Theory]
    [InlineData("--batch-size", "0", "--batch-size must be at least 1, not 0.")]
    [InlineData("--threads", "-2", "--threads must be at least 1, not -2.")]
    [InlineData("--validation-fraction", "1", "--validation-fraction must be in [0, 1), not 1.")]
    [InlineData("--l2", "-0.1", "--l2 must be a number ≥ 0, not -0.1.")]
    [InlineData("--activation", "gelu", "--activation must be relu, leakyrelu, tanh or sigmoid, not gelu.")]
    [InlineData("--patience", "-1", "--patience must be 0 or more, not -1.")]
    public void BadValuesAreParseErrors(string option, string value, string message)
    {
        var options = new NetworkOptions();
        var command = new System.CommandLine.Command("t");
        options.AddTo(command);

        var result = command.Parse([option, value]);

        Assert.Equal(message, Assert.Single(result.Errors).Message);
    }
}
