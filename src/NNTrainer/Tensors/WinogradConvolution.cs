using System.Runtime.InteropServices;

namespace NNTrainer.Tensors;

/// <summary>
/// A stride-1 5×5 correlation over a batch by Winograd's F(2×2, 5×5) (<see cref="WinogradTransforms"/>): each 6×6
/// input tile of each channel is transformed, the 36 transformed positions become 36 GEMMs
/// [outputs × channels]·[channels × tiles] over the tiles of a few samples side by side, and each 2×2 output block
/// is transformed back. It serves a convolution's forward pass and its input gradient, which is the same kind of
/// correlation of dY with the kernels turned by 180° and their channels swapped, padded by 4 − pad.
/// </summary>
/// <remarks>
/// The batch is split as <see cref="ConvolutionJob"/> splits it (a fixed number of parts of consecutive samples), and
/// every output is computed by the same operations whichever part or thread computes it, so one thread and many give
/// bit-identical results. The kernels are transformed when the weights differ (bit for bit) from the last call's.
/// Buffers are sized on the first call and reused.
/// </remarks>
internal sealed unsafe class WinogradConvolution : ParallelWork
{
    private const int Lanes = WinogradTiles.Lanes;

    /// <summary>
    /// Values of transformed inputs and products one group of samples may hold (1 MB, half a second-level cache and
    /// more): LeNet's second convolution gets one sample a group, which measured 9.0 ms a batch against 9.4, 10.8
    /// and 10.2 ms with two, three and four (the group's values then spill to the third-level cache).
    /// </summary>
    private const long GroupBudget = 256 * 1024;

    private readonly int _inC, _inH, _inW, _outC, _outH, _outW;
    private readonly bool _inputGradient;
    private readonly WinogradTiles _tiling;
    private readonly int _tileRows, _slotsPerRow, _tiles, _chunks, _group;
    private readonly float[][] _planes = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _transformed = new float[ConvolutionJob.MaxParts][];
    private readonly float[][] _products = new float[ConvolutionJob.MaxParts][];
    private float[] _u = [];
    private float[] _transformedFrom = [];
    private float[] _x = [], _y = [];
    private float[]? _biases;
    private int _samples;

    private WinogradConvolution(int inC, int inH, int inW, int padTop, int padLeft, int outC, int outH, int outW, bool inputGradient)
    {
        (_inC, _inH, _inW, _outC, _outH, _outW, _inputGradient) = (inC, inH, inW, outC, outH, outW, inputGradient);
        _tiling = new WinogradTiles(inH, inW, padTop, padLeft, outH, outW);
        (_tileRows, _chunks, _slotsPerRow, _tiles) = (_tiling.TileRows, _tiling.Chunks, _tiling.SlotsPerRow, _tiling.Tiles);
        _group = (int)Math.Clamp(GroupBudget / (36L * (inC + outC) * _tiles), 1, 64);
    }

    /// <summary>
    /// The rule for using Winograd rather than im2col + GEMM: stride 1, 5×5 kernels, at least 8 channels in and out
    /// (with fewer, each of the 36 products has too short an inner dimension to pay for the transforms: LeNet's first
    /// convolution, with one input channel, stays on im2col), an even left padding (the half-planes of
    /// <see cref="WinogradTiles.CopyIntoPlane"/>), and AVX-512 for the transforms, which take two rows of eight tiles per vector.
    /// </summary>
    public static bool Applies(in ConvolutionGeometry g, int filters) =>
        g.Stride == 1 && g.Kernel == 5 && g.Channels >= 8 && filters >= 8 && g.PadTop <= 4 && g.PadLeft is 0 or 2 or 4
        && Avx512F.IsSupported && Avx2.IsSupported;

    /// <summary>
    /// Whether a correlation of <paramref name="inputs"/> channels into <paramref name="outputs"/> is faster by Winograd
    /// than by im2col + GEMM: when inputs·outputs ≥ 12·(inputs + outputs). Winograd saves 64 % of the products' work,
    /// which grows with inputs·outputs, and adds an input transform per input plane and an output transform per output
    /// plane, which grow with inputs + outputs. Measured (CPU time, 128 samples, round 5 of <c>docs/convolution.md</c>):
    /// 20 → 50 and 50 → 20 on 14×14 (14.3) and 32 → 32 on 14×14 (16) are faster by Winograd; 16 ↔ 32 on 28×28 (10.7)
    /// is a tie; 8 → 8, 8 ↔ 16 on 28×28 and 8 ↔ 20 (4 to 5.7) are slower.
    /// </summary>
    public static bool Pays(int inputs, int outputs) => inputs * outputs >= 12 * (inputs + outputs);

