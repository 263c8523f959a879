namespace NNTrainer.Tests.Training;

/// <summary>
/// Every named optimisation of the training step against the reference step (the book's layer-by-layer step), on random
/// shapes and on every activation, target form and loss option it claims: the same weights, optimizer state and
/// accuracies, and the same losses within 1e-6 relative (the optimised steps take the loss's logarithms from a
/// vectorised kernel, within a unit in the last place of Math.Log; everything else is the same arithmetic).
/// </summary>
public class TrainingStepEquivalenceTests
{
    public enum Targets
    {
        Labels,
        OneHot,
        Smoothed,
    }

    [Theory]
    [InlineData(1, Targets.Labels)]
    [InlineData(2, Targets.OneHot)]
    [InlineData(3, Targets.Smoothed)]
    [InlineData(4, Targets.Labels)]
    public void TheSoftmaxStatisticsStepEqualsTheReference(int seed, Targets targets)
    {
        var random = new Random(seed);
        int inputs = random.Next(1, 12), hidden = random.Next(2, 40), classes = random.Next(2, 12);
        Func<Activation>[] hiddenActivations = [() => new TanhActivation(), () => new SigmoidActivation(), () => new LeakyReLUActivation(0.05f), () => new LinearActivation()];
        var activation = hiddenActivations[seed % hiddenActivations.Length];
        Network Build() => new Network(seed).Add(new DenseLayer(inputs, hidden)).Add(activation()).Add(new DropoutLayer(0.1f))
            .Add(new DenseLayer(hidden, classes)).Add(new SoftmaxActivation());
        var (fast, reference) = TrainBoth(Build, inputs, classes, targets, seed, TrainingStepNames.SoftmaxCrossEntropyStatistics, random.Next(5, 40));
        AssertEquivalent(reference, fast);
    }

