using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

public sealed class L2SelectionTests
{
    [Fact]
    public void FoldsAreStratifiedByTargetAndFixedBySeed()
    {
        // 3 classes of 30 rows in blocks: every fold must get 10 of each.
        var targets = Matrix.FromColumn(Enumerable.Range(0, 90).Select(i => (float)(i / 30)).ToArray());

        var folds = L2Selection.Assign(targets, 3, seed: 7);

        for (int fold = 0; fold < 3; fold++)
        {
            for (int label = 0; label < 3; label++)
            {
                int count = Enumerable.Range(0, 90).Count(i => folds[i] == fold && i / 30 == label);
                Assert.True(count == 10, $"fold {fold} has {count} rows of class {label}, expected 10");
            }
        }
        Assert.Equal(folds, L2Selection.Assign(targets, 3, seed: 7));
        Assert.NotEqual(folds, L2Selection.Assign(targets, 3, seed: 8));
    }

    [Fact]
    public void ANoisyTargetGetsTheStrongestPenaltyAndASmoothOneAWeakOne()
    {
        var random = new Random(3);
        var noise = TestData.Surface(60, seed: 3);
        foreach (var row in noise) row.Label = (float)random.NextDouble();

        float noisy = ChosenPenalty(Train(noise, seed: 1));
        float smooth = ChosenPenalty(Train(TestData.Surface(300, seed: 3), seed: 1));

        // Candidates 0.001 · {1, 10, 30, 100, 300}; the fixed rule would give both 0.03.
        Assert.Equal(0.3f, noisy, 1e-6f);
        Assert.True(smooth <= 0.01f * 1.0001f, $"the smooth surface got L2 {smooth}");
    }

    [Fact]
    public void TheGridStopsAtTheFirstCandidateThatDoesNoBetter()
    {
        // Pure noise: the strongest penalty (0.3) wins, and 0.1 does worse, so 0.03, 0.01 and 0.001 are never trained.
        var random = new Random(3);
        var x = Matrix.FromColumn(Enumerable.Range(0, 60).Select(_ => (float)random.NextDouble()).ToArray());
        var y = Matrix.FromColumn(Enumerable.Range(0, 60).Select(_ => (float)random.NextDouble()).ToArray());
        var options = Options(seed: 1);
        var tried = new List<float>();

        float chosen = L2Selection.Choose(options, new TrainingSet(x, y, 0), seed: 1, (l2, rows) =>
        {
            tried.Add(l2);
            return NetworkFactory.Create(options, 1, 1, null, seed: 1, threads: 1, rows, l2);
        }, () => new MeanSquaredErrorLoss());

        Assert.Equal(0.3f, chosen, 1e-6f);
        Assert.Equal([0.3f, 0.3f, 0.3f, 0.1f, 0.1f, 0.1f], tried.Select(l => MathF.Round(l, 4)));
    }

    [Fact]
    public void FoldsOnSeveralThreadsChooseAndScoreAsOnOne()
    {
        // A surface with some noise, so the walk goes past the first candidates before it stops.
        var random = new Random(11);
        var x = Matrix.FromColumn(Enumerable.Range(0, 90).Select(_ => (float)random.NextDouble()).ToArray());
        var y = Matrix.FromColumn(Enumerable.Range(0, 90).Select(i => MathF.Sin(6 * x.Data[i]) + 0.3f * (float)random.NextDouble()).ToArray());
        var options = Options(seed: 2);
        float ChooseOn(int threads, List<float> tried) => L2Selection.Choose(options, new TrainingSet(x, y, 0), seed: 2, (l2, rows) =>
        {
            lock (tried) tried.Add(MathF.Round(l2, 4));
            return NetworkFactory.Create(options, 1, 1, null, seed: 2, threads: threads, rows, l2);
        }, () => new MeanSquaredErrorLoss(), threads);

        var one = new List<float>();
        float alone = ChooseOn(1, one);
        foreach (int threads in new[] { 2, 3, 4 })
        {
            var several = new List<float>();
            Assert.Equal(alone, ChooseOn(threads, several));
            // Every fit the walk needed ran (fits started past the stop may be added, depending on timing).
            foreach (var penalty in one.GroupBy(l2 => l2)) Assert.True(several.Count(l2 => l2 == penalty.Key) == penalty.Count(), $"L2 {penalty.Key}: {several.Count(l2 => l2 == penalty.Key)} fits on {threads} threads, {penalty.Count()} on one");
        }
        Assert.True(one.Count >= 6, $"the walk stopped after {one.Count} fits; the test needs at least two candidates");
    }

