using static NNTrainer.Tensors.SingleChannelPadding;

namespace NNTrainer.Tensors;

/// <summary>
/// The forward pass of a 5×5, stride-1 convolution over one input channel (LeNet's first layer) without an im2col
/// matrix: y[f, oy, ox] = Σ over the 25 taps of W[f, ky, kx] · X[oy + ky − pad, ox + kx − pad], + bias[f]. With one
/// channel the im2col product has an inner dimension of 25 and the columns matrix costs as much to write as the product
/// to compute; here sixteen positions of an output row go in one vector, read straight from a zero-padded copy of the
/// image, and a register block of 5 filters × 4 output rows (20 accumulators) takes 4 shifted input loads and 5 weight
/// broadcasts per 20 fused multiply-adds.
/// </summary>
/// <remarks>
/// Each output is the chain the im2col GEMM computes: zero, then one fused multiply-add per tap in the patch's order
/// (ky, then kx; the padding's zeros included), then the bias added once. So the output is bit-identical to im2col's,
/// whatever the number of threads. Buffers are sized on the first batch and reused: nothing is allocated per batch.
/// </remarks>
internal sealed unsafe class SingleChannelForward : ParallelWork
{
    private const int Taps = Kernel * Kernel;
    private const int FilterBlock = 5;
    private const int RowBlock = 4;

    private readonly ConvolutionGeometry _g;
    private readonly int _filters;
    private readonly SingleChannelPadding _padding;
    private readonly float[][] _padded = new float[ConvolutionJob.MaxParts][];
    private float[] _x = [], _weights = [], _biases = [], _y = [];
    private int _samples;

    private SingleChannelForward(in ConvolutionGeometry g, int filters)
    {
        _g = g;
        _filters = filters;
        // Room for whole blocks of four output rows: a last block of fewer reads zero rows.
        _padding = new(in g, (g.OutputHeight + RowBlock - 1) / RowBlock * RowBlock);
    }

    /// <summary>This kernel where it serves (AVX-512, one input channel, a 5×5 kernel at stride 1); otherwise null, and im2col stays.</summary>
    public static SingleChannelForward? Create(in ConvolutionGeometry g, int filters) =>
        Avx512F.IsSupported && g.Channels == 1 && g.Kernel == Kernel && g.Stride == 1 ? new(in g, filters) : null;

