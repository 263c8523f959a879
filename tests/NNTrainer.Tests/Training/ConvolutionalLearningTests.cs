using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Training;

public class ConvolutionalLearningTests
{
    [Fact]
    public void EverySpatialLayerTogetherLearnsWhereTheBlobIs()
    {
        var (x, y) = TinyImages.Make(512, seed: 1);
        var (testX, testY) = TinyImages.Make(256, seed: 2);
        var network = TinyImages.EverySpatialLayerNetwork(seed: 3);
        network.Fit(x, y, new FitOptions { Epochs = 8, BatchSize = 32 });
        Assert.True(network.Evaluate(testX, testY).Accuracy >= 0.95, $"accuracy {network.Evaluate(testX, testY).Accuracy}");
    }

    [Fact]
    public void ASmallConvNetLearnsFashionMnist()
    {
        // conv 8 3×3 same → ReLU → max-pool 2 → dense 10 on the first 4,000 training images, 3 epochs: ≥ 80 % on the
        // first 2,000 test images (a dense softmax regression on the same budget reaches about 75 %).
        var (trainImages, trainLabels, testImages, testLabels) = FashionMnist.Load();
        var conv = new Conv2DLayer(FashionMnist.ImageShape, 8, 3, padding: Padding.Same);
        var pool = new MaxPool2DLayer(conv.OutputShape);
        var network = new Network(seed: 1)
            .Add(conv).Add(new ReLUActivation()).Add(pool).Add(new FlattenLayer(pool.OutputShape))
            .Add(new DenseLayer(pool.OutputShape.Size, 10)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.05f, momentum: 0.9f));
        network.Fit(new Matrix(4_000, 784, trainImages.Data), trainLabels[..4_000], new FitOptions { Epochs = 3, BatchSize = 64 });
        double accuracy = network.Evaluate(new Matrix(2_000, 784, testImages.Data), testLabels[..2_000]).Accuracy;
        Assert.True(accuracy >= 0.80, $"accuracy {accuracy}");
    }

    [Fact]
    public void TrainingIsBitIdenticalOnOneAndTwoThreads()
    {
        byte[] Train(int threads)
        {
            var (x, y) = TinyImages.Make(96, seed: 4);
            var network = TinyImages.EverySpatialLayerNetwork(seed: 5);
            network.NumberOfThreads = threads;
            network.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 48 });
            using var stream = new MemoryStream();
            network.Save(stream);
            return stream.ToArray();
        }
        Assert.Equal(Train(1), Train(2));
    }

    [Fact]
    public void GoingBackToTheBestEpochRestoresBatchNormalisationsRunningAverages()
    {
        var norm = new BatchNormalizationLayer(3);
        var network = new Network(seed: 1).Add(new DenseLayer(2, 3)).Add(norm).Add(new SoftmaxActivation());
        network.Build();
        var snapshot = new WeightSnapshot(network.Parameters, network.Layers.SelectMany(l => l.State).ToArray());
        norm.RunningMean[1] = 0.25f;
        norm.RunningVariance[2] = 4f;
        snapshot.Capture(null);
        norm.RunningMean[1] = float.NaN;
        norm.RunningVariance[2] = 9f;
        snapshot.Restore(null);
        Assert.Equal([0f, 0.25f, 0f], norm.RunningMean);
        Assert.Equal([1f, 1f, 4f], norm.RunningVariance);
    }
}