    /// <summary>Y = W ⋆ X + bias, the convolution's forward pass, when <see cref="Applies"/> and <see cref="Pays"/> (or <paramref name="always"/>) hold; otherwise null.</summary>
    public static WinogradConvolution? Forward(in ConvolutionGeometry g, int filters, bool always = false) =>
        Applies(in g, filters) && (always || Pays(g.Channels, filters))
            ? new(g.Channels, g.Height, g.Width, g.PadTop, g.PadLeft, filters, g.OutputHeight, g.OutputWidth, inputGradient: false)
            : null;

    /// <summary>dX = rot180(W)ᵀ ⋆ dY padded by 4 − pad, the convolution's input gradient, when <see cref="Applies"/> and <see cref="Pays"/> (or <paramref name="always"/>) hold; otherwise null.</summary>
    public static WinogradConvolution? InputGradient(in ConvolutionGeometry g, int filters, bool always = false) =>
        Applies(in g, filters) && (always || Pays(filters, g.Channels))
            ? new(filters, g.OutputHeight, g.OutputWidth, 4 - g.PadTop, 4 - g.PadLeft, g.Channels, g.Height, g.Width, inputGradient: true)
            : null;

    /// <summary>
    /// Correlates every sample of <paramref name="x"/> with the kernels in <paramref name="weights"/> ([filters ×
    /// C·25], the layer's layout in both directions) into <paramref name="y"/>, adding <paramref name="biases"/> if set.
    /// </summary>
    public void Run(float[] x, float[] weights, float[]? biases, float[] y, int samples, int threads)
    {
        TransformKernels(weights);
        (_x, _y, _biases, _samples) = (x, y, biases, samples);
        WorkerPool.Shared.Run(this, ConvolutionJob.Parts(samples), threads);
    }

    /// <summary>U[ξ][out][in] for the 36 positions ξ, in double, skipped while the weights are the last call's bit for bit.</summary>
    private void TransformKernels(float[] weights)
    {
        if (MemoryMarshal.Cast<float, int>(weights.AsSpan()).SequenceEqual(MemoryMarshal.Cast<float, int>(_transformedFrom.AsSpan()))) return;
        if (_u.Length == 0)
        {
            _u = new float[36 * _outC * _inC];
            _transformedFrom = new float[weights.Length];
        }
        int filters = _inputGradient ? _inC : _outC, channels = _inputGradient ? _outC : _inC;
        for (int m = 0; m < filters; m++)
        {
            for (int c = 0; c < channels; c++)
            {
                var kernel = weights.AsSpan((m * channels + c) * 25, 25);
                // Forward: U[ξ][m][c]; input gradient: the kernel turned by 180° at U[ξ][c][m].
                int at = _inputGradient ? c * _inC + m : m * _inC + c;
                WinogradTransforms.Kernel(kernel, _inputGradient, _u.AsSpan(at), _outC * _inC);
            }
        }
        weights.AsSpan().CopyTo(_transformedFrom);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int part, int parts)
    {
        int from = (int)((long)_samples * part / parts);
        int to = (int)((long)_samples * (part + 1) / parts);
        if (from == to) return;
        // Zero once: only the image's own positions are written afterwards, so the border stays padding.
        var plane = _planes[part] ??= new float[_tiling.PlaneSize];
        var transformed = _transformed[part] ??= new float[36L * TransformedStride(Columns(_group))];
        var products = _products[part] ??= new float[36L * _outC * Columns(_group) + 2 * _slotsPerRow];
        int inSize = _inC * _inH * _inW, outSize = _outC * _outH * _outW;
        for (int first = from; first < to; first += _group)
        {
            int count = Math.Min(_group, to - first), ld = Columns(count);
            fixed (float* v = transformed, p = plane, x = _x)
            {
                for (int c = 0; c < _inC; c++)
                {
                    for (int s = 0; s < count; s++)
                    {
                        _tiling.CopyIntoPlane(x + (long)(first + s) * inSize + c * _inH * _inW, p);
                        _tiling.TransformInput(p, v + c * ld + s * _tiles, TransformedStride(ld));
                    }
                }
            }
            Multiply(transformed, products, ld);
            fixed (float* m = products, y = _y, b = _biases)
            {
                for (int o = 0; o < _outC; o++)
                {
                    var bias = Vector512.Create(b is null ? 0f : b[o]);
                    for (int s = 0; s < count; s++)
                    {
                        TransformOutput(m + o * ld + s * _tiles, _outC * ld, bias, b is not null, y + (long)(first + s) * outSize + o * _outH * _outW);
                    }
                }
            }
        }
    }

