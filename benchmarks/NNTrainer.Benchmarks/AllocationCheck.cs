namespace NNTrainer.Benchmarks;

/// <summary>
/// The zero-allocation check: bytes allocated per training batch in the steady state, read with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> at the end of each epoch. Two runs whose epochs differ only in
/// their number of batches separate the per-batch allocation from the per-epoch one (the <see cref="EpochResult"/>
/// the history keeps). Exits with 1 if any batch allocates.
/// </summary>
internal static class AllocationCheck
{
    public static int Run()
    {
        bool zero = true;
        foreach (var (name, build, features, classes, batch, techniques) in Workloads())
        {
            foreach (int threads in new[] { 1, 2 })
            {
                var (small, smallProcess) = EpochAllocations(build, features, classes, batch, batches: 100, threads, techniques);
                var (large, largeProcess) = EpochAllocations(build, features, classes, batch, batches: 200, threads, techniques);
                double perBatch = (large - small) / 100.0;
                double perBatchProcess = (largeProcess - smallProcess) / 100.0;
                Console.WriteLine($"{name}, {threads} thread(s): {perBatch:F2} bytes per batch on the training thread, " +
                    $"{perBatchProcess:F2} in the whole process, {small - perBatch * 100:F0} bytes per epoch");
                zero &= perBatch == 0 && perBatchProcess <= 0;
            }
        }
        Console.WriteLine(zero ? "OK: no allocation per training batch." : "FAILED: training batches allocate.");
        return zero ? 0 : 1;
    }

    private static IEnumerable<(string, Func<int, Network>, int, int, int, bool)> Workloads()
    {
        yield return ("FMNIST-MLP 784-128-128-10, batch 128", threads => Mlp(threads, 784, [128, 128], 10), 784, 10, 128, false);
        yield return ("spiral 2-64-3, batch 300", threads => Mlp(threads, 2, [64], 3), 2, 3, 300, false);
        // AdamW, a per-step cosine schedule, gradient clipping and label smoothing all at once.
        yield return ("FMNIST-MLP with AdamW, cosine, clipping, label smoothing", threads => Mlp(threads, 784, [128, 128], 10, techniques: true), 784, 10, 128, true);
        yield return ("spiral with AdamW, cosine, clipping, label smoothing", threads => Mlp(threads, 2, [64], 3, techniques: true), 2, 3, 300, true);
        yield return ("convnet 1×12×12 (conv, ReLU, BN, max-pool, dropout, conv, avg-pool, dense, BN), batch 32", ConvNet, 144, 10, 32, false);
        yield return ("convnet 1×12×12 with 1→8 and 8→8 5×5 convolutions (the one-channel weight gradient; Winograd in every direction on AVX-512), batch 32", WinogradConvNet, 144, 10, 32, false);
    }

    /// <summary>Every spatial layer in one small network, so a per-batch allocation in any of them shows.</summary>
    private static Network ConvNet(int threads)
    {
        var conv1 = new Conv2DLayer(new ImageShape(1, 12, 12), 8, 3, padding: Padding.Same);
        var pool1 = new MaxPool2DLayer(conv1.OutputShape);
        var conv2 = new Conv2DLayer(pool1.OutputShape, 16, 3, padding: Padding.Same);
        var pool2 = new AveragePool2DLayer(conv2.OutputShape);
        var network = new Network(seed: 1) { NumberOfThreads = threads };
        network.Add(conv1).Add(new ReLUActivation()).Add(new BatchNormalizationLayer(conv1.OutputShape)).Add(pool1).Add(new DropoutLayer(0.25f))
            .Add(conv2).Add(new ReLUActivation()).Add(pool2).Add(new FlattenLayer(pool2.OutputShape))
            .Add(new DenseLayer(pool2.OutputShape.Size, 32)).Add(new ReLUActivation()).Add(new BatchNormalizationLayer(32))
            .Add(new DenseLayer(32, 10)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.01f, momentum: 0.9f));
        return network;
    }

    /// <summary>
    /// A 5×5 convolution with 8 channels in and out: Winograd's transforms and products, forward and backward; below
    /// it a 5×5 one over one channel, whose weight gradient is <c>SingleChannelWeightGradient</c>'s on AVX-512.
    /// </summary>
    private static Network WinogradConvNet(int threads)
    {
        var conv1 = new Conv2DLayer(new ImageShape(1, 12, 12), 8, 5, padding: Padding.Same);
        // Forced: at 8 channels Winograd's rule keeps the forward pass and the input gradient on im2col.
        var conv2 = new Conv2DLayer(conv1.OutputShape, 8, 5, padding: Padding.Same) { WinogradWhereverItApplies = true };
        var pool = new MaxPool2DLayer(conv2.OutputShape);
        var network = new Network(seed: 1) { NumberOfThreads = threads };
        network.Add(conv1).Add(new ReLUActivation()).Add(conv2).Add(new ReLUActivation()).Add(pool).Add(new FlattenLayer(pool.OutputShape))
            .Add(new DenseLayer(pool.OutputShape.Size, 10)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.01f, momentum: 0.9f));
        return network;
    }

    private static Network Mlp(int threads, int inputs, int[] hidden, int classes, bool techniques = false)
    {
        var network = new Network(seed: 1) { NumberOfThreads = threads };
        int size = inputs;
        foreach (int h in hidden)
        {
            network.Add(new DenseLayer(size, h)).Add(new ReLUActivation());
            size = h;
        }
        network.Add(new DenseLayer(size, classes)).Add(new SoftmaxActivation());
        network.Set(techniques ? new CategoricalCrossEntropyLoss(labelSmoothing: 0.1f) : new CategoricalCrossEntropyLoss(),
            techniques ? new AdamWOptimizer() : new AdamOptimizer());
        return network;
    }

    /// <summary>Allocations during the 4th epoch, when every buffer exists and every method is compiled.</summary>
    private static (long Thread, long Process) EpochAllocations(Func<int, Network> build, int features, int classes, int batch, int batches, int threads, bool techniques)
    {
        var random = new Random(3);
        var x = new Matrix(batches * batch, features);
        var y = new int[x.Rows];
        for (int i = 0; i < x.Data.Length; i++) x.Data[i] = (float)random.NextDouble();
        for (int i = 0; i < y.Length; i++) y[i] = random.Next(classes);
        var network = build(threads);
        var threadMarks = new long[6];
        var processMarks = new long[6];
        network.Fit(x, y, new FitOptions
        {
            Epochs = 5,
            BatchSize = batch,
            LearningRateSchedule = techniques ? new CosineSchedule(warmupEpochs: 1) : null,
            GradientClipNorm = techniques ? 1f : 0f,
            EpochEnded = e =>
            {
                threadMarks[e.Epoch] = GC.GetAllocatedBytesForCurrentThread();
                processMarks[e.Epoch] = GC.GetTotalAllocatedBytes(precise: true);
            },
        });
        return (threadMarks[4] - threadMarks[3], processMarks[4] - processMarks[3]);
    }
}
