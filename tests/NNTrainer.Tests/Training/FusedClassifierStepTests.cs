namespace NNTrainer.Tests.Training;

/// <summary>
/// The fused training step (ReLU inside the GEMMs, bias gradients inside the weight-gradient GEMMs, a transposed output
/// layer for few classes) against the layer-by-layer path: same weights, optimizer state, losses and accuracies, bit for bit.
/// </summary>
public class FusedClassifierStepTests
{
    public static TheoryData<string, bool> Architectures => new()
    {
        // The small-input kernel's shapes (on this path when the machine has AVX-512), and the general fused path for them.
        { "2-64-3 full", true },          // the spiral
        { "2-64-3 full", false },         // a transposed output layer fed by a 2-input layer computed twice
        { "3-40-5 batch 32", true },       // hidden units not a whole number of blocks; an uneven last batch
        { "1-16-2 full", true },
        { "4-70-6 batch 50", true },
        { "4-70-6 batch 50", false },
        // NarrowClassifierKernel's shapes (up to 16 inputs and 31 classes), on this path when the machine has AVX-512.
        { "9-100-7 batch 32", true },     // Shuttle's network; 130 samples leave a batch of 2
        { "9-100-7 batch 32", false },
        { "16-130-8 batch 45", true },    // the most inputs and classes; hidden units not a whole number of blocks
        { "16-1-2 batch 33", true },      // one hidden unit
        { "1-100-7 batch 17", true },     // one input, more classes than the small-input kernel takes
        { "4-20-8 full", true },
        { "5-3-2 batch 64", true },
        { "13-300-5 batch 130", true },   // a hidden layer wider than a GEMM's inner block would be
        { "17-100-7 batch 32", true },    // one input too many: the general fused path
        // Its wide passes (9 to 31 classes).
        { "16-100-26 batch 32", true },   // LetterRecognition's network; 130 samples leave a batch of 2
        { "16-100-26 batch 32", false },
        { "9-37-9 batch 33", true },      // one class past the registers' eight
        { "1-16-16 batch 7", true },
        { "5-50-17 full", true },
        { "16-3-31 batch 50", true },     // the most classes: every sum of the wide passes
        { "12-130-24 batch 130", true },
        // The general fused path.
        { "5-40-20-3 batch 32", true },   // transposed output layer fed by a transposition
        { "10-8-12-3 batch 25", true },   // the layer below the output has 8 inputs: recomputed from a hidden activation
        { "12-32-10 batch 40", true },    // ten classes: a transposed output layer fed by a transposition
        { "16-40-26 batch 32", false },   // LetterRecognition's 26 classes, transposed
        { "9-30-7 batch 32", true },      // Shuttle's shape, hidden layer narrowed
        { "12-24-31 batch 20", false },   // the most classes that run transposed
        { "12-24-32 batch 20", true },    // one more: the row-major output layer, whose softmax rows change method here; not the kernel
        { "7-3 batch 16", true },         // no hidden layer: the inputs themselves are transposed
        { "6-24-24-24-2 batch 50", true },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void TrainsBitIdenticallyToTheLayerByLayerPath(string architecture, bool smallInputKernel)
    {
        var (sizes, batch) = Parse(architecture);
        var (x, y) = Data(samples: 130, sizes[0], sizes[^1], seed: sizes.Sum());
        var options = new FitOptions { Epochs = 12, BatchSize = batch, Shuffle = true };
        var fused = Train(sizes, x, y, options, fuse: true, threads: 1, smallInputKernel: smallInputKernel);
        var plain = Train(sizes, x, y, options, fuse: false, threads: 1);
        AssertIdentical(plain, fused);
        bool kernel = smallInputKernel && NarrowClassifierKernel.IsSupported && sizes.Length == 3 && NarrowClassifierKernel.FitsShape(sizes[0], sizes[2]);
        Assert.Equal(kernel ? TrainingStepNames.SmallInputClassifier : TrainingStepNames.FusedClassifier, fused.History!.TrainingStep);
    }

    [Theory]
    [InlineData(9, 7)]   // NarrowClassifierKernel where the machine has AVX-512
    [InlineData(16, 26)] // its wide passes
    [InlineData(3, 4)]   // SmallInputClassifierKernel
    public void ABatchLongerThanAGemmInnerBlockIsBitIdentical(int inputs, int classes)
    {
        // 600 samples in one batch: the GEMM path sums the weight gradients over the samples in blocks of at most 256.
        var (x, y) = Data(samples: 600, inputs, classes, seed: 21);
        var options = new FitOptions { Epochs = 4, Shuffle = true };
        var fused = Train([inputs, 40, classes], x, y, options, fuse: true, threads: 1, regularize: true);
        AssertIdentical(Train([inputs, 40, classes], x, y, options, fuse: false, threads: 1, regularize: true), fused);
    }

    [Fact]
    public void OneHotTargetsAndRegularisationAreBitIdentical()
    {
        var (x, labels) = Data(samples: 90, 4, 3, seed: 3);
        var y = new Matrix(labels.Rows, 3);
        for (int i = 0; i < labels.Rows; i++) y[i, (int)labels[i, 0]] = 1f;
        var options = new FitOptions { Epochs = 10, BatchSize = 30, Shuffle = true };
        Network Build(bool fuse) => Train([4, 16, 3], x, y, options, fuse, threads: 1, regularize: true);
        AssertIdentical(Build(false), Build(true));
    }

    [Fact]
    public void TwoThreadsTrainTheSameWeightsAsOneOnBothPaths()
    {
        // Wide enough for the GEMMs to be split across threads.
        var (x, y) = Data(samples: 512, 300, 3, seed: 9);
        var options = new FitOptions { Epochs = 2, BatchSize = 256, Shuffle = true };
        var one = Train([300, 128, 96, 3], x, y, options, fuse: true, threads: 1);
        AssertIdentical(one, Train([300, 128, 96, 3], x, y, options, fuse: true, threads: 2));
        AssertIdentical(one, Train([300, 128, 96, 3], x, y, options, fuse: false, threads: 2));
    }

    [Fact]
    public void ABadLabelIsNamedAsOnTheLayerByLayerPath()
    {
        var (x, y) = Data(samples: 40, 2, 3, seed: 4);
        y[37, 0] = 5;
        var fused = Assert.Throws<ArgumentException>(() => Train([2, 8, 3], x, y, new FitOptions { Epochs = 1 }, fuse: true, threads: 1));
        var plain = Assert.Throws<ArgumentException>(() => Train([2, 8, 3], x, y, new FitOptions { Epochs = 1 }, fuse: false, threads: 1));
        Assert.Equal(plain.Message, fused.Message);
        Assert.Contains("row 37", fused.Message);
    }

    [Fact]
    public void OtherArchitecturesAreNotFused()
    {
        Assert.Null(FusedClassifierStep.TryCreate([new DenseLayer(2, 4), new TanhActivation(), new DenseLayer(4, 3), new SoftmaxActivation()]));
        Assert.Null(FusedClassifierStep.TryCreate([new DenseLayer(2, 4), new ReLUActivation(), new DropoutLayer(0.1f), new DenseLayer(4, 3), new SoftmaxActivation()]));
        Assert.Null(FusedClassifierStep.TryCreate([new DenseLayer(2, 3), new SigmoidActivation()]));
        Assert.NotNull(FusedClassifierStep.TryCreate([new DenseLayer(2, 4), new ReLUActivation(), new DenseLayer(4, 3), new SoftmaxActivation()]));
    }

    private static Network Train(int[] sizes, Matrix x, Matrix y, FitOptions options, bool fuse, int threads, bool regularize = false, bool smallInputKernel = true)
    {
        var network = new Network(seed: 11) { NumberOfThreads = threads };
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            network.Add(regularize ? new DenseLayer(sizes[i], sizes[i + 1], weightL1: 1e-4f, weightL2: 5e-4f, biasL2: 1e-4f) : new DenseLayer(sizes[i], sizes[i + 1]));
            network.Add(i + 2 < sizes.Length ? new ReLUActivation() : new SoftmaxActivation());
        }
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.02f, decay: 1e-3f));
        network.Build();
        new TrainingLoop(network, options) { FuseLayers = fuse, UseSmallInputKernel = smallInputKernel }.Run(x, y);
        return network;
    }

    private static void AssertIdentical(Network expected, Network actual)
    {
        Assert.Equal(expected.History!.Epochs.Select(e => e.DataLoss), actual.History!.Epochs.Select(e => e.DataLoss));
        Assert.Equal(expected.History.Epochs.Select(e => e.Accuracy), actual.History.Epochs.Select(e => e.Accuracy));
        for (int i = 0; i < expected.Parameters.Count; i++)
        {
            var e = expected.Parameters[i];
            var a = actual.Parameters[i];
            Assert.True(e.Values.AsSpan().SequenceEqual(a.Values), $"parameter {i} ({e.Name}) differs");
            Assert.True(e.Gradients.AsSpan().SequenceEqual(a.Gradients), $"the last gradient of parameter {i} ({e.Name}) differs");
            Assert.True(e.Momentums.AsSpan().SequenceEqual(a.Momentums), $"Adam momentums of parameter {i} differ");
            Assert.True(e.Cache.AsSpan().SequenceEqual(a.Cache), $"Adam cache of parameter {i} differs");
        }
    }

    private static (int[] Sizes, int? Batch) Parse(string architecture)
    {
        var parts = architecture.Split(' ');
        var sizes = parts[0].Split('-').Select(int.Parse).ToArray();
        return (sizes, parts[1] == "full" ? null : int.Parse(parts[2]));
    }

    private static (Matrix X, Matrix Y) Data(int samples, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(samples, features);
        var labels = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            labels[i] = random.Next(classes);
            for (int j = 0; j < features; j++) x[i, j] = (float)(random.NextDouble() * 2 - 1 + (j % classes == labels[i] ? 0.7 : 0));
        }
        return (x, Matrix.FromLabels(labels));
    }
}
