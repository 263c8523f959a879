using System.Numerics.Tensors;
using static NNTrainer.Tensors.SingleChannelPadding;

namespace NNTrainer.Tensors;

/// <summary>
/// The weight gradient of a 5×5, stride-1 convolution over one input channel (LeNet's first layer) without an im2col
/// matrix: dW[f, ky, kx] = Σ over samples and positions of dY[f, oy, ox] · X[oy + ky − pad, ox + kx − pad]. With one
/// channel the im2col product is [25 × positions]·[positions × filters], 25 rows that the GEMM's 8-row register tile
/// runs in one-row shapes (39 GFLOP/s); here sixteen positions of one output row go in one vector, and a register
/// block of 5 filters × 5 kernel columns (25 accumulators) takes 5 dY loads and 5 shifted loads of the zero-padded
/// input row per 25 fused multiply-adds (4 × 5 blocks ran about 10 % slower).
/// </summary>
/// <remarks>
/// Each accumulator lane sums its own positions over a part's samples; the parts (a fixed number for a batch size,
/// <see cref="ConvolutionJob.Parts"/>) are added in part order and the lanes summed in lane order, so 1 and 2 threads
/// give the same bits. The rounding differs from im2col's single chain per weight (sixteen partial chains instead),
/// at the level of float32 rounding. The bias gradient is dY's sum in im2col's order (bit-identical to it).
/// Buffers are sized on the first batch and reused: nothing is allocated per batch.
/// </remarks>
internal sealed unsafe class SingleChannelWeightGradient : ParallelWork
{
    private const int Taps = Kernel * Kernel;

    /// <summary>Filters per register block: 5 × 5 accumulators, 5 dY vectors and one input vector at a time fill 31 of the 32 registers.</summary>
    private const int FilterBlock = 5;

    private readonly ConvolutionGeometry _g;
    private readonly int _filters;
    private readonly int _blocks;
    private readonly SingleChannelPadding _padding;
    private readonly float[][] _sums = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _biasSums = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _padded = new float[ConvolutionJob.MaxParts][];
    private float[] _x = [];
    private float[] _dY = [];
    private int _samples;

    private SingleChannelWeightGradient(in ConvolutionGeometry g, int filters)
    {
        _g = g;
        _filters = filters;
        _blocks = (filters + FilterBlock - 1) / FilterBlock;
        _padding = new(in g, g.OutputHeight);
    }

    /// <summary>
    /// This kernel for <paramref name="g"/> where it serves (AVX-512, one input channel, a 5×5 kernel at stride 1);
    /// otherwise null, and the im2col path stays.
    /// </summary>
    public static SingleChannelWeightGradient? Create(in ConvolutionGeometry g, int filters) =>
        Avx512F.IsSupported && g.Channels == 1 && g.Kernel == Kernel && g.Stride == 1 ? new(in g, filters) : null;

