using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tests.Tensors;

/// <summary>
/// Winograd F(2×2, 5×5) against a float64 direct correlation and against the im2col + GEMM path it replaces, for the
/// forward pass (with bias) and the input gradient, and F(5×5, 2×2) for the weight gradient. A wrong transform matrix, a misplaced tile or a wrongly turned
/// kernel gives errors of the order of the values themselves (about 1); the float32 rounding of a correct
/// transform stays near 1e-5.
/// </summary>
public class WinogradConvolutionTests
{
    // (channels, height, width, filters, padding), every direction by Winograd (forced where the rule would not): LeNet's
    // second layer; as many channels as filters, odd sizes (a last tile half outside, an odd number of tile rows);
    // "valid" (the input gradient padded by 4); 20 tiles a row (three chunks of eight); a 1×1 output; more channels than
    // filters.
    public static TheoryData<int, int, int, int, Padding> Geometries => new()
    {
        { 20, 14, 14, 50, Padding.Same },
        { 8, 9, 11, 8, Padding.Same },
        { 9, 12, 13, 9, Padding.Valid },
        { 8, 7, 40, 12, Padding.Same },
        { 8, 5, 5, 8, Padding.Valid },
        { 12, 10, 10, 8, Padding.Same },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ForwardInputGradientAndWeightGradientMatchTheDirectCorrelation(int channels, int height, int width, int filters, Padding padding)
    {
        var layer = new Conv2DLayer(new ImageShape(channels, height, width), filters, 5, 1, padding);
        var g = new ConvolutionGeometry(layer.InputShape, 5, 1, layer.PadTop, layer.PadLeft, layer.OutputShape.Height, layer.OutputShape.Width);
        Assert.Equal(Avx512F.IsSupported, WinogradConvolution.Applies(in g, filters));
        if (!WinogradConvolution.Applies(in g, filters)) return;
        Assert.Equal(WinogradConvolution.Pays(channels, filters), WinogradConvolution.Forward(in g, filters) is not null);
        Assert.Equal(WinogradConvolution.Pays(filters, channels), WinogradConvolution.InputGradient(in g, filters) is not null);
        const int samples = 11;
        var random = new SeededRandom(channels * 100 + width);
        float[] Draw(int n, double scale) => Enumerable.Range(0, n).Select(_ => (float)(scale * random.NextGaussian())).ToArray();
        var x = Draw(samples * g.InputSize, 1);
        var w = Draw(filters * g.PatchSize, Math.Sqrt(2.0 / g.PatchSize)); // He-scaled, as the layer draws them
        var bias = Draw(filters, 0.1);
        int outSize = filters * g.Positions;
        var dY = Draw(samples * outSize, 1);

        var winograd = new ConvolutionJob(in g, filters, winogradWhereverItApplies: true);
        var im2col = new ConvolutionJob(in g, filters, allowWinograd: false);
        var (y, yReference) = (new float[samples * outSize], new float[samples * outSize]);
        winograd.Forward(x, w, bias, y, samples, 1);
        im2col.Forward(x, w, bias, yReference, samples, 1);
        var (dX, dXReference) = (new float[x.Length], new float[x.Length]);
        var (dW, dWReference, dB, dBReference) = (new float[w.Length], new float[w.Length], new float[filters], new float[filters]);
        winograd.Backward(x, w, dY, dX, dW, dB, samples, 1);
        im2col.Backward(x, w, dY, dXReference, dWReference, dBReference, samples, 1);

        var (yExact, dXExact, dWExact) = Direct(g, filters, x, w, bias, dY, samples);
        // Outputs and gradients here are about 1 in size; im2col's own float32 error is about 1e-6.
        Assert.InRange(MaxDifference(y, yExact), 0, 5e-5);
        Assert.InRange(MaxDifference(dX, dXExact), 0, 5e-5);
        Assert.InRange(MaxDifference(y, yReference), 0, 5e-5);
        Assert.InRange(MaxDifference(dX, dXReference), 0, 5e-5);
        // The weight gradient sums samples × positions products (up to 2,156 here): values up to about 190, Winograd's
        // error at most 3.2e-6 of the largest (im2col's 4.4e-7); a wrong transform entry gives errors of the values' size.
        double scale = dWExact.Max(Math.Abs);
        Assert.InRange(MaxDifference(dW, dWExact), 0, 1e-5 * scale);
        Assert.InRange(MaxDifference(dW, dWReference), 0, 1e-5 * scale);
        // The bias gradient is dY's sum in the same order either way.
        Assert.Equal(dBReference, dB);
    }

    [Theory]
    [InlineData(20, 50, true)] // LeNet's second convolution, forward
    [InlineData(50, 20, true)] // and its input gradient
    [InlineData(32, 32, true)]
    [InlineData(24, 24, true)] // the smallest square one that pays
    [InlineData(16, 32, false)]
    [InlineData(8, 20, false)]
    [InlineData(8, 8, false)]
    public void WinogradPaysWhenTheProductsOutweighTheTransforms(int inputs, int outputs, bool pays) =>
        Assert.Equal(pays, WinogradConvolution.Pays(inputs, outputs));

    [Fact]
    public void NewWeightsAreTransformedAgainAndOneAndTwoThreadsAgreeBitForBit()
    {
        var g = new ConvolutionGeometry(new ImageShape(8, 10, 10), 5, 1, 2, 2, 10, 10);
        if (!WinogradConvolution.Applies(in g, 9)) return;
        var random = new SeededRandom(5);
        float[] Draw(int n) => Enumerable.Range(0, n).Select(_ => (float)random.NextGaussian()).ToArray();
        var x = Draw(37 * g.InputSize);
        var (w1, w2, bias) = (Draw(9 * g.PatchSize), Draw(9 * g.PatchSize), Draw(9));
        float[] Run(ConvolutionJob job, float[] w, int threads)
        {
            var y = new float[37 * 9 * g.Positions];
            job.Forward(x, w, bias, y, 37, threads);
            return y;
        }
        var reused = new ConvolutionJob(in g, 9, winogradWhereverItApplies: true);
        var first = Run(reused, w1, 1);
        var second = Run(reused, w2, 1);
        Assert.NotEqual(first, second);
        Assert.Equal(Run(new ConvolutionJob(in g, 9, winogradWhereverItApplies: true), w2, 2), second);
        w2[7] = -w2[7]; // one weight changed in place, as the optimizer changes them
        Assert.Equal(Run(new ConvolutionJob(in g, 9, winogradWhereverItApplies: true), w2, 1), Run(reused, w2, 2));
    }

    private static (double[] Y, double[] DX, double[] DW) Direct(ConvolutionGeometry g, int filters, float[] x, float[] w, float[] bias, float[] dY, int samples)
    {
        int c = g.Channels, h = g.Height, wd = g.Width, oh = g.OutputHeight, ow = g.OutputWidth;
        var y = new double[samples * filters * oh * ow];
        var dX = new double[x.Length];
        var dW = new double[w.Length];
        for (int s = 0; s < samples; s++)
        {
            for (int m = 0; m < filters; m++)
            {
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++)
                    {
                        int o = ((s * filters + m) * oh + oy) * ow + ox;
                        double sum = bias[m];
                        for (int ch = 0; ch < c; ch++)
                        {
                            for (int u = 0; u < 5; u++)
                            {
                                int iy = oy + u - g.PadTop;
                                if (iy < 0 || iy >= h) continue;
                                for (int v = 0; v < 5; v++)
                                {
                                    int ix = ox + v - g.PadLeft;
                                    if (ix < 0 || ix >= wd) continue;
                                    int i = ((s * c + ch) * h + iy) * wd + ix, at = ((m * c + ch) * 5 + u) * 5 + v;
                                    double k = w[at];
                                    sum += k * x[i];
                                    dX[i] += k * dY[o];
                                    dW[at] += (double)x[i] * dY[o];
                                }
                            }
                        }
                        y[o] = sum;
                    }
                }
            }
        }
        return (y, dX, dW);
    }

    private static double MaxDifference(float[] actual, IReadOnlyList<double> expected) =>
        actual.Select((a, i) => Math.Abs(a - expected[i])).Max();

    private static double MaxDifference(float[] actual, float[] expected) => MaxDifference(actual, expected.Select(v => (double)v).ToArray());
}