    /// <summary>The 36 products [outputs × channels]·[channels × <paramref name="ld"/> columns] of one group, bit-identical either way.</summary>
    private void Multiply(float[] transformed, float[] products, int ld)
    {
        if (!WinogradProducts.Handles(ld, _inC))
        {
            for (int xi = 0; xi < 36; xi++)
            {
                GemmKernels.MultiplyNN(_u.AsSpan(xi * _outC * _inC, _outC * _inC), transformed.AsSpan(xi * TransformedStride(ld), _inC * ld),
                    products.AsSpan(xi * _outC * ld, _outC * ld), _outC, _inC, ld, accumulate: false, numberOfThreads: 1);
            }
            return;
        }
        fixed (float* u = _u, v = transformed, m = products)
        {
            for (int xi = 0; xi < 36; xi++)
            {
                WinogradProducts.Multiply(u + xi * _outC * _inC, _inC, v + xi * TransformedStride(ld), ld, m + (long)xi * _outC * ld, ld, _outC, ld, _inC, accumulate: false);
            }
        }
    }

    /// <summary>
    /// Columns of a group's products: its tiles, rounded up to whole 32-column strips of the GEMM's register tiles (the
    /// extra columns are computed from stale values and never read), so that no product takes the GEMM's padded edge path.
    /// </summary>
    private int Columns(int samples) => (samples * _tiles + 31) / 32 * 32;

    /// <summary>
    /// Values between two positions' transformed inputs: the [channels × columns] matrix and one tile row of slack, which
    /// an odd last tile row's pair writes past the last sample of the last channel.
    /// </summary>
    private int TransformedStride(int columns) => _inC * columns + _slotsPerRow;

    /// <summary>Y = Aᵀ·M·A (+ bias) for every tile of one output plane, written as 2×2 blocks into its rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TransformOutput(float* m, int stride, Vector512<float> bias, bool addBias, float* y)
    {
        var r = stackalloc Vector512<float>[12];
        int slots = _slotsPerRow;
        for (int ty = 0; ty < _tileRows; ty += 2)
        {
            for (int chunk = 0; chunk < _chunks; chunk++)
            {
                int tx = chunk * Lanes;
                // Lanes past a tile row (and an odd last row's partner) read slots of padding or slack; they are not stored.
                float* at = m + ty * slots + tx;
                for (int i = 0; i < 6; i++)
                {
                    float* row = at + 6 * i * (long)stride;
                    WinogradTransforms.Output(WinogradTiles.Pair(row, slots), WinogradTiles.Pair(row + stride, slots), WinogradTiles.Pair(row + 2L * stride, slots),
                        WinogradTiles.Pair(row + 3L * stride, slots), WinogradTiles.Pair(row + 4L * stride, slots), WinogradTiles.Pair(row + 5L * stride, slots),
                        out r[i], out r[6 + i]);
                }
                WinogradTransforms.Output(r[0], r[1], r[2], r[3], r[4], r[5], out var y00, out var y10);
                WinogradTransforms.Output(r[6], r[7], r[8], r[9], r[10], r[11], out var y01, out var y11);
                if (addBias)
                {
                    (y00, y01, y10, y11) = (y00 + bias, y01 + bias, y10 + bias, y11 + bias);
                }
                int columns = Math.Min(2 * Lanes, _outW - 2 * tx);
                float* top = y + 2 * ty * _outW + 2 * tx;
                WinogradTransforms.StoreRow(top, y00.GetLower(), y01.GetLower(), columns);
                if (2 * ty + 1 < _outH) WinogradTransforms.StoreRow(top + _outW, y10.GetLower(), y11.GetLower(), columns);
                if (ty + 1 >= _tileRows) continue;
                WinogradTransforms.StoreRow(top + 2 * _outW, y00.GetUpper(), y01.GetUpper(), columns);
                if (2 * ty + 3 < _outH) WinogradTransforms.StoreRow(top + 3 * _outW, y10.GetUpper(), y11.GetUpper(), columns);
            }
        }
    }
}
