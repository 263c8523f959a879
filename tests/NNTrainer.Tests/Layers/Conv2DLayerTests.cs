using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

public class Conv2DLayerTests
{
    [Theory]
    [InlineData(2, 1, 5, 5, 3, 3, 1, Padding.Valid)]
    [InlineData(3, 2, 6, 5, 4, 3, 1, Padding.Same)]
    [InlineData(2, 3, 7, 6, 2, 3, 2, Padding.Same)]
    [InlineData(1, 2, 8, 7, 3, 2, 2, Padding.Valid)]
    [InlineData(9, 2, 4, 4, 3, 2, 1, Padding.Same)] // even kernel: the extra padding row and column go after
    [InlineData(3, 1, 6, 6, 12, 3, 1, Padding.Same)] // fewer patch values (9) than filters: dWᵀ is accumulated
    [InlineData(2, 8, 7, 6, 8, 5, 1, Padding.Same)] // Winograd F(5×5, 2×2) for the weight gradient; im2col for the input gradient alone (with AVX-512)
    [InlineData(2, 8, 7, 6, 8, 5, 1, Padding.Same, true)] // Winograd for the output, the input gradient and the weight gradient
    [InlineData(2, 8, 9, 8, 9, 5, 1, Padding.Valid, true)] // the same, "valid" (the input gradient padded by 4)
    [InlineData(2, 1, 7, 18, 6, 5, 1, Padding.Same)] // one input channel, 5×5: SingleChannelWeightGradient (with AVX-512), im2col's input gradient
    [InlineData(3, 1, 9, 8, 7, 5, 1, Padding.Valid)] // the same, "valid", a last filter block of two
    public void BackwardMatchesNumericalGradient(int rows, int channels, int height, int width, int filters, int kernel, int stride, Padding padding,
        bool winogradEverywhere = false)
    {
        var layer = Built(new ImageShape(channels, height, width), filters, kernel, stride, padding);
        layer.WinogradWhereverItApplies = winogradEverywhere;
        var x = GradientCheck.Random(rows, channels * height * width, seed: 11);
        var upstream = GradientCheck.Random(rows, layer.OutputShape.Size, seed: 12);
        // A convolution is linear in its inputs and in its weights, so central differences are exact at any step: a step
        // of 0.05 keeps float32 rounding (a few times larger through Winograd's transforms) far below the tolerance.
        GradientCheck.AssertLayer(layer, x, upstream, step: 0.05);
    }

    [Fact]
    public void ForwardMatchesTheDefinitionWithZeroPadding()
    {
        // 1 channel 3x3 input, one 3x3 kernel, "same": each output is the kernel's dot product with the zero-padded window.
        var layer = Built(new ImageShape(1, 3, 3), filters: 1, kernel: 3, stride: 1, Padding.Same);
        for (int i = 0; i < 9; i++) layer.Weights.Values[i] = i + 1;
        layer.Biases.Values[0] = 0.5f;
        var x = new Matrix(1, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        layer.Forward(x, training: false);
        var expected = new float[9];
        for (int oy = 0; oy < 3; oy++)
        {
            for (int ox = 0; ox < 3; ox++)
            {
                float sum = 0.5f;
                for (int ky = 0; ky < 3; ky++)
                {
                    for (int kx = 0; kx < 3; kx++)
                    {
                        int iy = oy + ky - 1, ix = ox + kx - 1;
                        if (iy is >= 0 and < 3 && ix is >= 0 and < 3) sum += (ky * 3 + kx + 1) * x.Data[iy * 3 + ix];
                    }
                }
                expected[oy * 3 + ox] = sum;
            }
        }
        Assert.Equal(expected, layer.Output.AsSpan().ToArray());
        Assert.Equal((1, 1, 1, 1), (layer.PadTop, layer.PadLeft, layer.PadBottom, layer.PadRight));
    }

    [Theory]
    [InlineData(28, 5, 1, Padding.Same, 28, 2, 2)]
    [InlineData(28, 5, 1, Padding.Valid, 24, 0, 0)]
    [InlineData(7, 3, 2, Padding.Same, 4, 1, 1)]
    [InlineData(8, 3, 2, Padding.Same, 4, 0, 1)]
    [InlineData(8, 3, 2, Padding.Valid, 3, 0, 0)]
    public void OutputShapeAndPaddingFollowKeras(int side, int kernel, int stride, Padding padding, int outputSide, int padBefore, int padAfter)
    {
        var layer = new Conv2DLayer(new ImageShape(2, side, side), 4, kernel, stride, padding);
        Assert.Equal(new ImageShape(4, outputSide, outputSide), layer.OutputShape);
        Assert.Equal((padBefore, padAfter, padBefore, padAfter), (layer.PadTop, layer.PadBottom, layer.PadLeft, layer.PadRight));
        Assert.Equal(4 * 2 * kernel * kernel, layer.Weights.Values.Length);
    }

    [Theory]
    [InlineData(3, 5, 3)]
    [InlineData(8, 9, 5)] // Winograd (with AVX-512): the inference job transforms the kernels on its own
    public void InferEqualsForwardWithoutTraining(int channels, int filters, int kernel)
    {
        var layer = Built(new ImageShape(channels, 9, 8), filters, kernel, 1, Padding.Same);
        layer.WinogradWhereverItApplies = true;
        var x = GradientCheck.Random(13, channels * 9 * 8, seed: 4);
        layer.Forward(x, training: false);
        var inferred = new Matrix(13, layer.OutputShape.Size);
        layer.Infer(x, inferred);
        Assert.Equal(layer.Output.AsSpan().ToArray(), inferred.AsSpan().ToArray());
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(8, 5)] // Winograd's weight gradient, im2col's input gradient alone (with AVX-512)
    [InlineData(8, 5, true)] // Winograd in every direction
    [InlineData(1, 5)] // one input channel: SingleChannelWeightGradient (with AVX-512)
    public void OneAndTwoThreadsGiveBitIdenticalResults(int channels, int kernel, bool winogradEverywhere = false)
    {
        (float[] Output, float[] DInputs, float[] DWeights) Run(int threads)
        {
            var layer = Built(new ImageShape(channels, 12, 12), 8, kernel, 1, Padding.Same);
            layer.WinogradWhereverItApplies = winogradEverywhere;
            layer.NumberOfThreads = threads;
            var x = GradientCheck.Random(37, channels * 144, seed: 5);
            layer.Forward(x, training: true);
            layer.Backward(GradientCheck.Random(37, layer.OutputShape.Size, seed: 6));
            return (layer.Output.AsSpan().ToArray(), layer.DInputs.AsSpan().ToArray(), (float[])layer.Weights.Gradients.Clone());
        }
        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Output, two.Output);
        Assert.Equal(one.DInputs, two.DInputs);
        Assert.Equal(one.DWeights, two.DWeights);
    }

