using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Training;

/// <summary>
/// The <see cref="TrainingStepNames.RectifiedPooling"/> step (each ReLU → 2×2 max-pool pair as one pass) against the
/// reference step and the softmax-statistics step it optimises: the same weights, bit for bit, after several epochs.
/// </summary>
public class RectifiedPoolingStepTests
{
    [Theory]
    [InlineData(12, 1)] // even sides throughout
    [InlineData(13, 2)] // an odd side: the row and column no window covers get a zero gradient
    public void ALeNetShapedNetworkTrainsToTheReferenceWeights(int side, int seed)
    {
        var (x, y) = Images(96, side, seed);
        var (fused, fusedHistory) = Train(() => LeNetShaped(side, seed), x, y, TrainingExecution.Auto, fuse: true, threads: 1);
        var (statistics, statisticsHistory) = Train(() => LeNetShaped(side, seed), x, y, TrainingExecution.Auto, fuse: false, threads: 1);
        var (reference, referenceHistory) = Train(() => LeNetShaped(side, seed), x, y, TrainingExecution.Reference, fuse: true, threads: 1);
        Assert.Equal(TrainingStepNames.RectifiedPooling, fusedHistory.TrainingStep);
        Assert.Equal(TrainingStepNames.SoftmaxCrossEntropyStatistics, statisticsHistory.TrainingStep);
        Assert.Equal(TrainingStepNames.Reference, referenceHistory.TrainingStep);
        Assert.Equal(Weights(statistics), Weights(fused));
        Assert.Equal(Weights(reference), Weights(fused));
        for (int e = 0; e < fusedHistory.Epochs.Count; e++)
        {
            Assert.Equal(referenceHistory.Epochs[e].Accuracy, fusedHistory.Epochs[e].Accuracy);
            Assert.Equal(statisticsHistory.Epochs[e].Loss, fusedHistory.Epochs[e].Loss);
            Assert.Equal(referenceHistory.Epochs[e].Loss, fusedHistory.Epochs[e].Loss, 1e-6 * Math.Abs(referenceHistory.Epochs[e].Loss));
        }
        // The weights moved: the comparison is not of untouched initial values.
        Assert.True(fusedHistory.Epochs[^1].Loss < fusedHistory.Epochs[0].Loss, $"loss {fusedHistory.Epochs[0].Loss} → {fusedHistory.Epochs[^1].Loss}");
    }

    [Fact]
    public void TheFusedPassesSplitOverTwoThreadsGiveTheOneThreadWeights()
    {
        // 24×24 planes of 8 channels, 64 a batch: large enough that the pools and ReLUs split over both threads.
        var (x, y) = Images(128, 24, seed: 3);
        var (one, history) = Train(() => LeNetShaped(24, 3), x, y, TrainingExecution.Auto, fuse: true, threads: 1, batch: 64);
        var (two, _) = Train(() => LeNetShaped(24, 3), x, y, TrainingExecution.Auto, fuse: true, threads: 2, batch: 64);
        Assert.Equal(TrainingStepNames.RectifiedPooling, history.TrainingStep);
        Assert.Equal(Weights(one), Weights(two));
    }

    [Fact]
    public void OnlyAReLUBeforeA2x2PoolAboveATrainableLayerIsFused()
    {
        var conv = new Conv2DLayer(new ImageShape(1, 8, 8), 2, 3, padding: Padding.Same);
        var pool2 = new MaxPool2DLayer(conv.OutputShape);
        var pool3 = new MaxPool2DLayer(conv.OutputShape, 3, 1);
        Layer[] lenet = [conv, new ReLUActivation(), pool2];
        Assert.Equal([false, false, true], RectifiedPooling.Pools(lenet, firstTrainable: 0)!);
        Assert.Null(RectifiedPooling.Pools([conv, new ReLUActivation(), pool3], 0)); // a 3×3 window: the general pool
        Assert.Null(RectifiedPooling.Pools([conv, new LeakyReLUActivation(0.1f), pool2], 0));
        Assert.Null(RectifiedPooling.Pools([new ReLUActivation(), pool2, conv], 2)); // nothing below it trains
    }

    private static Network LeNetShaped(int side, int seed)
    {
        var conv1 = new Conv2DLayer(new ImageShape(1, side, side), 8, 3, padding: Padding.Same);
        var pool1 = new MaxPool2DLayer(conv1.OutputShape);
        var conv2 = new Conv2DLayer(pool1.OutputShape, 6, 3, padding: Padding.Same);
        var pool2 = new MaxPool2DLayer(conv2.OutputShape);
        var network = new Network(seed)
            .Add(conv1).Add(new ReLUActivation()).Add(pool1)
            .Add(conv2).Add(new ReLUActivation()).Add(pool2)
            .Add(new FlattenLayer(pool2.OutputShape)).Add(new DenseLayer(pool2.OutputShape.Size, 12)).Add(new ReLUActivation())
            .Add(new DenseLayer(12, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.05f, momentum: 0.9f));
        return network;
    }

    private static (Network Network, TrainingHistory History) Train(Func<Network> build, Matrix x, int[] y, TrainingExecution execution, bool fuse, int threads, int batch = 32)
    {
        var network = build();
        network.NumberOfThreads = threads;
        network.Build();
        var targets = Matrix.FromLabels(y);
        var loop = new TrainingLoop(network, new FitOptions { Epochs = 4, BatchSize = batch, Execution = execution }) { FuseLayers = fuse };
        return (network, loop.Run(x, targets));
    }

    /// <summary>Images whose class is the quadrant holding the brightest blob, with noise around it (and negative values, so the ReLUs cut).</summary>
    private static (Matrix Images, int[] Labels) Images(int count, int side, int seed)
    {
        var random = new SeededRandom(seed);
        var x = new Matrix(count, side * side);
        var y = new int[count];
        for (int n = 0; n < count; n++)
        {
            y[n] = random.NextInt(3);
            int cy = y[n] == 0 ? side / 4 : 3 * side / 4, cx = y[n] == 2 ? side / 4 : 3 * side / 4;
            for (int i = 0; i < side * side; i++)
            {
                int dy = i / side - cy, dx = i % side - cx;
                x.Data[n * side * side + i] = (dy * dy + dx * dx <= 4 ? 1f : 0f) + 0.6f * (random.NextSingle() - 0.5f);
            }
        }
        return (x, y);
    }

    private static int[] Weights(Network network) =>
        [.. network.Parameters.SelectMany(p => p.Values.ToArray()).Select(BitConverter.SingleToInt32Bits)];
}
