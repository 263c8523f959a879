using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary><c>trainer.Fit(trainData, previous.Model)</c>: continuing training from a fitted or reloaded model.</summary>
public class WarmStartTests
{
    // Full batches by default: the engine reshuffles the previous epoch's order in place, and a new Fit starts again from
    // the rows' order, so with mini-batches N + M epochs and N then M see the rows in different orders after epoch N.
    private static NeuralNetworkBinaryTrainer.Options BinaryOptions(int epochs, bool standardize = true, bool keep = true, int batch = 1000) => new()
    {
        HiddenLayers = [16],
        NumberOfEpochs = epochs,
        BatchSize = batch,
        LearningRate = 0.01f,
        Seed = 5,
        NumberOfThreads = 1,
        StandardizeFeatures = standardize,
        KeepOptimizerState = keep,
    };

    private static float[] Weights(Network network) => network.Parameters.SelectMany(p => p.Values).ToArray();

    [Fact]
    public void NThenMEpochsIsBitIdenticalToNPlusMWithoutStandardisation()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(200, seed: 1));
        var whole = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(5, standardize: false)).Fit(data);
        var first = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(2, standardize: false)).Fit(data);
        var second = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(3, standardize: false)).Fit(data, first.Model);

        Assert.Equal(Weights(whole.Network), Weights(second.Network));
        Assert.Equal(whole.History.Epochs[^1].Loss, second.History.Epochs[^1].Loss);
        Assert.Equal(whole.Network.Optimizer!.Iterations, second.Network.Optimizer!.Iterations);
    }

    [Fact]
    public void WithStandardisationNThenMDiffersFromNPlusMOnlyByTheFoldsRounding()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(200, seed: 1));
        var whole = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(5)).Fit(data);
        var first = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(2)).Fit(data);
        var second = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(3)).Fit(data, first.Model);

        var expected = whole.Transform(data).GetColumn<float>("Score").ToArray();
        var actual = second.Transform(data).GetColumn<float>("Score").ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-3f);
    }

    [Fact]
    public void RegressionContinuesInTheLabelsUnitsAndTheLossKeepsFalling()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Surface(300, seed: 1));
        NeuralNetworkRegressionTrainer.Options Options(int epochs) => new()
        {
            HiddenLayers = [16], NumberOfEpochs = epochs, BatchSize = 1000, LearningRate = 0.05f, Seed = 3, NumberOfThreads = 1, KeepOptimizerState = true,
            // Cross-validation picks the penalty for the epochs it is given (3 or 6 here); N + M = N+M needs one penalty.
            CrossValidateL2OnSmallData = false,
        };
        var whole = mlContext.Regression.Trainers.NeuralNetwork(Options(6)).Fit(data);
        var first = mlContext.Regression.Trainers.NeuralNetwork(Options(3)).Fit(data);
        var second = mlContext.Regression.Trainers.NeuralNetwork(Options(3)).Fit(data, first.Model);

        Assert.True(second.History.Epochs[0].Loss < first.History.Epochs[0].Loss, "the continued training starts where the first left off");
        Assert.True(second.History.Epochs[^1].Loss < first.History.Epochs[^1].Loss, "and goes further");
        Assert.Equal(whole.History.Epochs[^1].Loss, second.History.Epochs[^1].Loss, 1e-4);
        var expected = whole.Transform(data).GetColumn<float>("Score").ToArray();
        var actual = second.Transform(data).GetColumn<float>("Score").ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], Math.Abs(expected[i]) * 1e-3f + 1e-2f);
    }

    [Fact]
    public void WithMiniBatchesTheLossKeepsFallingAndEndsNearNPlusM()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(300, seed: 6));
        var whole = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(20, batch: 16)).Fit(data);
        var first = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(10, batch: 16)).Fit(data);
        var second = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(10, batch: 16)).Fit(data, first.Model);

        Assert.True(second.History.Epochs[0].Loss < first.History.Epochs[^1].Loss * 1.05, $"continued at {second.History.Epochs[0].Loss}, stopped at {first.History.Epochs[^1].Loss}");
        Assert.True(second.History.Epochs[^1].Loss < first.History.Epochs[^1].Loss, "the loss keeps falling");
        Assert.Equal(whole.History.Epochs[^1].Loss, second.History.Epochs[^1].Loss, whole.History.Epochs[^1].Loss * 0.1);
    }

    [Fact]
    public void AWarmStartWithoutEffectiveUpdatesReproducesThePreviousScores()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Surface(200, seed: 4));
        var first = mlContext.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options { HiddenLayers = [8], NumberOfEpochs = 5, Seed = 1 }).Fit(data);
        // Steps far below float resolution: what remains is the unfolding and refolding of the two scalings.
        var still = mlContext.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options
        {
            HiddenLayers = [8], NumberOfEpochs = 1, Optimizer = NeuralNetworkOptimizer.Sgd, Momentum = 0, LearningRate = 1e-30f, L2Regularization = 0,
        }).Fit(data, first.Model);

        var before = first.Transform(data).GetColumn<float>("Score").ToArray();
        var after = still.Transform(data).GetColumn<float>("Score").ToArray();
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i], after[i], Math.Abs(before[i]) * 1e-5f);
        Assert.NotSame(first.Network, still.Network);
    }

    [Fact]
    public void AReloadedModelContinuesExactlyAsTheFittedOne()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(150, seed: 2));
        var first = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(2)).Fit(data);
        var before = Weights(first.Network);
        using var stream = new MemoryStream();
        mlContext.Model.Save(first, data.Schema, stream);
        stream.Position = 0;
        var reloaded = NeuralNetworkModel.FindNetwork(mlContext.Model.Load(stream, out _)).Network;

        var trainer = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(2));
        var fromLive = trainer.Fit(data, first.Model);
        var fromReloaded = trainer.Fit(data, reloaded);

        Assert.Equal(Weights(fromLive.Network), Weights(fromReloaded.Network));
        Assert.Equal(before, Weights(first.Network));
    }

    [Fact]
    public void WithoutKeptStateANewOptimizerStarts()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(100, seed: 3));
        var first = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(2, keep: false)).Fit(data);
        Assert.All(first.Network.Parameters, p => Assert.Null(p.Momentums));
        var second = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(1, keep: false)).Fit(data, first.Model);
        Assert.Equal(1, second.Network.Optimizer!.Iterations);
        Assert.Equal(2, first.Network.Optimizer!.Iterations);
    }

    [Fact]
    public void AModelWithOtherFeaturesIsRejectedNamingBothCounts()
    {
        var mlContext = new MLContext(seed: 1);
        var binary = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(1)).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(40, seed: 1)));
        var other = mlContext.Data.LoadFromEnumerable(TestData.Surface(40, seed: 1).Select((r, i) => new ThreeFeatureRow { Label = i % 2 == 0, Features = r.Features }));
        var error = Assert.Throws<ArgumentException>(() => mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(1)).Fit(other, binary.Model));
        Assert.Contains("reads 4 features", error.Message);
        Assert.Contains("column 'Features' has 3", error.Message);
        Assert.Equal("modelParameters", error.ParamName);
    }

    [Fact]
    public void AModelOfAnotherTaskIsRejectedNamingBoth()
    {
        var mlContext = new MLContext(seed: 1);
        var circle = mlContext.Data.LoadFromEnumerable(TestData.Circle(40, seed: 1));
        var binary = mlContext.BinaryClassification.Trainers.NeuralNetwork(BinaryOptions(1)).Fit(circle);
        var surface = mlContext.Data.LoadFromEnumerable(TestData.Surface(40, seed: 1));
        var error = Assert.Throws<ArgumentException>(() => mlContext.Regression.Trainers.NeuralNetwork(numberOfEpochs: 1).Fit(surface, binary.Model));
        Assert.Contains("trained for binary classification; this trainer trains regression", error.Message);
    }

    [Fact]
    public void AModelWithOtherClassesOrLayersIsRejectedNamingWhatDiffers()
    {
        var mlContext = new MLContext(seed: 1);
        var keys = mlContext.Data.LoadFromEnumerable(TestData.Keys(20, seed: 1));
        var model = mlContext.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [8], numberOfEpochs: 1).Fit(keys);

        var layers = Assert.Throws<ArgumentException>(() => mlContext.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [16], numberOfEpochs: 1).Fit(keys, model.Model));
        Assert.Contains("layer 0 is Dense(2→8) in the model but Dense(2→16) in the options", layers.Message);

        var fourClasses = mlContext.Data.LoadFromEnumerable(TestData.Keys(20, seed: 1).Select(r => new FourKeyRow { Label = r.Label, Features = r.Features }));
        var classes = Assert.Throws<ArgumentException>(() => mlContext.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [8], numberOfEpochs: 1).Fit(fourClasses, model.Model));
        Assert.Contains("has 3 classes, but the label column 'Label' has 4 key values", classes.Message);
    }

    private sealed class ThreeFeatureRow
    {
        public bool Label { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }

    private sealed class FourKeyRow
    {
        [KeyType(4)]
        public uint Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
