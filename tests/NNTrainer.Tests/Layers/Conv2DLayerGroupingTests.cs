using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

/// <summary>
/// The convolution puts several samples side by side in one product while their column matrix is small, and one sample
/// per product otherwise; neither may change a value. These cases mix both within one batch.
/// </summary>
public class Conv2DLayerGroupingTests
{
    // 2×24×24 input, 3×3 kernels: 576 positions, so two samples a product; a batch of 24 has parts of 3 samples,
    // i.e. a product of two and one of one in every part. 20×14×14 with 5×5 kernels: LeNet's second layer, one sample a product.
    [Theory]
    [InlineData(2, 24, 3, 4, 24)]
    [InlineData(20, 14, 5, 6, 5)]
    [InlineData(20, 14, 5, 50, 5)] // LeNet's second layer: Winograd forward (with AVX-512)
    public void EachSamplesOutputAndInputGradientAreThoseOfTheSampleAlone(int channels, int side, int kernel, int filters, int rows)
    {
        var shape = new ImageShape(channels, side, side);
        var layer = Built(shape, filters, kernel);
        var x = GradientCheck.Random(rows, shape.Size, seed: 21);
        var upstream = GradientCheck.Random(rows, layer.OutputShape.Size, seed: 22);
        layer.Forward(x, training: true);
        layer.Backward(upstream);
        var output = layer.Output.AsSpan().ToArray();
        var dInputs = layer.DInputs.AsSpan().ToArray();
        var alone = Built(shape, filters, kernel);
        for (int r = 0; r < rows; r++)
        {
            alone.Forward(new Matrix(1, shape.Size, x.AsSpan().Slice(r * shape.Size, shape.Size).ToArray()), training: true);
            alone.Backward(new Matrix(1, layer.OutputShape.Size, upstream.AsSpan().Slice(r * layer.OutputShape.Size, layer.OutputShape.Size).ToArray()));
            Assert.Equal(Bits(alone.Output.AsSpan()), Bits(output.AsSpan(r * layer.OutputShape.Size, layer.OutputShape.Size)));
            Assert.Equal(Bits(alone.DInputs.AsSpan()), Bits(dInputs.AsSpan(r * shape.Size, shape.Size)));
        }
    }

    [Theory]
    [InlineData(2, 24, 3, 4, 24)]
    [InlineData(20, 14, 5, 6, 5)]
    [InlineData(20, 14, 5, 50, 5)] // LeNet's second layer: Winograd forward (with AVX-512)
    public void WeightAndBiasGradientsMatchTheDefinition(int channels, int side, int kernel, int filters, int rows)
    {
        var shape = new ImageShape(channels, side, side);
        var layer = Built(shape, filters, kernel);
        var x = GradientCheck.Random(rows, shape.Size, seed: 23);
        var dY = GradientCheck.Random(rows, layer.OutputShape.Size, seed: 24);
        layer.Forward(x, training: true);
        layer.Backward(dY);
        int pad = layer.PadTop, positions = side * side, patch = channels * kernel * kernel;
        var dW = new double[filters * patch];
        var dB = new double[filters];
        for (int r = 0; r < rows; r++)
        {
            for (int m = 0; m < filters; m++)
            {
                for (int p = 0; p < positions; p++)
                {
                    double g = dY.Data[r * filters * positions + m * positions + p];
                    dB[m] += g;
                    int oy = p / side, ox = p % side;
                    for (int i = 0; i < patch; i++)
                    {
                        int c = i / (kernel * kernel), iy = oy + i / kernel % kernel - pad, ix = ox + i % kernel - pad;
                        if (iy >= 0 && iy < side && ix >= 0 && ix < side) dW[m * patch + i] += g * x.Data[r * shape.Size + (c * side + iy) * side + ix];
                    }
                }
            }
        }
        GradientCheck.AssertClose(layer.Weights.Gradients, dW, "dWeights", relative: 1e-4, absolute: 1e-4);
        GradientCheck.AssertClose(layer.Biases.Gradients, dB, "dBiases", relative: 1e-4, absolute: 1e-4);
    }

    private static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++) bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }

    private static Conv2DLayer Built(ImageShape input, int filters, int kernel)
    {
        var layer = new Conv2DLayer(input, filters, kernel, 1, Padding.Same, WeightInitializer.Glorot);
        new Network(seed: 3).Add(layer).Build();
        layer.ComputeInputGradient = true;
        for (int i = 0; i < filters; i++) layer.Biases.Values[i] = 0.05f * i;
        return layer;
    }
}
