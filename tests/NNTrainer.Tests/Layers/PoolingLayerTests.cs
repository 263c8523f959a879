using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

public class PoolingLayerTests
{
    [Theory]
    [InlineData(3, 2, 6, 6, 2, null)]
    [InlineData(2, 3, 7, 5, 3, 2)]  // overlapping windows: a value can receive gradient from two outputs
    [InlineData(2, 1, 5, 5, 2, null)] // the last row and column are not covered
    public void MaxPoolBackwardMatchesNumericalGradient(int rows, int channels, int height, int width, int pool, int? stride)
    {
        var layer = new MaxPool2DLayer(new ImageShape(channels, height, width), pool, stride);
        // Distinct values (a shuffled ramp) so that no window has a tie the step could flip.
        var x = new Matrix(rows, channels * height * width);
        var random = new SeededRandom(3);
        var order = Enumerable.Range(0, x.Length).ToArray();
        random.Shuffle(order);
        for (int i = 0; i < x.Length; i++) x.Data[i] = 0.05f * order[i];
        CheckGradient(layer, x);
    }

    [Theory]
    [InlineData(3, 2, 6, 6, 2, null)]
    [InlineData(2, 3, 7, 5, 3, 2)]
    public void AveragePoolBackwardMatchesNumericalGradient(int rows, int channels, int height, int width, int pool, int? stride) =>
        CheckGradient(new AveragePool2DLayer(new ImageShape(channels, height, width), pool, stride), GradientCheck.Random(rows, channels * height * width, seed: 8));

    [Fact]
    public void MaxPoolTakesTheLargestOfEachWindowPerChannel()
    {
        var layer = new MaxPool2DLayer(new ImageShape(2, 2, 4));
        var x = new Matrix(1, 16, [1, 5, 2, 0, 3, 4, 8, 7, /* channel 1 */ -1, -2, -3, -4, -5, -6, -7, -0.5f]);
        layer.Forward(x, training: true);
        Assert.Equal([5f, 8f, -1f, -0.5f], layer.Output.AsSpan().ToArray());
        Assert.Equal(new ImageShape(2, 1, 2), layer.OutputShape);
    }

    [Fact]
    public void AveragePoolTakesTheMeanOfEachWindow()
    {
        var layer = new AveragePool2DLayer(new ImageShape(1, 2, 4));
        layer.Forward(new Matrix(1, 8, [1, 5, 2, 0, 3, 4, 8, 7]), training: true);
        Assert.Equal([13f / 4, 17f / 4], layer.Output.AsSpan().ToArray());
    }

    [Fact]
    public void InferEqualsForwardWithoutTraining()
    {
        var x = GradientCheck.Random(9, 3 * 8 * 8, seed: 2);
        foreach (Layer layer in new Layer[] { new MaxPool2DLayer(new ImageShape(3, 8, 8)), new AveragePool2DLayer(new ImageShape(3, 8, 8), 3, 1) })
        {
            layer.Forward(x, training: false);
            var inferred = new Matrix(9, layer.Output.Columns);
            layer.Infer(x, inferred);
            Assert.Equal(layer.Output.AsSpan().ToArray(), inferred.AsSpan().ToArray());
        }
    }

    [Theory]
    [InlineData(3, 2, "height 2")]
    [InlineData(3, 5, "height 2")]
    public void PoolingThatShrinksASideToZeroIsRejected(int pool, int width, string side)
    {
        var max = Assert.Throws<ArgumentException>(() => new MaxPool2DLayer(new ImageShape(4, 2, width), pool));
        Assert.Equal("poolSize", max.ParamName);
        Assert.Contains($"MaxPool2DLayer: poolSize {pool} would shrink the input's {side} to zero (input 4×2×{width})", max.Message);
        var average = Assert.Throws<ArgumentException>(() => new AveragePool2DLayer(new ImageShape(4, 2, width), pool));
        Assert.Contains("AveragePool2DLayer: poolSize", average.Message);
    }

    [Theory]
    [InlineData(0, null, "poolSize")]
    [InlineData(2, 0, "stride")]
    [InlineData(-2, null, "poolSize")]
    public void NonPositiveOptionsAreRejected(int pool, int? stride, string option)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MaxPool2DLayer(new ImageShape(1, 4, 4), pool, stride));
        Assert.Equal(option, e.ParamName);
        Assert.Contains("MaxPool2DLayer", e.Message);
    }

    private static void CheckGradient(Layer layer, Matrix x)
    {
        var upstream = GradientCheck.Random(x.Rows, layer.GetOutputSize(x.Columns), seed: 12);
        GradientCheck.AssertLayer(layer, x, upstream);
    }
}
