using System.Runtime.Intrinsics.X86;
using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Training;

/// <summary>
/// A small network whose second convolution (8 → 8 channels, 5×5, stride 1) runs by Winograd in every direction on
/// AVX-512 machines (forced: at 8 channels the rule keeps the forward pass and the input gradient on im2col): it learns,
/// a seed gives the same bytes every time, and one thread and two give the same bytes.
/// </summary>
public class WinogradTrainingTests
{
    [Fact]
    public void ItLearnsAndTrainsToTheSameBytesOnOneAndTwoThreads()
    {
        var (x, y) = TinyImages.Make(240, seed: 7);
        var (oneThread, accuracy) = Train(x, y, threads: 1);
        Assert.Equal(oneThread, Train(x, y, threads: 1).Bytes);
        Assert.Equal(oneThread, Train(x, y, threads: 2).Bytes);
        Assert.True(accuracy >= 0.9, $"training accuracy {accuracy}");
    }

    [Fact]
    public void TheSecondConvolutionMeetsTheWinogradRule()
    {
        var conv = new Conv2DLayer(new ImageShape(8, 8, 8), 8, 5, padding: Padding.Same);
        var g = new ConvolutionGeometry(conv.InputShape, 5, 1, conv.PadTop, conv.PadLeft, 8, 8);
        Assert.Equal(Avx512F.IsSupported, WinogradConvolution.Applies(in g, 8));
        Assert.Equal(Avx512F.IsSupported, WinogradWeightGradient.Create(in g, 8) is not null);
        Assert.Equal(Avx512F.IsSupported, WinogradConvolution.Forward(in g, 8, always: true) is not null);
        Assert.Equal(Avx512F.IsSupported, WinogradConvolution.InputGradient(in g, 8, always: true) is not null);
    }

    private static (byte[] Bytes, double Accuracy) Train(Matrix x, int[] y, int threads)
    {
        var conv1 = new Conv2DLayer(TinyImages.Shape, 8, 3, padding: Padding.Same);
        var conv2 = new Conv2DLayer(conv1.OutputShape, 8, 5, padding: Padding.Same) { WinogradWhereverItApplies = true };
        var pool = new MaxPool2DLayer(conv2.OutputShape);
        var network = new Network(seed: 3)
            .Add(conv1).Add(new ReLUActivation())
            .Add(conv2).Add(new ReLUActivation()).Add(pool)
            .Add(new FlattenLayer(pool.OutputShape))
            .Add(new DenseLayer(pool.OutputShape.Size, 4)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.05f, momentum: 0.9f));
        network.NumberOfThreads = threads;
        network.Fit(x, y, new FitOptions { Epochs = 4, BatchSize = 40 });
        using var stream = new MemoryStream();
        network.Save(stream);
        return (stream.ToArray(), network.Evaluate(x, y).Accuracy);
    }
}