    /// <summary>
    /// dW = Σ over samples of X[s] ⋆ dY[s] into <paramref name="weightGradients"/> ([filters × 25]) and dB = Σ dY into
    /// <paramref name="biasGradients"/>, both overwritten.
    /// </summary>
    public void Run(float[] x, float[] dY, float[] weightGradients, float[] biasGradients, int samples, int threads)
    {
        (_x, _dY, _samples) = (x, dY, samples);
        int parts = ConvolutionJob.Parts(samples);
        WorkerPool.Shared.Run(this, parts, threads);
        var sum = _sums[0];
        _biasSums[0].AsSpan(0, _filters).CopyTo(biasGradients);
        for (int p = 1; p < parts; p++)
        {
            TensorPrimitives.Add(sum, _sums[p], sum);
            TensorPrimitives.Add(biasGradients, _biasSums[p].AsSpan(0, _filters), biasGradients);
        }
        for (int f = 0; f < _filters; f++)
        {
            for (int t = 0; t < Taps; t++)
            {
                int at = (f * Taps + t) * Lanes;
                float total = 0;
                for (int l = 0; l < Lanes; l++) total += sum[at + l];
                weightGradients[f * Taps + t] = total;
            }
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int part, int parts)
    {
        int from = (int)((long)_samples * part / parts);
        int to = (int)((long)_samples * (part + 1) / parts);
        var sums = _sums[part] ??= new float[_blocks * FilterBlock * Taps * Lanes];
        var biasSums = _biasSums[part] ??= new float[_filters];
        var padded = _padded[part] ??= new float[_padding.Size];
        Array.Clear(sums);
        Array.Clear(biasSums);
        int positions = _g.Positions, inputSize = _g.InputSize, outputSize = _filters * positions, rowStride = _padding.RowStride;
        for (int s = from; s < to; s++)
        {
            _padding.Fill(_x.AsSpan(s * inputSize, inputSize), padded);
            var dY = _dY.AsSpan(s * outputSize, outputSize);
            for (int f = 0; f < _filters; f++) biasSums[f] += TensorPrimitives.Sum<float>(dY.Slice(f * positions, positions));
            fixed (float* pX = padded, pDY = dY, pSums = sums)
            {
                for (int b = 0; b < _blocks; b++)
                {
                    // A last block of fewer than five filters repeats the last one; its extra sums are never read.
                    int f0 = b * FilterBlock;
                    float* d0 = pDY + (nint)Math.Min(f0, _filters - 1) * positions;
                    float* d1 = pDY + (nint)Math.Min(f0 + 1, _filters - 1) * positions;
                    float* d2 = pDY + (nint)Math.Min(f0 + 2, _filters - 1) * positions;
                    float* d3 = pDY + (nint)Math.Min(f0 + 3, _filters - 1) * positions;
                    float* d4 = pDY + (nint)Math.Min(f0 + 4, _filters - 1) * positions;
                    for (int ky = 0; ky < Kernel; ky++) Block(pX + ky * rowStride, d0, d1, d2, d3, d4, pSums + (f0 * Taps + ky * Kernel) * Lanes);
                }
            }
        }
    }

    /// <summary>
    /// Adds one kernel row's 5 × 5 sums over every position of one sample: <paramref name="x"/> is the padded input from
    /// the kernel row's first line, <paramref name="acc"/> the first filter's sums for that kernel row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Block(float* x, float* d0, float* d1, float* d2, float* d3, float* d4, float* acc)
    {
        const int F = Taps * Lanes; // from one filter's sums to the next's
        var a00 = Avx512F.LoadVector512(acc + 0 * F + 0); var a01 = Avx512F.LoadVector512(acc + 0 * F + 16); var a02 = Avx512F.LoadVector512(acc + 0 * F + 32); var a03 = Avx512F.LoadVector512(acc + 0 * F + 48); var a04 = Avx512F.LoadVector512(acc + 0 * F + 64);
        var a10 = Avx512F.LoadVector512(acc + 1 * F + 0); var a11 = Avx512F.LoadVector512(acc + 1 * F + 16); var a12 = Avx512F.LoadVector512(acc + 1 * F + 32); var a13 = Avx512F.LoadVector512(acc + 1 * F + 48); var a14 = Avx512F.LoadVector512(acc + 1 * F + 64);
        var a20 = Avx512F.LoadVector512(acc + 2 * F + 0); var a21 = Avx512F.LoadVector512(acc + 2 * F + 16); var a22 = Avx512F.LoadVector512(acc + 2 * F + 32); var a23 = Avx512F.LoadVector512(acc + 2 * F + 48); var a24 = Avx512F.LoadVector512(acc + 2 * F + 64);
        var a30 = Avx512F.LoadVector512(acc + 3 * F + 0); var a31 = Avx512F.LoadVector512(acc + 3 * F + 16); var a32 = Avx512F.LoadVector512(acc + 3 * F + 32); var a33 = Avx512F.LoadVector512(acc + 3 * F + 48); var a34 = Avx512F.LoadVector512(acc + 3 * F + 64);
        var a40 = Avx512F.LoadVector512(acc + 4 * F + 0); var a41 = Avx512F.LoadVector512(acc + 4 * F + 16); var a42 = Avx512F.LoadVector512(acc + 4 * F + 32); var a43 = Avx512F.LoadVector512(acc + 4 * F + 48); var a44 = Avx512F.LoadVector512(acc + 4 * F + 64);
        int ow = _g.OutputWidth, oh = _g.OutputHeight, last = _padding.Chunks - 1;
        // dY lanes past the row are loaded as 0 (never read), so the input columns they meet add nothing.
        var lastMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(ow - last * Lanes)).AsSingle();
        var all = Vector512<float>.AllBitsSet;
        for (int oy = 0; oy < oh; oy++, x += _padding.RowStride)
        {
            int row = oy * ow;
            for (int c = 0; c < _padding.Chunks; c++)
            {
                var mask = c == last ? lastMask : all;
                int at = row + c * Lanes;
                var y0 = Avx512F.MaskLoad(d0 + at, mask, Vector512<float>.Zero);
                var y1 = Avx512F.MaskLoad(d1 + at, mask, Vector512<float>.Zero);
                var y2 = Avx512F.MaskLoad(d2 + at, mask, Vector512<float>.Zero);
                var y3 = Avx512F.MaskLoad(d3 + at, mask, Vector512<float>.Zero);
                var y4 = Avx512F.MaskLoad(d4 + at, mask, Vector512<float>.Zero);
                float* xc = x + c * Lanes;
                var x0 = Avx512F.LoadVector512(xc + 0);
                a00 = Avx512F.FusedMultiplyAdd(y0, x0, a00); a10 = Avx512F.FusedMultiplyAdd(y1, x0, a10); a20 = Avx512F.FusedMultiplyAdd(y2, x0, a20); a30 = Avx512F.FusedMultiplyAdd(y3, x0, a30); a40 = Avx512F.FusedMultiplyAdd(y4, x0, a40);
                var x1 = Avx512F.LoadVector512(xc + 1);
                a01 = Avx512F.FusedMultiplyAdd(y0, x1, a01); a11 = Avx512F.FusedMultiplyAdd(y1, x1, a11); a21 = Avx512F.FusedMultiplyAdd(y2, x1, a21); a31 = Avx512F.FusedMultiplyAdd(y3, x1, a31); a41 = Avx512F.FusedMultiplyAdd(y4, x1, a41);
                var x2 = Avx512F.LoadVector512(xc + 2);
                a02 = Avx512F.FusedMultiplyAdd(y0, x2, a02); a12 = Avx512F.FusedMultiplyAdd(y1, x2, a12); a22 = Avx512F.FusedMultiplyAdd(y2, x2, a22); a32 = Avx512F.FusedMultiplyAdd(y3, x2, a32); a42 = Avx512F.FusedMultiplyAdd(y4, x2, a42);
                var x3 = Avx512F.LoadVector512(xc + 3);
                a03 = Avx512F.FusedMultiplyAdd(y0, x3, a03); a13 = Avx512F.FusedMultiplyAdd(y1, x3, a13); a23 = Avx512F.FusedMultiplyAdd(y2, x3, a23); a33 = Avx512F.FusedMultiplyAdd(y3, x3, a33); a43 = Avx512F.FusedMultiplyAdd(y4, x3, a43);
                var x4 = Avx512F.LoadVector512(xc + 4);
                a04 = Avx512F.FusedMultiplyAdd(y0, x4, a04); a14 = Avx512F.FusedMultiplyAdd(y1, x4, a14); a24 = Avx512F.FusedMultiplyAdd(y2, x4, a24); a34 = Avx512F.FusedMultiplyAdd(y3, x4, a34); a44 = Avx512F.FusedMultiplyAdd(y4, x4, a44);
            }
        }
        Avx512F.Store(acc + 0 * F + 0, a00); Avx512F.Store(acc + 0 * F + 16, a01); Avx512F.Store(acc + 0 * F + 32, a02); Avx512F.Store(acc + 0 * F + 48, a03); Avx512F.Store(acc + 0 * F + 64, a04);
        Avx512F.Store(acc + 1 * F + 0, a10); Avx512F.Store(acc + 1 * F + 16, a11); Avx512F.Store(acc + 1 * F + 32, a12); Avx512F.Store(acc + 1 * F + 48, a13); Avx512F.Store(acc + 1 * F + 64, a14);
        Avx512F.Store(acc + 2 * F + 0, a20); Avx512F.Store(acc + 2 * F + 16, a21); Avx512F.Store(acc + 2 * F + 32, a22); Avx512F.Store(acc + 2 * F + 48, a23); Avx512F.Store(acc + 2 * F + 64, a24);
        Avx512F.Store(acc + 3 * F + 0, a30); Avx512F.Store(acc + 3 * F + 16, a31); Avx512F.Store(acc + 3 * F + 32, a32); Avx512F.Store(acc + 3 * F + 48, a33); Avx512F.Store(acc + 3 * F + 64, a34);
        Avx512F.Store(acc + 4 * F + 0, a40); Avx512F.Store(acc + 4 * F + 16, a41); Avx512F.Store(acc + 4 * F + 32, a42); Avx512F.Store(acc + 4 * F + 48, a43); Avx512F.Store(acc + 4 * F + 64, a44);
    }
}