    [Fact]
    public void TheTrainerChoosesTheSameModelWithAnyThreadCount()
    {
        var rows = TestData.Surface(150, seed: 8);
        var mlContext = new MLContext(seed: 1);
        float[] Weights(int threads)
        {
            var options = Options(seed: 3);
            options.NumberOfThreads = threads;
            var network = mlContext.Regression.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(rows)).Network;
            return network.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.ToArray().Append(d.Weights.L2)).ToArray();
        }

        Assert.Equal(Weights(1), Weights(2));
    }

        [Fact]
    public void TheChoiceIsReproducible()
    {
        var rows = TestData.Surface(120, seed: 5);

        var first = Train(rows, seed: 4);
        var second = Train(rows, seed: 4);

        Assert.Equal(ChosenPenalty(first), ChosenPenalty(second));
        var a = first.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.ToArray()).ToArray();
        var b = second.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.ToArray()).ToArray();
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("validation")]
    [InlineData("patience")]
    [InlineData("no scaling")]
    [InlineData("rows")]
    public void TheRuleDecidesWhenCrossValidationDoesNotApply(string why)
    {
        int rows = why == "rows" ? NeuralNetworkDefaults.CrossValidatedL2RowsUpTo + 100 : 60;
        var options = Options(seed: 1);
        switch (why)
        {
            case "off": options.CrossValidateL2OnSmallData = false; break;
            case "validation": options.ValidationSetFraction = 0.2f; break;
            case "patience": options.EarlyStoppingPatience = 3; options.ValidationSetFraction = 0.2f; break;
            case "no scaling": options.ScaleL2ForSmallData = false; break;
        }
        var random = new Random(3);
        var noise = TestData.Surface(rows, seed: 3);
        foreach (var row in noise) row.Label = (float)random.NextDouble();
        var mlContext = new MLContext(seed: 1);

        var network = mlContext.Regression.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(noise)).Network;

        // The penalty follows the rows the trainer was given (a validation hold-out is split off inside the engine).
        float expected = why == "no scaling" ? 0.001f : NeuralNetworkDefaults.RegressionL2RegularizationFor(0.001f, rows);
        Assert.Equal(expected, ChosenPenalty(network), expected * 1e-3f);
    }

    [Fact]
    public void DivergingCandidatesLeaveTheFitToReportItsOwnDivergence()
    {
        string Message(bool crossValidate)
        {
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromEnumerable(TestData.Surface(40, seed: 2));
            var options = Options(seed: 1);
            options.LearningRate = 1e30f;
            options.Optimizer = NeuralNetworkOptimizer.Sgd;
            options.CrossValidateL2OnSmallData = crossValidate;
            return Assert.Throws<TrainingDivergedException>(() => mlContext.Regression.Trainers.NeuralNetwork(options).Fit(data)).Message;
        }

        Assert.Equal(Message(crossValidate: false), Message(crossValidate: true));
    }

    private static NeuralNetworkRegressionTrainer.Options Options(int seed) =>
        new() { HiddenLayers = [16], NumberOfEpochs = 40, NumberOfThreads = 1, Seed = seed };

    private static Network Train(List<RegressionRow> rows, int seed)
    {
        var mlContext = new MLContext(seed: 1);
        return mlContext.Regression.Trainers.NeuralNetwork(Options(seed)).Fit(mlContext.Data.LoadFromEnumerable(rows)).Network;
    }

    private static float ChosenPenalty(Network network)
    {
        var penalties = network.Layers.OfType<DenseLayer>().Select(d => d.Weights.L2).Distinct().ToArray();
        return Assert.Single(penalties);
    }
}
