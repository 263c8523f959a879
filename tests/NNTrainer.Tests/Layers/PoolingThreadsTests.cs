using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

/// <summary>
/// The pooling and ReLU layers split large batches over their threads: every value must be the one a single thread
/// computes, bit for bit, so that training on 1 and 2 threads gives the same model.
/// </summary>
public class PoolingThreadsTests
{
    [Theory]
    [InlineData(24, 24, 2, null)] // the vectorised 2×2 path, large enough to be split
    [InlineData(25, 23, 2, null)] // odd sides: the uncovered row and column get a zero gradient
    [InlineData(25, 25, 3, 2)] // overlapping windows, the general path
    public void MaxPoolGivesTheSameOutputsIndicesAndGradientsOnOneAndTwoThreads(int height, int width, int pool, int? stride)
    {
        var shape = new ImageShape(8, height, width);
        var x = new Matrix(16, shape.Size);
        var random = new SeededRandom(height * 7 + pool);
        // Few distinct values: windows with ties, and negative zeros among them.
        for (int i = 0; i < x.Length; i++) x.Data[i] = random.NextInt(7) switch { 0 => -0f, int v => (v - 3) * 0.25f };
        var (output1, gradient1, inferred1) = Pass(new MaxPool2DLayer(shape, pool, stride), x, threads: 1);
        var (output2, gradient2, inferred2) = Pass(new MaxPool2DLayer(shape, pool, stride), x, threads: 2);
        Assert.Equal(Bits(output1), Bits(output2));
        Assert.Equal(Bits(gradient1), Bits(gradient2));
        Assert.Equal(Bits(inferred1), Bits(inferred2));
        Assert.Equal(Bits(output1), Bits(inferred1));
        // The definition, on one sample's first plane: the first largest value of each window, its gradient added back there.
        var plane = x.Data.AsSpan(0, height * width).ToArray();
        var dy = GradientFor(output1);
        int ow = (width - pool) / (stride ?? pool) + 1, oh = (height - pool) / (stride ?? pool) + 1;
        var expected = new float[height * width];
        for (int oy = 0; oy < oh; oy++)
        {
            for (int ox = 0; ox < ow; ox++)
            {
                int best = oy * (stride ?? pool) * width + ox * (stride ?? pool);
                for (int ky = 0; ky < pool; ky++)
                {
                    for (int kx = 0; kx < pool; kx++)
                    {
                        int at = (oy * (stride ?? pool) + ky) * width + ox * (stride ?? pool) + kx;
                        if (plane[at] > plane[best]) best = at;
                    }
                }
                Assert.Equal(BitConverter.SingleToInt32Bits(plane[best]), BitConverter.SingleToInt32Bits(output1.Data[oy * ow + ox]));
                expected[best] += dy.Data[oy * ow + ox];
            }
        }
        Assert.Equal(Bits(expected), Bits(gradient2.Data.AsSpan(0, height * width).ToArray()));
    }

    [Fact]
    public void ReLUGivesTheSameValuesAndGradientsOnOneAndTwoThreads()
    {
        // 3 × 70,001 values: blocks of whole vectors and a ragged last one.
        var x = GradientCheck.Random(3, 70_001, seed: 4);
        x.Data[5] = -0f;
        x.Data[200_000] = float.NaN;
        var (output1, gradient1, _) = Pass(new ReLUActivation(), x, threads: 1);
        var (output2, gradient2, inferred2) = Pass(new ReLUActivation(), x, threads: 2);
        Assert.Equal(Bits(output1), Bits(output2));
        Assert.Equal(Bits(output1), Bits(inferred2));
        Assert.Equal(Bits(gradient1), Bits(gradient2));
        var dy = GradientFor(output1);
        for (int i = 0; i < x.Length; i++)
        {
            float v = x.Data[i];
            Assert.Equal(BitConverter.SingleToInt32Bits(v < 0f ? 0f : v), BitConverter.SingleToInt32Bits(output2.Data[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(v > 0f ? dy.Data[i] : 0f), BitConverter.SingleToInt32Bits(gradient2.Data[i]));
        }
    }

    private static (Matrix Output, Matrix Gradient, Matrix Inferred) Pass(Layer layer, Matrix x, int threads)
    {
        layer.NumberOfThreads = threads;
        layer.Forward(x, training: true);
        var output = layer.Output.Clone();
        layer.Backward(GradientFor(output));
        var inferred = new Matrix(x.Rows, output.Columns);
        layer.Infer(x, inferred);
        return (output, layer.DInputs.Clone(), inferred);
    }

    /// <summary>A gradient that differs per value, with negative zeros.</summary>
    private static Matrix GradientFor(Matrix output)
    {
        var dy = new Matrix(output.Rows, output.Columns);
        for (int i = 0; i < dy.Length; i++) dy.Data[i] = i % 11 == 0 ? -0f : (i % 97 - 48) * 0.01f;
        return dy;
    }

    private static int[] Bits(Matrix m) => Bits(m.Data.AsSpan(0, m.Length).ToArray());

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