    /// <summary>Y = W ⋆ X + bias for every sample: <paramref name="weights"/> [filters × 25], <paramref name="y"/> [samples × filters × positions].</summary>
    public void Run(float[] x, float[] weights, float[] biases, float[] y, int samples, int threads)
    {
        (_x, _weights, _biases, _y, _samples) = (x, weights, biases, y, samples);
        WorkerPool.Shared.Run(this, ConvolutionJob.Parts(samples), threads);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int part, int parts)
    {
        int from = (int)((long)_samples * part / parts);
        int to = (int)((long)_samples * (part + 1) / parts);
        var padded = _padded[part] ??= new float[_padding.Size];
        int inputSize = _g.InputSize, plane = _g.Positions, outputSize = _filters * plane, rowStride = _padding.RowStride;
        int ow = _g.OutputWidth, oh = _g.OutputHeight;
        for (int s = from; s < to; s++)
        {
            _padding.Fill(_x.AsSpan(s * inputSize, inputSize), padded);
            fixed (float* px = padded, pw = _weights, pb = _biases, py = _y)
            {
                float* y = py + (long)s * outputSize;
                for (int f0 = 0; f0 < _filters; f0 += FilterBlock)
                {
                    for (int c = 0; c < _padding.Chunks; c++)
                    {
                        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(Math.Min(Lanes, ow - c * Lanes))).AsSingle();
                        for (int oy = 0; oy < oh; oy += RowBlock)
                        {
                            Block(px + oy * rowStride + c * Lanes, pw, pb, f0, y + f0 * plane + oy * ow + c * Lanes, mask, Math.Min(RowBlock, oh - oy));
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sixteen positions of <paramref name="rows"/> (up to four) output rows for five filters from <paramref name="f0"/> (a last
    /// block of fewer repeats the last filter and stores nothing for the repeats); <paramref name="x"/> is the padded input at
    /// the block's first row and column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Block(float* x, float* weights, float* biases, int f0, float* y, Vector512<float> mask, int rows)
    {
        int filters = _filters - f0, last = _filters - 1, plane = _g.Positions, ow = _g.OutputWidth;
        nint rs = _padding.RowStride;
        float* w0p = weights + Math.Min(f0, last) * Taps;
        float* w1p = weights + Math.Min(f0 + 1, last) * Taps;
        float* w2p = weights + Math.Min(f0 + 2, last) * Taps;
        float* w3p = weights + Math.Min(f0 + 3, last) * Taps;
        float* w4p = weights + Math.Min(f0 + 4, last) * Taps;
        var a00 = Vector512<float>.Zero; var a01 = Vector512<float>.Zero; var a02 = Vector512<float>.Zero; var a03 = Vector512<float>.Zero;
        var a10 = Vector512<float>.Zero; var a11 = Vector512<float>.Zero; var a12 = Vector512<float>.Zero; var a13 = Vector512<float>.Zero;
        var a20 = Vector512<float>.Zero; var a21 = Vector512<float>.Zero; var a22 = Vector512<float>.Zero; var a23 = Vector512<float>.Zero;
        var a30 = Vector512<float>.Zero; var a31 = Vector512<float>.Zero; var a32 = Vector512<float>.Zero; var a33 = Vector512<float>.Zero;
        var a40 = Vector512<float>.Zero; var a41 = Vector512<float>.Zero; var a42 = Vector512<float>.Zero; var a43 = Vector512<float>.Zero;
        for (int ky = 0; ky < Kernel; ky++, x += rs)
        {
            for (int kx = 0; kx < Kernel; kx++)
            {
                int t = ky * Kernel + kx;
                var x0 = Avx512F.LoadVector512(x + kx + 0 * rs);
                var x1 = Avx512F.LoadVector512(x + kx + 1 * rs);
                var x2 = Avx512F.LoadVector512(x + kx + 2 * rs);
                var x3 = Avx512F.LoadVector512(x + kx + 3 * rs);
                var w0 = Vector512.Create(w0p[t]);
                a00 = Avx512F.FusedMultiplyAdd(w0, x0, a00); a01 = Avx512F.FusedMultiplyAdd(w0, x1, a01); a02 = Avx512F.FusedMultiplyAdd(w0, x2, a02); a03 = Avx512F.FusedMultiplyAdd(w0, x3, a03);
                var w1 = Vector512.Create(w1p[t]);
                a10 = Avx512F.FusedMultiplyAdd(w1, x0, a10); a11 = Avx512F.FusedMultiplyAdd(w1, x1, a11); a12 = Avx512F.FusedMultiplyAdd(w1, x2, a12); a13 = Avx512F.FusedMultiplyAdd(w1, x3, a13);
                var w2 = Vector512.Create(w2p[t]);
                a20 = Avx512F.FusedMultiplyAdd(w2, x0, a20); a21 = Avx512F.FusedMultiplyAdd(w2, x1, a21); a22 = Avx512F.FusedMultiplyAdd(w2, x2, a22); a23 = Avx512F.FusedMultiplyAdd(w2, x3, a23);
                var w3 = Vector512.Create(w3p[t]);
                a30 = Avx512F.FusedMultiplyAdd(w3, x0, a30); a31 = Avx512F.FusedMultiplyAdd(w3, x1, a31); a32 = Avx512F.FusedMultiplyAdd(w3, x2, a32); a33 = Avx512F.FusedMultiplyAdd(w3, x3, a33);
                var w4 = Vector512.Create(w4p[t]);
                a40 = Avx512F.FusedMultiplyAdd(w4, x0, a40); a41 = Avx512F.FusedMultiplyAdd(w4, x1, a41); a42 = Avx512F.FusedMultiplyAdd(w4, x2, a42); a43 = Avx512F.FusedMultiplyAdd(w4, x3, a43);
            }
        }
        var b0 = Vector512.Create(biases[Math.Min(f0, last)]);
        var b1 = Vector512.Create(biases[Math.Min(f0 + 1, last)]);
        var b2 = Vector512.Create(biases[Math.Min(f0 + 2, last)]);
        var b3 = Vector512.Create(biases[Math.Min(f0 + 3, last)]);
        var b4 = Vector512.Create(biases[Math.Min(f0 + 4, last)]);
        if (0 < filters && 0 < rows) Avx512F.MaskStore(y + 0 * plane + 0 * ow, mask, a00 + b0);
        if (0 < filters && 1 < rows) Avx512F.MaskStore(y + 0 * plane + 1 * ow, mask, a01 + b0);
        if (0 < filters && 2 < rows) Avx512F.MaskStore(y + 0 * plane + 2 * ow, mask, a02 + b0);
        if (0 < filters && 3 < rows) Avx512F.MaskStore(y + 0 * plane + 3 * ow, mask, a03 + b0);
        if (1 < filters && 0 < rows) Avx512F.MaskStore(y + 1 * plane + 0 * ow, mask, a10 + b1);
        if (1 < filters && 1 < rows) Avx512F.MaskStore(y + 1 * plane + 1 * ow, mask, a11 + b1);
        if (1 < filters && 2 < rows) Avx512F.MaskStore(y + 1 * plane + 2 * ow, mask, a12 + b1);
        if (1 < filters && 3 < rows) Avx512F.MaskStore(y + 1 * plane + 3 * ow, mask, a13 + b1);
        if (2 < filters && 0 < rows) Avx512F.MaskStore(y + 2 * plane + 0 * ow, mask, a20 + b2);
        if (2 < filters && 1 < rows) Avx512F.MaskStore(y + 2 * plane + 1 * ow, mask, a21 + b2);
        if (2 < filters && 2 < rows) Avx512F.MaskStore(y + 2 * plane + 2 * ow, mask, a22 + b2);
        if (2 < filters && 3 < rows) Avx512F.MaskStore(y + 2 * plane + 3 * ow, mask, a23 + b2);
        if (3 < filters && 0 < rows) Avx512F.MaskStore(y + 3 * plane + 0 * ow, mask, a30 + b3);
        if (3 < filters && 1 < rows) Avx512F.MaskStore(y + 3 * plane + 1 * ow, mask, a31 + b3);
        if (3 < filters && 2 < rows) Avx512F.MaskStore(y + 3 * plane + 2 * ow, mask, a32 + b3);
        if (3 < filters && 3 < rows) Avx512F.MaskStore(y + 3 * plane + 3 * ow, mask, a33 + b3);
        if (4 < filters && 0 < rows) Avx512F.MaskStore(y + 4 * plane + 0 * ow, mask, a40 + b4);
        if (4 < filters && 1 < rows) Avx512F.MaskStore(y + 4 * plane + 1 * ow, mask, a41 + b4);
        if (4 < filters && 2 < rows) Avx512F.MaskStore(y + 4 * plane + 2 * ow, mask, a42 + b4);
        if (4 < filters && 3 < rows) Avx512F.MaskStore(y + 4 * plane + 3 * ow, mask, a43 + b4);
    }
}
