using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The one-input-channel 5×5 forward pass against the im2col + GEMM path it replaces: the same bits (each output is the
/// same chain of fused multiply-adds over the 25 taps, then the bias), at 1 and 2 threads, and within float32 rounding of
/// a float64 direct sum. A tap, row or filter out of place changes outputs by the order of the values themselves.
/// </summary>
public class SingleChannelForwardTests
{
    [Theory]
    [MemberData(nameof(SingleChannelCases.Geometries), MemberType = typeof(SingleChannelCases))]
    public void ForwardIsIm2ColBitForBit(int height, int width, int filters, Padding padding)
    {
        var g = SingleChannelCases.Geometry(height, width, filters, padding);
        Assert.Equal(Avx512F.IsSupported, SingleChannelForward.Create(in g, filters) is not null);
        const int samples = 7;
        var Draw = SingleChannelCases.Draws(height, width);
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
