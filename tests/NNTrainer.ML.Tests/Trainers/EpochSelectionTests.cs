using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

public sealed class EpochSelectionTests
{
    [Fact]
    public void OffByDefaultAndBelowTheRowThresholdTheModelIsUnchangedBitForBit()
    {
        Assert.False(new NeuralNetworkBinaryTrainer.Options().ChooseEpochsOnHoldOut);
        var rows = TestData.Circle(NeuralNetworkDefaults.HoldOutEpochsRowsFrom - 1, seed: 3);

        var (off, offEpochs) = Train(rows, holdOut: false);
        var (on, onEpochs) = Train(rows, holdOut: true);

        Assert.Equal(NeuralNetworkDefaults.Epochs(rows.Count, NeuralNetworkDefaults.BatchSize), onEpochs);
        Assert.Equal(offEpochs, onEpochs);
        Assert.Equal(off, on);
    }

    [Fact]
    public void LabelsThatAreNoiseGetTheStrongerPenaltyAndKeepTheAutomaticEpochs()
    {
        // Labels drawn independently of the features: whatever the network learns is noise, so the held-out loss is best
        // within the first epochs, and lower with the stronger penalty. The hold-out never shortens training.
        var rows = TestData.Circle(1_200, seed: 5);
        var random = new Random(6);
        foreach (var row in rows) row.Label = random.NextDouble() < 0.5;

        var model = Fit(rows, holdOut: true);

        Assert.Equal(NeuralNetworkDefaults.Epochs(rows.Count, NeuralNetworkDefaults.BatchSize), model.History.Epochs.Count);
        float rule = new NeuralNetworkBinaryTrainer.Options().EffectiveL2Regularization(rows.Count);
        Assert.All(model.Network.Layers.OfType<DenseLayer>(), dense => Assert.Equal(10 * rule, dense.Weights.L2, 1e-6f));
    }

    [Fact]
    public void ACleanBoundaryOnManyRowsTrainsLongerThanTheRule()
    {
        // 3,200 rows in batches of 32 give the rule 100 epochs; a clean circle's held-out loss is still falling then.
        var rows = TestData.Circle(3_200, seed: 8);

        int rule = NeuralNetworkDefaults.Epochs(rows.Count, NeuralNetworkDefaults.BatchSize);
        var model = Fit(rows, holdOut: true);

        Assert.Equal(100, rule);
        Assert.InRange(model.History.Epochs.Count, rule + 1, NeuralNetworkDefaults.MaximumEpochs);
        Assert.Equal(model.History.Epochs.Count, Fit(rows, holdOut: true).History.Epochs.Count);
    }

    [Fact]
    public void TheHoldOutChoosesTheEpochWithTheLowestHeldOutLoss()
    {
        var rows = TestData.Circle(1_000, seed: 7);
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options { Seed = 2, NumberOfThreads = 1, ChooseEpochsOnHoldOut = true };
        var set = TrainingSetReaderFor(mlContext, rows);

        var choice = EpochSelection.Choose(options, set, seed: 2,
            (l2, n) => NetworkFactory.Create(options, 4, 1, new SigmoidActivation(), 2, 1, n, l2), () => new BinaryCrossEntropyLoss());

        // A clean circle keeps improving: the measurement runs long, and the rules' penalty beats ten times it.
        Assert.InRange(choice.Epochs, 20, NeuralNetworkDefaults.MaximumEpochs);
        Assert.Null(choice.L2);
        Assert.True(double.IsFinite(choice.HeldOutLoss) && choice.HeldOutLoss < 0.3, $"held-out loss {choice.HeldOutLoss}");
    }

    [Fact]
    public void AValidationSetOrFixedEpochsTurnItOff()
    {
        var options = new NeuralNetworkBinaryTrainer.Options { ChooseEpochsOnHoldOut = true };
        Assert.True(EpochSelection.Applies(options, NeuralNetworkDefaults.HoldOutEpochsRowsFrom));
        Assert.False(EpochSelection.Applies(options, NeuralNetworkDefaults.HoldOutEpochsRowsFrom - 1));
        Assert.False(EpochSelection.Applies(new NeuralNetworkBinaryTrainer.Options { ChooseEpochsOnHoldOut = true, NumberOfEpochs = 5 }, 5_000));
        Assert.False(EpochSelection.Applies(new NeuralNetworkBinaryTrainer.Options { ChooseEpochsOnHoldOut = true, ValidationSetFraction = 0.1f }, 5_000));
        Assert.False(EpochSelection.Applies(new NeuralNetworkBinaryTrainer.Options { ChooseEpochsOnHoldOut = true, EarlyStoppingPatience = 3 }, 5_000));
        Assert.False(EpochSelection.Applies(new NeuralNetworkBinaryTrainer.Options(), 5_000));
    }

    private static NeuralNetworkBinaryTransformer Fit(List<BinaryRow> rows, bool holdOut)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(rows);
        return mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { Seed = 2, NumberOfThreads = 1, ChooseEpochsOnHoldOut = holdOut }).Fit(data);
    }

    private static (float[] Weights, int Epochs) Train(List<BinaryRow> rows, bool holdOut)
    {
        var model = Fit(rows, holdOut);
        return (model.Network.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.Concat(d.Biases.Values)).ToArray(), model.History.Epochs.Count);
    }

    private static TrainingSet TrainingSetReaderFor(MLContext mlContext, List<BinaryRow> rows)
    {
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var schema = data.Schema;
        return TrainingSetReader.Read(data, schema["Features"], 4, schema["Label"], new BooleanLabelReader(), false, "training data", null, false);
    }
}