    [Theory]
    [InlineData(5, 1, Targets.Labels)]
    [InlineData(6, 2, Targets.OneHot)]
    [InlineData(7, 3, Targets.Smoothed)]
    [InlineData(8, 0, Targets.Labels)]
    [InlineData(9, 2, Targets.Labels)]
    public void TheFusedClassifierStepEqualsTheReference(int seed, int hiddenLayers, Targets targets)
    {
        var random = new Random(seed);
        int inputs = random.Next(1, 30), classes = random.Next(2, 14);
        var sizes = new List<int> { inputs };
        for (int l = 0; l < hiddenLayers; l++) sizes.Add(random.Next(2, 50));
        sizes.Add(classes);
        Network Build() => Stack(seed, sizes, regularize: seed % 2 == 0);
        var (fast, reference) = TrainBoth(Build, inputs, classes, targets, seed, TrainingStepNames.FusedClassifier, random.Next(5, 40), smallInput: false);
        AssertEquivalent(reference, fast);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void TheSmallInputKernelEqualsTheReferenceOrFallsBackVisibly(int seed)
    {
        var random = new Random(seed);
        int inputs = random.Next(1, SmallInputClassifierKernel.MaxInputs + 1), classes = random.Next(2, SmallInputClassifierKernel.MaxClasses + 1);
        int hidden = random.Next(1, 100);
        Network Build() => Stack(seed, [inputs, hidden, classes], regularize: seed % 2 == 0);
        string expected = SmallInputClassifierKernel.IsSupported ? TrainingStepNames.SmallInputClassifier : TrainingStepNames.FusedClassifier;
        var (fast, reference) = TrainBoth(Build, inputs, classes, Targets.Labels, seed, expected, random.Next(5, 70));
        AssertEquivalent(reference, fast);
    }

    [Fact]
    public void WithoutAvx512TheSmallInputNetworkTakesTheGeneralFusedStepToTheSameWeights()
    {
        var (x, y) = Data(200, 2, 3, Targets.Labels, seed: 14);
        var options = new FitOptions { Epochs = 5, BatchSize = 32 };
        var (kernel, kernelStep) = Train(() => Stack(15, [2, 64, 3], regularize: false), x, y, options, supported: true);
        var (fallback, fallbackStep) = Train(() => Stack(15, [2, 64, 3], regularize: false), x, y, options, supported: false);
        Assert.Equal(TrainingStepNames.FusedClassifier, fallbackStep);
        Assert.Equal(TrainingStepNames.FusedClassifier, fallback.History!.TrainingStep);
        Assert.Equal(SmallInputClassifierKernel.IsSupported ? TrainingStepNames.SmallInputClassifier : TrainingStepNames.FusedClassifier, kernelStep);
        Assert.Equal(StoredModelHashTests.Hash(kernel), StoredModelHashTests.Hash(fallback));
    }

    [Fact]
    public void FitRecordsTheStepThatRan()
    {
        var (x, y) = Data(64, 3, 3, Targets.Labels, seed: 16);
        var classifier = Stack(17, [3, 8, 3], regularize: false);
        string fused = SmallInputClassifierKernel.IsSupported ? TrainingStepNames.SmallInputClassifier : TrainingStepNames.FusedClassifier;
        Assert.Equal(fused, classifier.Fit(x, y, new FitOptions { Epochs = 1 }).TrainingStep);
        Assert.Equal(TrainingStepNames.Reference, classifier.Fit(x, y, new FitOptions { Epochs = 1, Execution = TrainingExecution.Reference }).TrainingStep);
        var tanh = new Network(18).Add(new DenseLayer(3, 8)).Add(new TanhActivation()).Add(new DenseLayer(8, 3)).Add(new SoftmaxActivation());
        tanh.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.1f));
        Assert.Equal(TrainingStepNames.SoftmaxCrossEntropyStatistics, tanh.Fit(x, y, new FitOptions { Epochs = 1 }).TrainingStep);
        var regression = new Network(19).Add(new DenseLayer(3, 2));
        regression.Set(new MeanSquaredErrorLoss(), new SgdOptimizer(0.01f));
        Assert.Equal(TrainingStepNames.Reference, regression.Fit(x, new Matrix(64, 2), new FitOptions { Epochs = 1 }).TrainingStep);
        Assert.Throws<ArgumentOutOfRangeException>(() => regression.Fit(x, new Matrix(64, 2), new FitOptions { Execution = (TrainingExecution)7 }));
    }

    private static (Network Fast, Network Reference) TrainBoth(Func<Network> build, int inputs, int classes, Targets targets, int seed, string expectedStep, int batch, bool smallInput = true)
    {
        var (x, y) = Data(150, inputs, classes, targets, seed);
        var options = () => new FitOptions { Epochs = 6, BatchSize = batch, ValidationFraction = 0.2 };
        var (fast, step) = Train(build, x, y, options(), supported: SmallInputClassifierKernel.IsSupported, smallInput: smallInput, smoothing: targets == Targets.Smoothed);
        Assert.Equal(expectedStep, step);
        var referenceOptions = options();
        referenceOptions.Execution = TrainingExecution.Reference;
        var (reference, referenceStep) = Train(build, x, y, referenceOptions, supported: true, smoothing: targets == Targets.Smoothed);
        Assert.Equal(TrainingStepNames.Reference, referenceStep);
        return (fast, reference);
    }

    private static (Network Network, string Step) Train(Func<Network> build, Matrix x, Matrix y, FitOptions options, bool supported, bool smallInput = true, bool smoothing = false)
    {
        var network = build();
        network.Set(new CategoricalCrossEntropyLoss(smoothing ? 0.1f : 0f), new AdamOptimizer(0.01f, decay: 1e-3f));
        network.Build();
        options.Validate();
        var loop = new TrainingLoop(network, options) { UseSmallInputKernel = smallInput, SmallInputKernelSupported = supported };
        loop.Run(x, y);
        return (network, loop.Step!.Name);
    }

    private static void AssertEquivalent(Network reference, Network actual)
    {
        var e = reference.History!.Epochs;
        var a = actual.History!.Epochs;
        Assert.Equal(e.Count, a.Count);
        for (int i = 0; i < e.Count; i++)
        {
            Assert.Equal(e[i].DataLoss, a[i].DataLoss, 1e-6 * e[i].DataLoss);
            Assert.Equal(e[i].ValidationLoss!.Value, a[i].ValidationLoss!.Value, 1e-6 * e[i].ValidationLoss!.Value);
            Assert.Equal(e[i].Accuracy, a[i].Accuracy);
        }
        for (int p = 0; p < reference.Parameters.Count; p++)
        {
            Assert.True(reference.Parameters[p].Values.AsSpan().SequenceEqual(actual.Parameters[p].Values), $"parameter {p} differs");
            Assert.True(reference.Parameters[p].Momentums.AsSpan().SequenceEqual(actual.Parameters[p].Momentums), $"momentums of parameter {p} differ");
        }
    }

    private static Network Stack(int seed, IReadOnlyList<int> sizes, bool regularize)
    {
        var network = new Network(seed);
        for (int i = 0; i + 1 < sizes.Count; i++)
        {
            network.Add(regularize ? new DenseLayer(sizes[i], sizes[i + 1], weightL1: 1e-4f, weightL2: 5e-4f, biasL2: 1e-4f) : new DenseLayer(sizes[i], sizes[i + 1]));
            network.Add(i + 2 < sizes.Count ? new ReLUActivation() : new SoftmaxActivation());
        }
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.1f));
        return network;
    }

    private static (Matrix X, Matrix Y) Data(int samples, int features, int classes, Targets targets, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(samples, features);
        var y = new Matrix(samples, targets == Targets.OneHot ? classes : 1);
        for (int i = 0; i < samples; i++)
        {
            int label = random.Next(classes);
            for (int j = 0; j < features; j++) x[i, j] = (float)(random.NextDouble() * 2 - 1 + (j % classes == label ? 0.7 : 0));
            if (targets == Targets.OneHot) y[i, label] = 1;
            else y[i, 0] = label;
        }
        return (x, y);
    }
}