    [Fact]
    public void HeInitialisationUsesTheFanIn()
    {
        var layer = new Conv2DLayer(new ImageShape(8, 10, 10), 64, 5);
        new Network(seed: 3).Add(layer).Add(new ReLUActivation()).Build();
        var w = layer.Weights.Values;
        double std = Math.Sqrt(w.Sum(v => (double)v * v) / w.Length);
        Assert.Equal(Math.Sqrt(2.0 / (8 * 25)), std, 2);
        Assert.All(layer.Biases.Values, b => Assert.Equal(0f, b));
    }

    [Theory]
    [InlineData(0, 3, 1, "filters")]
    [InlineData(2, 0, 1, "kernelSize")]
    [InlineData(2, 3, 0, "stride")]
    [InlineData(2, 3, -1, "stride")]
    public void NonPositiveOptionsAreRejected(int filters, int kernel, int stride, string option)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new Conv2DLayer(new ImageShape(1, 5, 5), filters, kernel, stride));
        Assert.Equal(option, e.ParamName);
        Assert.Contains("Conv2DLayer", e.Message);
    }

    [Theory]
    [InlineData(Padding.Valid)]
    [InlineData(Padding.Same)]
    public void KernelLargerThanItsInputIsRejected(Padding padding)
    {
        var e = Assert.Throws<ArgumentException>(() => new Conv2DLayer(new ImageShape(1, 4, 6), 2, 5, padding: padding));
        Assert.Equal("kernelSize", e.ParamName);
        Assert.Contains("Conv2DLayer: kernelSize 5 is larger than its input (1×4×6", e.Message);
    }

    [Fact]
    public void EmptyInputShapeIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Conv2DLayer(new ImageShape(1, 0, 6), 2, 1));
        Assert.Equal("inputShape", e.ParamName);
        Assert.Contains("Conv2DLayer: inputShape must have positive channels, height and width; it is 1×0×6", e.Message);
    }

    [Fact]
    public void WrongBatchWidthIsRejectedWithTheShape()
    {
        var layer = Built(new ImageShape(2, 4, 4), 3, 3, 1, Padding.Valid);
        var e = Assert.Throws<ArgumentException>(() => layer.Forward(new Matrix(2, 30), training: true));
        Assert.Contains("2×4×4 = 32 values per sample; the batch has 30", e.Message);
    }

    private static Conv2DLayer Built(ImageShape input, int filters, int kernel, int stride, Padding padding)
    {
        var layer = new Conv2DLayer(input, filters, kernel, stride, padding, WeightInitializer.Glorot);
        new Network(seed: filters + kernel).Add(layer).Build();
        layer.ComputeInputGradient = true;
        var b = layer.Biases.Values;
        for (int i = 0; i < b.Length; i++) b[i] = 0.1f * (i - b.Length / 2);
        return layer;
    }
}
