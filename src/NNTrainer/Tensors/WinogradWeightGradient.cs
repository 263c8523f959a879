using System.Numerics.Tensors;

namespace NNTrainer.Tensors;

/// <summary>
/// The weight gradient of a stride-1 5×5 convolution by Winograd's F(5×5, 2×2): dW[f, c] = Σ over samples of the
/// correlation of input plane c with dY plane f. Each 2×2 block of dY at (2·ty, 2·tx) meets the same 6×6 input tile as
/// the forward pass's tile (ty, tx), so dW[f, c] = Gᵀ·(Σ over tiles (A·δ·Aᵀ) ⊙ (Bᵀ·d·B))·G: the transformed-domain
/// sum is 36 GEMMs [C × tiles]·[tiles × F] (one per position ξ) accumulated over the samples, then each kernel's
/// inverse transform, once per batch. It replaces im2col's [C·25 × positions]·[positions × F] product: 36·C·F
/// multiplications per 2×2 block of outputs against 100·C·F.
/// </summary>
/// <remarks>
/// The batch is split as <see cref="ConvolutionJob"/> splits it; each part sums its own samples in order and the parts
/// are added in part order, so one thread and many give bit-identical gradients. The bias gradient is dY's sum, in the
/// same order as the im2col path's. Buffers are sized on the first call and reused.
/// </remarks>
internal sealed unsafe class WinogradWeightGradient : ParallelWork
{
    private readonly int _inC, _inH, _inW, _filters, _outH, _outW, _paddedFilters;
    private readonly WinogradTiles _tiling;
    private readonly float[][] _planes = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _transformed = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _gradients = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _transposed = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _sums = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _biasSums = new float[ConvolutionJob.MaxParts][];
    private float[] _x = [], _dY = [];
    private int _samples;

    private WinogradWeightGradient(in ConvolutionGeometry g, int filters)
    {
        (_inC, _inH, _inW, _filters, _outH, _outW) = (g.Channels, g.Height, g.Width, filters, g.OutputHeight, g.OutputWidth);
        _tiling = new WinogradTiles(g.Height, g.Width, g.PadTop, g.PadLeft, g.OutputHeight, g.OutputWidth);
        _paddedFilters = (filters + 15) / 16 * 16; // whole 16-lane vectors: the GEMM's packed rows
    }

    /// <summary>
    /// The weight gradient of a convolution by Winograd wherever <see cref="WinogradConvolution.Applies"/> holds; otherwise
    /// null. Unlike the forward pass and the input gradient it needs no <see cref="WinogradConvolution.Pays"/>: dY's
    /// transform is a few additions per value, and it was faster than im2col in every shape measured (CPU time, 128
    /// samples: 20 → 50 on 14×14 7.3–7.7 ms against 10.6–11.6; 50 → 20 9.3–10.1 against 15.9; 8 → 8 1.5 against 2.3;
    /// 32 → 32 6.9 against 9.5; 8 → 16 on 28×28 5.2–6.4 against 7.5).
    /// </summary>
    public static WinogradWeightGradient? Create(in ConvolutionGeometry g, int filters) =>
        WinogradConvolution.Applies(in g, filters) ? new(in g, filters) : null;

