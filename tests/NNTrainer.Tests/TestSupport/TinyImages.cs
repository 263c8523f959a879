namespace NNTrainer.Tests.TestSupport;

/// <summary>
/// Small synthetic images for convolutional tests: 1×8×8 noise with a bright 3×3 blob in one of four quadrants; the
/// quadrant is the class. A convolution + pooling learns it in a few epochs; a linear model on raw pixels does too,
/// but less reliably with this much noise.
/// </summary>
internal static class TinyImages
{
    public static readonly ImageShape Shape = new(1, 8, 8);

    public static (Matrix Images, int[] Labels) Make(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var images = new Matrix(count, Shape.Size);
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            var row = images.Row(i);
            for (int p = 0; p < row.Length; p++) row[p] = (float)(0.3 * random.NextDouble());
            int label = random.NextInt(4);
            labels[i] = label;
            int top = (label / 2) * 4 + random.NextInt(2), left = (label % 2) * 4 + random.NextInt(2);
            for (int y = top; y < top + 3; y++)
            {
                for (int x = left; x < left + 3; x++) row[y * 8 + x] += 0.7f;
            }
        }
        return (images, labels);
    }

    /// <summary>A network with every spatial layer: conv → ReLU → BN → max-pool → dropout → conv → avg-pool → flatten → dense → BN → ReLU → dense → softmax.</summary>
    public static Network EverySpatialLayerNetwork(int seed, Optimizer? optimizer = null)
    {
        var conv1 = new Conv2DLayer(Shape, 4, 3, padding: Padding.Same);
        var pool1 = new MaxPool2DLayer(conv1.OutputShape);
        var conv2 = new Conv2DLayer(pool1.OutputShape, 6, 2, stride: 1, padding: Padding.Valid);
        var pool2 = new AveragePool2DLayer(conv2.OutputShape, 2, 1);
        var network = new Network(seed)
            .Add(conv1).Add(new ReLUActivation()).Add(new BatchNormalizationLayer(conv1.OutputShape))
            .Add(pool1).Add(new DropoutLayer(0.1f))
            .Add(conv2).Add(new ReLUActivation()).Add(pool2)
            .Add(new FlattenLayer(pool2.OutputShape))
            .Add(new DenseLayer(pool2.OutputShape.Size, 8)).Add(new BatchNormalizationLayer(8)).Add(new ReLUActivation())
            .Add(new DenseLayer(8, 4)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), optimizer ?? new SgdOptimizer(0.1f, momentum: 0.9f));
        return network;
    }
}
