using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Trainers;

public sealed class ModelSelectionTests
{
    [Fact]
    public void FewLinearlySeparableRowsChooseTheLinearModel()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass: 20, seed: 2));

        var model = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4, SelectModelOnSmallData = true }).Fit(data);

        var selection = Assert.IsType<NeuralNetworkModelSelection>(model.ModelSelection);
        Assert.Equal(NeuralNetworkModelCandidate.UncentredLinear, selection.Chosen);
        Assert.Equal((NeuralNetworkDefaults.ModelSelectionFolds, 60L), (selection.Folds, selection.Rows));
        Assert.Equal([NeuralNetworkModelCandidate.Configured, NeuralNetworkModelCandidate.UncentredLinear], selection.Scores.Select(s => s.Candidate));
        // Both separate the classes; the weakly penalised linear model does it with the lower held-out loss.
        Assert.True(selection.Scores[1].HeldOutAccuracy >= selection.Scores[0].HeldOutAccuracy, selection.ToString());
        Assert.True(selection.Scores[1].HeldOutLoss < selection.Scores[0].HeldOutLoss, selection.ToString());
        // The saved network is the linear model: one dense layer from the 2 features to the 3 classes, and no hidden layer.
        var dense = Assert.Single(model.Network.Layers.OfType<DenseLayer>());
        Assert.Equal((2, 3), (dense.InputSize, dense.Neurons));
        Assert.Equal(NeuralNetworkDefaults.UncentredLinearEpochs, model.History.Epochs.Count);
        Assert.Equal(1.0, mlContext.MulticlassClassification.Evaluate(model.Transform(data)).MicroAccuracy);
    }

    [Fact]
    public void ACircleKeepsTheNetwork()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(200, seed: 3));

        var model = mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { Seed = 4, SelectModelOnSmallData = true }).Fit(data);

        var selection = Assert.IsType<NeuralNetworkModelSelection>(model.ModelSelection);
        Assert.Equal(NeuralNetworkModelCandidate.Configured, selection.Chosen);
        // A line cannot separate the inside of a circle: the linear model falls far behind on the held-out rows.
        Assert.True(selection.Scores[0].HeldOutAccuracy > selection.Scores[1].HeldOutAccuracy + 0.1, selection.ToString());
        Assert.Equal(2, model.Network.Layers.OfType<DenseLayer>().Count());
    }

    [Fact]
    public void TheLinearModelNeedsItsPerRowLossesClearlyLower()
    {
        var mlContext = new MLContext(seed: 1);
        var keys = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4, SelectModelOnSmallData = true })
            .Fit(mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass: 20, seed: 2))).ModelSelection!;
        var circle = mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { Seed = 4, SelectModelOnSmallData = true })
            .Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(200, seed: 3))).ModelSelection!;

        Assert.Equal(NeuralNetworkDefaults.ModelSelectionMargin, keys.MarginThreshold);
        Assert.Equal(2.0, NeuralNetworkDefaults.ModelSelectionMargin);
        // Separable keys: the weakly penalised linear model's held-out losses are lower row after row.
        Assert.Equal(NeuralNetworkModelCandidate.UncentredLinear, keys.Chosen);
        Assert.True(keys.MarginZ > keys.MarginThreshold, keys.ToString());
        Assert.Contains($"z {keys.MarginZ:F2}", keys.ToString());
        // A circle: the network's are lower, so the margin is negative.
        Assert.Equal(NeuralNetworkModelCandidate.Configured, circle.Chosen);
        Assert.True(circle.MarginMean < 0, circle.ToString());
    }

    [Fact]
    public void ANoisyTieKeepsTheNetwork()
    {
        // A straight boundary with a fifth of the labels flipped: both models find the line, and no fold count tells
        // them apart; a few held-out rows more for the linear model are not a clear margin.
        var random = new Random(7);
        var rows = Enumerable.Range(0, 150).Select(_ =>
        {
            float x = (float)(random.NextDouble() * 2 - 1), y = (float)(random.NextDouble() * 2 - 1);
            return new BinaryRow { Label = (x + y > 0) ^ (random.NextDouble() < 0.2), Features = [x, y, (float)random.NextDouble(), (float)random.NextDouble()] };
        }).ToList();
        var mlContext = new MLContext(seed: 1);

        var model = mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { Seed = 4, SelectModelOnSmallData = true })
            .Fit(mlContext.Data.LoadFromEnumerable(rows));

        var selection = model.ModelSelection!;
        Assert.Equal(NeuralNetworkModelCandidate.Configured, selection.Chosen);
        Assert.InRange(selection.MarginZ, -selection.MarginThreshold, selection.MarginThreshold);
        Assert.InRange(selection.Scores[1].HeldOutAccuracy - selection.Scores[0].HeldOutAccuracy, -0.05, 0.05);
        Assert.Equal(2, model.Network.Layers.OfType<DenseLayer>().Count());
    }

    [Theory]
    [InlineData(NeuralNetworkModelCandidate.UncentredLinear)]
    [InlineData(NeuralNetworkModelCandidate.Configured)]
    public void AnInheritedChoiceTrainsItsCandidateWithoutTheFolds(NeuralNetworkModelCandidate candidate)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass: 20, seed: 2));
        var chosen = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4, SelectModelOnSmallData = true }).Fit(data);
        var plain = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4, SelectModelOnSmallData = false }).Fit(data);
        var inherited = chosen.ModelSelection! with { Chosen = candidate };

        var refit = mlContext.MulticlassClassification.Trainers.NeuralNetwork(
            new NeuralNetworkMulticlassTrainer.Options { Seed = 4, SelectModelOnSmallData = true, InheritedModelSelection = inherited }).Fit(data);

        // The refit reports the measuring fit's choice as it was given, and trains that candidate as a choice of its own would.
        Assert.Same(inherited, refit.ModelSelection);
        var expected = candidate == NeuralNetworkModelCandidate.UncentredLinear ? chosen : plain;
        Assert.Equal(Weights(expected.Network), Weights(refit.Network));
    }

    [Fact]
    public void AnInheritedLinearModelIsKeptPastTheChoicesRows()
    {
        // nntrainer's refit of a 1,100-row file whose measuring fit (880 rows) chose the linear model: past 999 rows the
        // choice would not run, but the saved model must be the one the report measured, not a long-training network.
        var mlContext = new MLContext(seed: 1);
        var small = mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass: 20, seed: 2));
        var measured = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4 }).Fit(small);
        Assert.Equal(NeuralNetworkModelCandidate.UncentredLinear, measured.ModelSelection!.Chosen);
        var large = mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass: 367, seed: 3));

        var refit = mlContext.MulticlassClassification.Trainers.NeuralNetwork(
            new NeuralNetworkMulticlassTrainer.Options { Seed = 4, InheritedModelSelection = measured.ModelSelection }).Fit(large);
        var plain = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4 }).Fit(large);

        Assert.Same(measured.ModelSelection, refit.ModelSelection);
        Assert.Single(refit.Network.Layers.OfType<DenseLayer>());
        Assert.Equal(NeuralNetworkDefaults.UncentredLinearEpochs, refit.History.Epochs.Count);
        Assert.Null(refit.LongTraining);
        // Without an inherited choice the same 1,101 rows train the configured network, as before.
        Assert.Null(plain.ModelSelection);
        Assert.Equal(2, plain.Network.Layers.OfType<DenseLayer>().Count());
    }

    [Fact]
    public void TheChoiceAndTheModelAreTheSameWithAnyThreadCount()
    {
        var rows = TestData.Flowers(perClass: 30, seed: 6);
        (NeuralNetworkModelSelection Selection, float[] Weights) Train(int threads)
        {
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromEnumerable(rows);
            var features = TestData.FlowerFeaturizer(mlContext).Fit(data).Transform(data);
            var model = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 5, NumberOfThreads = threads, SelectModelOnSmallData = true }).Fit(features);
            return (model.ModelSelection!, Weights(model.Network));
        }

        var one = Train(1);
        var two = Train(2);
        var three = Train(3);

        Assert.Equal(one.Selection.Chosen, two.Selection.Chosen);
        Assert.Equal((one.Selection.MarginMean, one.Selection.MarginStandardError), (two.Selection.MarginMean, two.Selection.MarginStandardError));
        Assert.Equal((one.Selection.MarginMean, one.Selection.MarginStandardError), (three.Selection.MarginMean, three.Selection.MarginStandardError));
        Assert.Equal(one.Selection.Scores, two.Selection.Scores);
        Assert.Equal(one.Selection.Scores, three.Selection.Scores);
        Assert.Equal(one.Weights, two.Weights);
        Assert.Equal(one.Weights, three.Weights);
    }

    [Fact]
    public void TheLinearChoiceSavesAndLoadsBitForBit()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass: 20, seed: 2));
        var model = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4, SelectModelOnSmallData = true }).Fit(data);
        Assert.Equal(NeuralNetworkModelCandidate.UncentredLinear, model.ModelSelection!.Chosen);
        using var stream = new MemoryStream();

        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = mlContext.Model.Load(stream, out _);

        Assert.Equal(Weights(model.Network), Weights(NeuralNetworkModel.FindNetwork(loaded).Network));
        Assert.Equal(Scores(model.Transform(data)), Scores(loaded.Transform(data)));
    }

    [Fact]
    public void OnByDefaultForClassifiersOnly()
    {
        Assert.True(new NeuralNetworkMulticlassTrainer.Options().SelectModelOnSmallData);
        Assert.True(new NeuralNetworkBinaryTrainer.Options().SelectModelOnSmallData);
        var mlContext = new MLContext(seed: 1);

        var model = mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { Seed = 4 })
            .Fit(mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass: 20, seed: 2)));

        Assert.Equal(NeuralNetworkModelCandidate.UncentredLinear, model.ModelSelection!.Chosen);
    }

    [Fact]
    public void TheFoldsWorkIsBounded()
    {
        var options = new NeuralNetworkMulticlassTrainer.Options();
        // 200 epochs of 800 rows through a network of 79,510 parameters (784 inputs, 100 hidden, 10 classes) and 3,000
        // of the linear model's 7,850 weights: Fashion-MNIST's 1,000 rows are past the bound, iris's 120 far within.
        double fashion = ModelSelection.Work(options, 800, 784, 10, 79_510), iris = ModelSelection.Work(options, 120, 4, 3, 803);

        Assert.Equal(800.0 * (200.0 * 79_510 + 3000.0 * 785 * 10), fashion);
        Assert.False(ModelSelection.Applies(options, 800, new CategoricalCrossEntropyLoss(), fashion));
        Assert.True(ModelSelection.Applies(options, 120, new CategoricalCrossEntropyLoss(), iris));
        Assert.True(iris < NeuralNetworkDefaults.ModelSelectionWorkUpTo && NeuralNetworkDefaults.ModelSelectionWorkUpTo < fashion);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("epochs")]
    [InlineData("rows")]
    [InlineData("linear")]
    [InlineData("validation")]
    [InlineData("patience")]
    public void TheConfiguredNetworkTrainsWhenTheChoiceDoesNotApply(string why)
    {
        // Off by choice; every other case breaks one of its conditions.
        var options = new NeuralNetworkMulticlassTrainer.Options { Seed = 4, NumberOfEpochs = why == "epochs" ? 5 : null, SelectModelOnSmallData = why != "off" };
        switch (why)
        {
            case "linear": options.HiddenLayers = []; break;
            case "rows": options.LongTrainingOnLargeData = false; break;
            case "validation": options.ValidationSetFraction = 0.2f; break;
            case "patience": options.EarlyStoppingPatience = 3; options.ValidationSetFraction = 0.2f; break;
        }
        int perClass = why == "rows" ? NeuralNetworkDefaults.ModelSelectionRowsUpTo / 3 + 1 : 20;
        var mlContext = new MLContext(seed: 1);

        var model = mlContext.MulticlassClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Keys(perClass, seed: 2)));

        Assert.Null(model.ModelSelection);
        Assert.Equal(why == "linear" ? 1 : 2, model.Network.Layers.OfType<DenseLayer>().Count());
    }

    [Fact]
    public void RegressionDoesNotChooseAModel()
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkRegressionTrainer.Options { Seed = 4, NumberOfEpochs = 5, CrossValidateL2OnSmallData = false, SelectModelOnSmallData = true };

        var model = mlContext.Regression.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Surface(60, seed: 2)));

        Assert.Null(model.ModelSelection);
        Assert.Equal(2, model.Network.Layers.OfType<DenseLayer>().Count());
    }

    private static float[] Weights(Network network) =>
        network.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.Concat(d.Biases.Values)).ToArray();

    private static float[] Scores(IDataView scored) =>
        scored.GetColumn<VBuffer<float>>("Score").SelectMany(v => v.DenseValues()).ToArray();
}
