using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The one-input-channel 5×5 forward pass against the im2col + GEMM path it replaces: the same bits (each output is the
/// same chain of fused multiply-adds over the 25 taps, then the bias), at 1 and 2 threads, and within float32 rounding of
/// a float64 direct sum. A tap, row or filter out of place changes outputs by the order of the values themselves.
/// </summary>
public class SingleChannelForwardTests
{
    // (height, width, filters, padding): LeNet's first layer (four blocks of five filters, 28 = 16 + 12 columns, seven
    // blocks of four rows); fewer than 16 columns, a last filter block of one and a last row block of one; "valid";
    // three chunks a row (37 columns) and a last row block of two; a single filter on a 5×5 image.
    public static TheoryData<int, int, int, Padding> Geometries => new()
    {
        { 28, 28, 20, Padding.Same },
        { 9, 11, 6, Padding.Same },
        { 12, 13, 8, Padding.Valid },
        { 10, 37, 5, Padding.Same },
        { 5, 5, 1, Padding.Valid },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ForwardIsIm2ColBitForBit(int height, int width, int filters, Padding padding)
    {
        var layer = new Conv2DLayer(new ImageShape(1, height, width), filters, 5, 1, padding);
        var g = new ConvolutionGeometry(layer.InputShape, 5, 1, layer.PadTop, layer.PadLeft, layer.OutputShape.Height, layer.OutputShape.Width);
        Assert.Equal(Avx512F.IsSupported, SingleChannelForward.Create(in g, filters) is not null);
        const int samples = 7;
        var random = new SeededRandom(height * 100 + width);
        float[] Draw(int n) => Enumerable.Range(0, n).Select(_ => (float)random.NextGaussian()).ToArray();
        var x = Draw(samples * g.InputSize);
        var w = Draw(filters * g.PatchSize);
        var b = Draw(filters);
        int outputs = samples * filters * g.Positions;
        var (y, y2, reference) = (new float[outputs], new float[outputs], new float[outputs]);
        new ConvolutionJob(in g, filters).Forward(x, w, b, y, samples, 1);
        new ConvolutionJob(in g, filters).Forward(x, w, b, y2, samples, 2);
        new ConvolutionJob(in g, filters, allowWinograd: false).Forward(x, w, b, reference, samples, 1);
        Assert.True(reference.AsSpan().SequenceEqual(y), "not im2col's bits");
        Assert.True(y.AsSpan().SequenceEqual(y2), "1 and 2 threads differ");
        for (int s = 0; s < samples; s++)
        {
            for (int f = 0; f < filters; f++)
            {
                for (int oy = 0; oy < g.OutputHeight; oy++)
                {
                    for (int ox = 0; ox < g.OutputWidth; ox++)
                    {
                        double exact = b[f];
                        for (int ky = 0; ky < 5; ky++)
                        {
                            for (int kx = 0; kx < 5; kx++)
                            {
                                int iy = oy + ky - g.PadTop, ix = ox + kx - g.PadLeft;
                                if (iy >= 0 && iy < height && ix >= 0 && ix < width) exact += (double)w[f * 25 + ky * 5 + kx] * x[s * g.InputSize + iy * width + ix];
                            }
                        }
                        float actual = y[((s * filters) + f) * g.Positions + oy * g.OutputWidth + ox];
                        Assert.True(Math.Abs(actual - exact) <= 1e-5 * 10, $"y[{s}, {f}, {oy}, {ox}] = {actual}, exact {exact}");
                    }
                }
            }
        }
    }
}
