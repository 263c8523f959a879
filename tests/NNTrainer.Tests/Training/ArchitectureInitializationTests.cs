namespace NNTrainer.Tests.Training;

public class ArchitectureInitializationTests
{
    [Fact]
    public void MiniVGGNetDrawsPyTorchsDefaultWeights()
    {
        var network = Architectures.MiniVGGNet(FashionMnist.ImageShape, 10, seed: 4);
        network.Build();
        var layers = network.Layers.Where(l => l is Conv2DLayer or DenseLayer).ToList();
        Assert.Equal(6, layers.Count);
        foreach (var layer in layers)
        {
            var (initializer, weights, biases, fanIn) = layer switch
            {
                Conv2DLayer c => (c.Initializer, c.Weights.Values, c.Biases.Values, c.InputShape.Channels * 9),
                DenseLayer d => (d.Initializer, d.Weights.Values, d.Biases.Values, d.InputSize),
                _ => throw new InvalidOperationException(),
            };
            Assert.Equal(WeightInitializer.PyTorch, initializer);
            // U(±limit) with limit = 1/√fanIn: every value inside, a standard deviation of limit/√3.
            double limit = 1 / Math.Sqrt(fanIn);
            Assert.All(weights, w => Assert.InRange(w, -limit, limit));
            Assert.InRange(StandardDeviation(weights) / (limit / Math.Sqrt(3)), 0.93, 1.07);
            Assert.All(biases, b => Assert.Equal(0f, b));
        }
        // Before round 11 the convolutions drew He, N(0, 2/fanIn): the second one's deviation was 0.083, not 1/√(3·288) = 0.034,
        // and the output layer Glorot's √(2/(512 + 10)) = 0.062, not 1/√(3·512) = 0.026.
        Assert.InRange(StandardDeviation(((Conv2DLayer)layers[1]).Weights.Values), 0.032, 0.036);
        Assert.InRange(StandardDeviation(((DenseLayer)layers[^1]).Weights.Values), 0.024, 0.028);
    }

    [Fact]
    public void LeNetAndShallowNetKeepHeWeightsBeforeTheirReLUs()
    {
        foreach (var network in new[] { Architectures.LeNet(FashionMnist.ImageShape, 10, seed: 4), Architectures.ShallowNet(FashionMnist.ImageShape, 10, seed: 4) })
        {
            network.Build();
            var conv = (Conv2DLayer)network.Layers[0];
            Assert.Equal(WeightInitializer.Auto, conv.Initializer);
            double he = Math.Sqrt(2.0 / (conv.InputShape.Channels * conv.KernelSize * conv.KernelSize));
            Assert.InRange(StandardDeviation(conv.Weights.Values) / he, 0.85, 1.15);
        }
    }

    private static double StandardDeviation(float[] values)
    {
        double mean = values.Average(v => (double)v);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
