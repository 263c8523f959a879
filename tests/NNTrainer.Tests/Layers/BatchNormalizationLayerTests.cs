using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

public class BatchNormalizationLayerTests
{
    [Theory]
    [InlineData(6, 3, 4, 5, true)]  // after a convolution: statistics per channel over samples and positions
    [InlineData(7, 5, 1, 1, true)]  // after a dense layer: per feature
    [InlineData(4, 2, 3, 3, false)] // inference mode: running statistics, an affine map
    public void BackwardMatchesNumericalGradient(int rows, int channels, int height, int width, bool training)
    {
        var layer = Built(new ImageShape(channels, height, width));
        var x = GradientCheck.Random(rows, channels * height * width, seed: 3, scale: 2, offset: 0.5);
        var upstream = GradientCheck.Random(rows, x.Columns, seed: 4);
        GradientCheck.AssertLayer(layer, x, upstream, training);
    }

    [Fact]
    public void TrainingNormalisesEachChannelAndUpdatesTheRunningAverages()
    {
        var layer = Built(new ImageShape(2, 1, 2), momentum: 0.8f, epsilon: 1e-3f);
        Array.Fill(layer.Gamma.Values, 1f);
        Array.Clear(layer.Beta.Values);
        // Channel 0 sees {1, 3, 5, 7}: mean 4, biased variance 5, unbiased 20/3. Channel 1 sees {2, 2, 2, 2}.
        var x = new Matrix(2, 4, [1, 3, 2, 2, 5, 7, 2, 2]);
        layer.Forward(x, training: true);
        float inv = 1f / MathF.Sqrt(5f + 1e-3f);
        Assert.Equal(-3f * inv, layer.Output[0, 0], 5);
        Assert.Equal(3f * inv, layer.Output[1, 1], 5);
        Assert.Equal(0f, layer.Output[0, 2]);
        Assert.Equal(0.2f * 4f, layer.RunningMean[0], 6);
        Assert.Equal(0.2f * 2f, layer.RunningMean[1], 6);
        Assert.Equal(0.8f + 0.2f * 20f / 3f, layer.RunningVariance[0], 5);
        Assert.Equal(0.8f, layer.RunningVariance[1], 6);
    }

    [Fact]
    public void InferenceUsesTheRunningAverages()
    {
        var layer = Built(new ImageShape(1, 1, 1), epsilon: 0.5f);
        layer.RunningMean[0] = 2f;
        layer.RunningVariance[0] = 3.5f;
        layer.Gamma.Values[0] = 3f;
        layer.Beta.Values[0] = 1f;
        var x = new Matrix(2, 1, [4, 0]);
        layer.Forward(x, training: false);
        Assert.Equal([4f, -2f], layer.Output.AsSpan().ToArray());
        var inferred = new Matrix(2, 1);
        layer.Infer(x, inferred);
        Assert.Equal([4f, -2f], inferred.AsSpan().ToArray());
    }

    [Fact]
    public void InferEqualsForwardWithoutTraining()
    {
        var layer = Built(new ImageShape(4, 3, 3));
        var x = GradientCheck.Random(10, 36, seed: 7);
        layer.Forward(GradientCheck.Random(10, 36, seed: 8, offset: 1), training: true); // moves the running averages
        layer.Forward(x, training: false);
        var inferred = new Matrix(10, 36);
        layer.Infer(x, inferred);
        Assert.Equal(layer.Output.AsSpan().ToArray(), inferred.AsSpan().ToArray());
    }

    [Theory]
    [InlineData(1f, 1e-5f, "momentum")]
    [InlineData(-0.1f, 1e-5f, "momentum")]
    [InlineData(0.9f, 0f, "epsilon")]
    [InlineData(0.9f, float.NaN, "epsilon")]
    public void InvalidOptionsAreRejected(float momentum, float epsilon, string option)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNormalizationLayer(4, momentum, epsilon));
        Assert.Equal(option, e.ParamName);
        Assert.Contains("BatchNormalizationLayer", e.Message);
    }

    [Fact]
    public void NonPositiveFeatureCountIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new BatchNormalizationLayer(0));
        Assert.Contains("BatchNormalizationLayer: inputShape must have positive channels", e.Message);
    }

    private static BatchNormalizationLayer Built(ImageShape shape, float momentum = 0.9f, float epsilon = 1e-5f)
    {
        var layer = new BatchNormalizationLayer(shape, momentum, epsilon);
        new Network(seed: 1).Add(layer).Build();
        layer.ComputeInputGradient = true;
        for (int c = 0; c < shape.Channels; c++)
        {
            layer.Gamma.Values[c] = 0.5f + 0.3f * c;
            layer.Beta.Values[c] = 0.1f * c - 0.2f;
        }
        return layer;
    }
}
