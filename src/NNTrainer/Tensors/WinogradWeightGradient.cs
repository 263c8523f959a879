using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    private const int Lanes = WinogradTiles.Lanes;

    private readonly int _inC, _inH, _inW, _filters, _outH, _outW;
    private readonly WinogradTiles _tiling;
    private readonly float[][] _planes = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _transformed = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _gradients = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _sums = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _biasSums = new float[ConvolutionJob.MaxParts][];
    private float[] _x = [], _dY = [];
    private int _samples;

    private WinogradWeightGradient(in ConvolutionGeometry g, int filters)
    {
        (_inC, _inH, _inW, _filters, _outH, _outW) = (g.Channels, g.Height, g.Width, filters, g.OutputHeight, g.OutputWidth);
        _tiling = new WinogradTiles(g.Height, g.Width, g.PadTop, g.PadLeft, g.OutputHeight, g.OutputWidth);
    }

    /// <summary>
    /// The weight gradient of a convolution by Winograd when <see cref="WinogradConvolution.Applies"/> and
    /// <see cref="WinogradConvolution.WeightGradientPays"/> hold; otherwise null.
    /// </summary>
    public static WinogradWeightGradient? Create(in ConvolutionGeometry g, int filters) =>
        WinogradConvolution.Applies(in g, filters) && WinogradConvolution.WeightGradientPays(g.Channels, filters) ? new(in g, filters) : null;

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
        int pairs = _inC * _filters;
        for (int f = 0; f < _filters; f++)
        {
            for (int c = 0; c < _inC; c++)
            {
                // Sums are [ξ][c][f]: the products below are [C × tiles]·[tiles × F].
                WinogradTransforms.KernelGradient(sum.AsSpan(c * _filters + f), pairs, weightGradients.AsSpan((f * _inC + c) * 25, 25));
            }
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int part, int parts)
    {
        int from = (int)((long)_samples * part / parts);
        int to = (int)((long)_samples * (part + 1) / parts);
        int ld = _tiling.Tiles, pairs = _inC * _filters;
        // Zero once: only the image's own positions are written afterwards, so the border stays padding.
        var plane = _planes[part] ??= new float[_tiling.PlaneSize];
        // An odd last tile row writes one tile row of slack past a plane's slots (see WinogradTiles.TransformInput).
        long vStride = (long)_inC * ld + _tiling.SlotsPerRow, mStride = (long)_filters * ld;
        var transformed = _transformed[part] ??= new float[36 * vStride];
        var gradients = _gradients[part] ??= new float[36 * mStride];
        var sums = _sums[part] ??= new float[36 * pairs];
        var biasSums = _biasSums[part] ??= new float[_filters];
        Array.Clear(biasSums);
        if (from == to) Array.Clear(sums);
        int inSize = _inC * _inH * _inW, outPlane = _outH * _outW;
        for (int s = from; s < to; s++)
        {
            fixed (float* v = transformed, p = plane, x = _x, m = gradients, dy = _dY)
            {
                for (int c = 0; c < _inC; c++)
                {
                    _tiling.CopyIntoPlane(x + (long)s * inSize + c * _inH * _inW, p);
                    _tiling.TransformInput(p, v + c * ld, vStride);
                }
                for (int f = 0; f < _filters; f++)
                {
                    float* source = dy + ((long)s * _filters + f) * outPlane;
                    biasSums[f] += TensorPrimitives.Sum(new ReadOnlySpan<float>(source, outPlane));
                    TransformGradient(source, m + f * ld, mStride);
                }
            }
            for (int xi = 0; xi < 36; xi++)
            {
                GemmKernels.MultiplyNT(transformed.AsSpan((int)(xi * vStride), _inC * ld), gradients.AsSpan((int)(xi * mStride), _filters * ld),
                    sums.AsSpan(xi * pairs, pairs), _inC, ld, _filters, accumulate: s > from, numberOfThreads: 1);
            }
        }
    }

    /// <summary>
    /// A·δ·Aᵀ of every 2×2 block of one dY plane, eight tiles at a time, stored at m[ξ·stride + slot]; blocks and slots
    /// past the plane's edge are zero, so the transforms of padding tiles add nothing to the sums.
    /// </summary>
    private void TransformGradient(float* dy, float* m, long stride)
    {
        var t = stackalloc Vector256<float>[12];
        for (int ty = 0; ty < _tiling.TileRows; ty++)
        {
            for (int chunk = 0; chunk < _tiling.Chunks; chunk++)
            {
                int tx = chunk * Lanes, n = Math.Min(2 * Lanes, _outW - 2 * tx);
                float* top = dy + 2 * ty * _outW + 2 * tx;
                var (e0, o0) = WinogradTiles.Deinterleave(top, n);
                var (e1, o1) = 2 * ty + 1 < _outH ? WinogradTiles.Deinterleave(top + _outW, n) : (Vector256<float>.Zero, Vector256<float>.Zero);
                // Along the columns (even, odd) of each block row, then along the two rows.
                WinogradTransforms.Gradient(e0, o0, out t[0], out t[1], out t[2], out t[3], out t[4], out t[5]);
                WinogradTransforms.Gradient(e1, o1, out t[6], out t[7], out t[8], out t[9], out t[10], out t[11]);
                float* at = m + ty * _tiling.SlotsPerRow + tx;
                for (int j = 0; j < 6; j++)
                {
                    WinogradTransforms.Gradient(t[j], t[6 + j], out var m0, out var m1, out var m2, out var m3, out var m4, out var m5);
                    Avx.Store(at + j * stride, m0);
                    Avx.Store(at + (6 + j) * stride, m1);
                    Avx.Store(at + (12 + j) * stride, m2);
                    Avx.Store(at + (18 + j) * stride, m3);
                    Avx.Store(at + (24 + j) * stride, m4);
                    Avx.Store(at + (30 + j) * stride, m5);
                }
            }
        }
    }
}