    /// <summary>
    /// dW = Σ over samples of X[s] ⋆ dY[s] into <paramref name="weightGradients"/> ([filters × C·25]) and dB = Σ dY into
    /// <paramref name="biasGradients"/>, both overwritten.
    /// </summary>
    public void Run(float[] x, float[] dY, float[] weightGradients, float[] biasGradients, int samples, int threads)
    {
        (_x, _dY, _samples) = (x, dY, samples);
        int parts = ConvolutionJob.Parts(samples);
        WorkerPool.Shared.Run(this, parts, threads);
        // The parts' sums in part order: the same additions for any number of threads.
        var sum = _sums[0];
        _biasSums[0].AsSpan().CopyTo(biasGradients);
        for (int p = 1; p < parts; p++)
        {
            TensorPrimitives.Add(sum, _sums[p], sum);
            TensorPrimitives.Add(biasGradients, _biasSums[p], biasGradients);
        }
        int pairs = _inC * _paddedFilters;
        for (int f = 0; f < _filters; f++)
        {
            for (int c = 0; c < _inC; c++)
            {
                // Sums are [ξ][c][padded filters]: the products are [C × tiles]·[tiles × filters].
                WinogradTransforms.KernelGradient(sum.AsSpan(c * _paddedFilters + f), pairs, weightGradients.AsSpan((f * _inC + c) * 25, 25));
            }
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int part, int parts)
    {
        int from = (int)((long)_samples * part / parts);
        int to = (int)((long)_samples * (part + 1) / parts);
        int ld = _tiling.Tiles, outPlane = _outH * _outW, inSize = _inC * _inH * _inW;
        // Zero once: only the image's own positions are written afterwards, so the border stays padding.
        var plane = _planes[part] ??= new float[_tiling.PlaneSize];
        // An odd last tile row writes one tile row of slack past a plane's slots (see WinogradTiles.TransformInput).
        // One cache line more between two positions' gradients: at a multiple of 4 KB (56 tiles × 64 filters is 14 KB)
        // the 36 stores of a tile's transform would all fall into two sets of the first-level cache.
        long vStride = (long)_inC * ld + _tiling.SlotsPerRow, mStride = (long)ld * _paddedFilters + 16;
        var transformed = _transformed[part] ??= new float[36 * vStride];
        // Zero once: slots of padding tiles are never written.
        var gradients = _gradients[part] ??= new float[36 * mStride];
        var transposed = _transposed[part] ??= new float[outPlane * _paddedFilters];
        var sums = _sums[part] ??= new float[36 * _inC * _paddedFilters];
        var biasSums = _biasSums[part] ??= new float[_filters];
        Array.Clear(biasSums);
        if (from == to) Array.Clear(sums);
        fixed (float* v = transformed, p = plane, x = _x, m = gradients, dy = _dY, t = transposed, sum = sums)
        {
            for (int s = from; s < to; s++)
            {
                for (int c = 0; c < _inC; c++)
                {
                    _tiling.CopyIntoPlane(x + (long)s * inSize + c * _inH * _inW, p);
                    _tiling.TransformInput(p, v + c * ld, vStride);
                }
                float* sample = dy + (long)s * _filters * outPlane;
                for (int f = 0; f < _filters; f++) biasSums[f] += TensorPrimitives.Sum(new ReadOnlySpan<float>(sample + f * outPlane, outPlane));
                GemmPacking.Transpose(sample, _filters, outPlane, t, _paddedFilters);
                TransformGradient(t, m, mStride);
                Multiply(v, vStride, m, mStride, sum, ld, accumulate: s > from);
            }
        }
    }

    /// <summary>
    /// The 36 products [C × tiles]·[tiles × filters] of one sample into (or onto) the sums, the right operand already in
    /// the GEMM's packed layout (rows of whole vectors, zero past the filters), so no product transposes or takes the
    /// edge path. <see cref="WinogradProducts"/> and the general GEMM give the same bits.
    /// </summary>
    private void Multiply(float* v, long vStride, float* m, long mStride, float* sum, int ld, bool accumulate)
    {
        int pf = _paddedFilters;
        if (WinogradProducts.Handles(pf, ld))
        {
            for (int xi = 0; xi < 36; xi++) WinogradProducts.Multiply(v + xi * vStride, ld, m + xi * mStride, pf, sum + xi * _inC * pf, pf, _inC, pf, ld, accumulate);
            return;
        }
        for (int xi = 0; xi < 36; xi++)
        {
            var problem = new GemmProblem
            {
                A = v + xi * vStride, ARowStride = ld, AColumnStride = 1,
                B = m + xi * mStride, Ldb = pf, BPadded = true,
                C = sum + xi * _inC * pf, Ldc = pf,
                M = _inC, N = pf, K = ld,
                Accumulate = accumulate,
            };
            GemmKernels.Run(ref problem, 1, GemmIsaExtensions.Best);
        }
    }

    /// <summary>
    /// A·δ·Aᵀ of every 2×2 block of one sample's dY, given transposed ([positions × padded filters]), sixteen filters at
    /// a time, stored at m[ξ·stride + slot·padded filters + filter]. Blocks past the plane's edge read zero; slots of
    /// padding tiles are left at zero, so they add nothing to the sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TransformGradient(float* dy, float* m, long stride)
    {
        int pf = _paddedFilters;
        var zero = Vector512<float>.Zero;
        var r = stackalloc Vector512<float>[12];
        for (int ty = 0; ty < _tiling.TileRows; ty++)
        {
            bool lower = 2 * ty + 1 < _outH;
            for (int tx = 0; 2 * tx < _outW; tx++)
            {
                bool right = 2 * tx + 1 < _outW;
                float* d = dy + (2 * ty * _outW + 2 * tx) * pf;
                float* at = m + (ty * _tiling.SlotsPerRow + tx) * pf;
                for (int f = 0; f < pf; f += 16)
                {
                    var d00 = Avx512F.LoadVector512(d + f);
                    var d01 = right ? Avx512F.LoadVector512(d + pf + f) : zero;
                    var d10 = lower ? Avx512F.LoadVector512(d + _outW * pf + f) : zero;
                    var d11 = lower && right ? Avx512F.LoadVector512(d + (_outW + 1) * pf + f) : zero;
                    // Along each block row (its two columns), then along the two rows.
                    WinogradTransforms.Gradient(d00, d01, out r[0], out r[1], out r[2], out r[3], out r[4], out r[5]);
                    WinogradTransforms.Gradient(d10, d11, out r[6], out r[7], out r[8], out r[9], out r[10], out r[11]);
                    for (int j = 0; j < 6; j++)
                    {
                        WinogradTransforms.Gradient(r[j], r[6 + j], out var m0, out var m1, out var m2, out var m3, out var m4, out var m5);
                        float* column = at + f + j * stride;
                        Avx512F.Store(column, m0);
                        Avx512F.Store(column + 6 * stride, m1);
                        Avx512F.Store(column + 12 * stride, m2);
                        Avx512F.Store(column + 18 * stride, m3);
                        Avx512F.Store(column + 24 * stride, m4);
                        Avx512F.Store(column + 30 * stride, m5);
                    }
                }
            }
        }
    }
}
