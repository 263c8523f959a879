using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

public class FlattenLayerTests
{
    [Fact]
    public void PassesValuesAndGradientsThroughInNchwOrder()
    {
        var layer = new FlattenLayer(new ImageShape(2, 3, 4));
        Assert.Equal(new ImageShape(24, 1, 1), layer.OutputShape);
        var x = GradientCheck.Random(3, 24, seed: 1);
        layer.Forward(x, training: true);
        Assert.Equal(x.AsSpan().ToArray(), layer.Output.AsSpan().ToArray());
        var upstream = GradientCheck.Random(3, 24, seed: 2);
        layer.Backward(upstream);
        Assert.Equal(upstream.AsSpan().ToArray(), layer.DInputs.AsSpan().ToArray());
        var inferred = new Matrix(3, 24);
        layer.Infer(x, inferred);
        Assert.Equal(x.AsSpan().ToArray(), inferred.AsSpan().ToArray());
    }

    [Fact]
    public void AWrongSizeBeforeItStopsTheNetworkBuild()
    {
        var network = new Network().Add(new Conv2DLayer(new ImageShape(1, 8, 8), 4, 3)).Add(new FlattenLayer(new ImageShape(4, 8, 8)));
        var e = Assert.Throws<InvalidOperationException>(network.Build);
        Assert.Contains("Layer 1 (FlattenLayer) does not fit: This FlattenLayer takes 4×8×8 = 256 values per sample; the previous step produces 144", e.Message);
    }

    [Fact]
    public void DropoutAfterAConvolutionMasksValuesAndPassesTheirGradientBack()
    {
        var conv = new Conv2DLayer(new ImageShape(1, 6, 6), 3, 3, padding: Padding.Same);
        var dropout = new DropoutLayer(0.25f);
        var pool = new MaxPool2DLayer(new ImageShape(3, 6, 6));
        new Network(seed: 5).Add(conv).Add(dropout).Add(pool).Build();
        var x = GradientCheck.Random(4, 36, seed: 3);
        conv.Forward(x, training: true);
        dropout.Forward(conv.Output, training: true);
        var kept = dropout.Output.AsSpan().ToArray();
        var before = conv.Output.AsSpan().ToArray();
        double dropped = kept.Count(v => v == 0f) / (double)kept.Length;
        Assert.InRange(dropped, 0.15, 0.35);
        for (int i = 0; i < kept.Length; i++) Assert.True(kept[i] == 0f || Math.Abs(kept[i] - before[i] / 0.75f) < 1e-5f);
        pool.Forward(dropout.Output, training: true);
        pool.Backward(GradientCheck.Random(4, pool.OutputShape.Size, seed: 4));
        dropout.Backward(pool.DInputs);
        var gradient = dropout.DInputs.AsSpan().ToArray();
        for (int i = 0; i < kept.Length; i++)
        {
            Assert.Equal(kept[i] == 0f ? 0f : pool.DInputs.Data[i] / 0.75f, gradient[i], 5);
        }
    }
}
