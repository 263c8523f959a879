using Microsoft.ML;
using NNTrainer.Cli.Commands;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Trainers;
using NNTrainer.ML;

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
        // From 1,000 rows on (round 16; 5,000 before) a small network's epochs are chosen on a hold-out (the long training):
        // not known in advance, even when both trainings run 200 epochs, since their penalties differ.
        Assert.Null(defaults.KnownEpochsFor(16_000, 4_326));
        Assert.Equal(40, defaults.KnownEpochsFor(8_000, 79_510));
        Assert.Null(defaults.KnownEpochsFor(4_999, 100));
        Assert.Null(defaults.KnownEpochsFor(1_000, 100));
        Assert.Equal(200, defaults.KnownEpochsFor(999, 100));
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

    [Fact]
    public void TheL2SwitchesAreOnByDefaultAndTakeFalse()
    {
        var options = new NetworkOptions();
        var command = new System.CommandLine.Command("t");
        options.AddTo(command);

        var defaults = options.Read(command.Parse([]));
        var csharp = new NeuralNetworkRegressionTrainer.Options();
        Assert.Equal((csharp.ScaleL2ForSmallData, csharp.ScaleL2ForLargeData, csharp.CrossValidateL2OnSmallData),
            (defaults.ScaleL2ForSmallData, defaults.ScaleL2ForLargeData, defaults.CrossValidateL2OnSmallData));
        Assert.True(defaults.ScaleL2ForSmallData && defaults.ScaleL2ForLargeData && defaults.CrossValidateL2OnSmallData);

        var off = options.Read(command.Parse(["--scale-l2-small-data", "false", "--scale-l2-large-data", "false", "--cross-validate-l2", "false"]));
        Assert.False(off.ScaleL2ForSmallData || off.ScaleL2ForLargeData || off.CrossValidateL2OnSmallData);
        var one = options.Read(command.Parse(["--scale-l2-large-data", "false"]));
        Assert.Equal((true, false, true), (one.ScaleL2ForSmallData, one.ScaleL2ForLargeData, one.CrossValidateL2OnSmallData));
        Assert.True(options.Read(command.Parse(["--cross-validate-l2"])).CrossValidateL2OnSmallData);
    }

    [Theory]
    [InlineData(true, true, true, "auto")]
    [InlineData(false, true, false, "none")]
    [InlineData(true, false, true, "AUTO")]
    public void TheSwitchesReachTheTrainerOptions(bool small, bool large, bool crossValidate, string schedule)
    {
        var settings = new NetworkSettings { ScaleL2ForSmallData = small, ScaleL2ForLargeData = large, CrossValidateL2OnSmallData = crossValidate, Schedule = schedule };
        var request = new TrainingRequest(new MLContext(seed: 1), TaskKind.Regression, 0, null!, settings, null, CancellationToken.None);

        var options = NeuralNetworkTrainer.Configure(new NeuralNetworkRegressionTrainer.Options(), request);

        Assert.Equal((small, large, crossValidate), (options.ScaleL2ForSmallData, options.ScaleL2ForLargeData, options.CrossValidateL2OnSmallData));
        // auto leaves the schedule to the trainer (a cosine decay on large sets); an explicit none keeps the rate constant.
        Assert.Null(options.LearningRateSchedule);
        Assert.Equal(schedule != "none", options.AnnealLearningRateOnLargeData);
    }

    [Fact]
    public void TheStrongerPenaltySwitchIsOnByDefaultAndFalseTurnsTheCandidateOff()
    {
        var options = new NetworkOptions();
        var command = new System.CommandLine.Command("t");
        options.AddTo(command);
        NeuralNetworkBinaryTrainer.Options Configure(NetworkSettings settings) =>
            NeuralNetworkTrainer.Configure(new NeuralNetworkBinaryTrainer.Options(), new TrainingRequest(new MLContext(seed: 1), TaskKind.Binary, 2, null!, settings, null, CancellationToken.None));

        var defaults = options.Read(command.Parse([]));
        var off = options.Read(command.Parse(["--stronger-penalty", "false"]));

        Assert.Equal(new NeuralNetworkBinaryTrainer.Options().StrongerPenaltyInBand, defaults.StrongerPenaltyInBand);
        Assert.True(Configure(defaults).StrongerPenaltyInBand);
        Assert.False(off.StrongerPenaltyInBand);
        Assert.False(Configure(off).StrongerPenaltyInBand);
        Assert.True(options.Read(command.Parse(["--stronger-penalty", "true"])).StrongerPenaltyInBand);
        // Nothing on the command line forces it: only the refit, taking its measuring fit's regime.
        Assert.False(defaults.StrongerPenalty);
        Assert.Null(Configure(defaults).LongTrainingOnLargeData);
    }

    [Theory]
    [InlineData("Usual", false, false)]
    [InlineData("Long", true, false)]
    [InlineData("StrongerPenalty", false, true)]
    public void ARegimeTakenWithoutAChoiceReachesTheTrainerOptions(string regime, bool longTraining, bool stronger)
    {
        var settings = new NetworkSettings().Taking(Enum.Parse<TrainingRegime>(regime));
        var request = new TrainingRequest(new MLContext(seed: 1), TaskKind.Binary, 2, null!, settings, null, CancellationToken.None);

        var options = NeuralNetworkTrainer.Configure(new NeuralNetworkBinaryTrainer.Options(), request);

        // The ML option that forces the stronger penalty is internal to the trainers; the end-to-end refit tests
        // (StrongerPenaltyChoiceTests) show it reaches them.
        Assert.Equal(longTraining, options.LongTrainingOnLargeData);
        Assert.Equal(stronger, settings.StrongerPenalty);
        // The stronger penalty trains the usual length: its epochs are known before it starts.
        Assert.Equal(longTraining ? NeuralNetworkDefaults.Epochs(2_000, 32, 3_301) : settings.EpochsFor(2_000), settings.KnownEpochsFor(2_000, 3_301));
    }

    [Theory]
    [InlineData("--scale-l2-large-data", "maybe")]
    [InlineData("--cross-validate-l2", "1")]
    [InlineData("--stronger-penalty", "maybe")]
    public void ASwitchTakesTrueOrFalse(string option, string value)
    {
        var options = new NetworkOptions();
        var command = new System.CommandLine.Command("t");
        options.AddTo(command);

        var error = Assert.Single(command.Parse([option, value]).Errors).Message;

        Assert.Contains(value, error);
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
