using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The one-input-channel 5×5 weight gradient against a float64 direct sum and against the im2col + GEMM path it
/// replaces. A wrong shift (a kernel column off by one), a misplaced padding or a lane past a row's end read as data
/// gives errors of the order of the values themselves (tens); float32 rounding stays near 1e-6 of the largest value.
/// </summary>
public class SingleChannelWeightGradientTests
{
    [Theory]
    [MemberData(nameof(SingleChannelCases.Geometries), MemberType = typeof(SingleChannelCases))]
    public void WeightGradientMatchesTheDirectSumAndIm2Col(int height, int width, int filters, Padding padding)
    {
        var g = SingleChannelCases.Geometry(height, width, filters, padding);
        Assert.Equal(Avx512F.IsSupported, SingleChannelWeightGradient.Create(in g, filters) is not null);
        const int samples = 11;
        var Draw = SingleChannelCases.Draws(height, width);
        var x = Draw(samples * g.InputSize);
        var w = Draw(filters * g.PatchSize);
        var dY = Draw(samples * filters * g.Positions);

        var (dW, dWReference, dB, dBReference) = (new float[w.Length], new float[w.Length], new float[filters], new float[filters]);
        new ConvolutionJob(in g, filters).Backward(x, w, dY, null, dW, dB, samples, 1);
        new ConvolutionJob(in g, filters, allowWinograd: false).Backward(x, w, dY, null, dWReference, dBReference, samples, 1);

        var exact = new double[w.Length];
        for (int s = 0; s < samples; s++)
        {
            for (int f = 0; f < filters; f++)
            {
                for (int oy = 0; oy < g.OutputHeight; oy++)
                {
                    for (int ox = 0; ox < g.OutputWidth; ox++)
                    {
                        double d = dY[(s * filters + f) * g.Positions + oy * g.OutputWidth + ox];
                        for (int ky = 0; ky < 5; ky++)
                        {
                            int iy = oy + ky - g.PadTop;
                            if (iy < 0 || iy >= height) continue;
                            for (int kx = 0; kx < 5; kx++)
                            {
                                int ix = ox + kx - g.PadLeft;
                                if (ix >= 0 && ix < width) exact[f * 25 + ky * 5 + kx] += d * x[(s * height + iy) * width + ix];
                            }
                        }
                    }
                }
            }
        }
        // Up to 11 × 784 products of unit-variance values: sums up to about 320. Float32 rounding of this kernel's order
        // (sixteen lane chains a weight) was at most 1.9e-7 of the largest value on these geometries; 2e-6 allows for it.
        double scale = exact.Max(Math.Abs);
        Assert.InRange(dW.Select((v, i) => Math.Abs(v - exact[i])).Max(), 0, 2e-6 * scale);
        Assert.InRange(dW.Select((v, i) => Math.Abs(v - dWReference[i])).Max(), 0, 2e-6 * scale);
        // The bias gradient is dY's sum in the same order either way.
        Assert.Equal(dBReference, dB);
    }

    [Fact]
    public void OneAndTwoThreadsAgreeBitForBitAndAReusedJobStartsAfresh()
    {
        var g = new ConvolutionGeometry(new ImageShape(1, 28, 28), 5, 1, 2, 2, 28, 28);
        var random = new SeededRandom(9);
        float[] Draw(int n) => Enumerable.Range(0, n).Select(_ => (float)random.NextGaussian()).ToArray();
        var x = Draw(37 * g.InputSize);
        var w = Draw(20 * g.PatchSize);
        var dY = Draw(37 * 20 * g.Positions);
        float[] Run(ConvolutionJob job, int threads)
        {
            var (dW, dB) = (new float[w.Length], new float[20]);
            job.Backward(x, w, dY, null, dW, dB, 37, threads);
            return [.. dW, .. dB];
        }
        var reused = new ConvolutionJob(in g, 20);
        var one = Run(reused, 1);
        Assert.Equal(one, Run(new ConvolutionJob(in g, 20), 2));
        // A second batch through the same job must not add onto the first's sums.
        Assert.Equal(one, Run(reused, 2));
    }
}
