namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>Small trained networks that between them use every layer, loss, accuracy and optimizer state the format stores.</summary>
public static class FuzzNetworks
{
    public static IEnumerable<Network> All()
    {
        var (x, y) = SyntheticData.Spiral(10, 3, seed: 1);
        yield return Trained(Classifier(new AdamOptimizer(0.01f)), x, Matrix.FromLabels(y));
        yield return Trained(Classifier(new SgdOptimizer(0.1f, decay: 1e-3f, momentum: 0.9f)), x, Matrix.FromLabels(y));
        yield return Trained(Classifier(new RmsPropOptimizer(0.01f)), x, Matrix.FromLabels(y));
        var (sx, sy) = SyntheticData.Sine(30);
        var regression = new Network(seed: 4).Add(new DenseLayer(1, 5)).Add(new TanhActivation()).Add(new DenseLayer(5, 1)).Add(new LinearActivation());
        regression.Set(new MeanAbsoluteErrorLoss(), new AdaGradOptimizer(0.05f), new RegressionAccuracy { Precision = 0.1f });
        yield return Trained(regression, sx, sy);
        var binary = new Network(seed: 5).Add(new DenseLayer(2, 3)).Add(new SigmoidActivation()).Add(new DenseLayer(3, 1)).Add(new SigmoidActivation());
        binary.Set(new BinaryCrossEntropyLoss(), new AdamOptimizer(0.01f));
        yield return Trained(binary, x, Matrix.FromColumn(y.Select(v => v == 0 ? 0f : 1f).ToArray()));
        yield return ConvolutionalNetwork();
    }

    /// <summary>Every spatial layer of format version 2: conv, batch-norm (after conv and after dense), both poolings, flatten.</summary>
    private static Network ConvolutionalNetwork()
    {
        var shape = new ImageShape(2, 6, 6);
        var random = new SeededRandom(6);
        var images = new Matrix(24, shape.Size);
        for (int i = 0; i < images.Length; i++) images.Data[i] = random.NextSingle();
        var labels = Enumerable.Range(0, 24).Select(i => i % 3).ToArray();
        var conv = new Conv2DLayer(shape, 3, 3, padding: Padding.Same);
        var max = new MaxPool2DLayer(conv.OutputShape);
        var conv2 = new Conv2DLayer(max.OutputShape, 4, 2, stride: 1);
        var average = new AveragePool2DLayer(conv2.OutputShape, 2, 1);
        var network = new Network(seed: 6)
            .Add(conv).Add(new ReLUActivation()).Add(new BatchNormalizationLayer(conv.OutputShape)).Add(max).Add(new DropoutLayer(0.1f))
            .Add(conv2).Add(average).Add(new FlattenLayer(average.OutputShape))
            .Add(new DenseLayer(average.OutputShape.Size, 5)).Add(new BatchNormalizationLayer(5)).Add(new ReLUActivation())
            .Add(new DenseLayer(5, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.01f));
        return Trained(network, images, Matrix.FromLabels(labels));
    }

    private static Network Classifier(Optimizer optimizer)
    {
        var network = new Network(seed: 3)
            .Add(new DenseLayer(2, 4, weightL2: 1e-4f)).Add(new ReLUActivation()).Add(new DropoutLayer(0.1f))
            .Add(new DenseLayer(4, 4)).Add(new LeakyReLUActivation(0.05f))
            .Add(new DenseLayer(4, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), optimizer);
        return network;
    }

    private static Network Trained(Network network, Matrix x, Matrix y)
    {
        network.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 8 });
        return network;
    }
}
