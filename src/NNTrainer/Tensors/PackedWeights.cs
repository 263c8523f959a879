using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tensors;

/// <summary>
/// A dense layer's weights W [k × n] and biases copied into contiguous panels of 64 columns (k rows each, zero-padded
/// past n) for <see cref="InferenceTile512"/>: <c>c = a · W + bias</c> (then ReLU) for batches of inference.
/// </summary>
/// <remarks>
/// Read in place, a strip of W is k rows one W row apart (512 bytes for 128 neurons), which maps onto few sets of the
/// first-level cache; a panel is read front to back. The copy does not follow later changes to the weights, so its
/// owner packs again for every batch it scores (<see cref="Training.Predictor"/> does so for batches of at least
/// <see cref="Training.Predictor.TileRows"/> rows, where the copy costs a few percent of the product). Results are
/// bit-identical to <see cref="GemmKernels.MultiplyNN"/> with the same bias.
/// </remarks>
internal sealed unsafe class PackedWeights
{
    private float[] _buffer = [];
    private float* _panels;
    private float* _bias;

    /// <summary>Rows of W (inputs).</summary>
    public int K { get; private set; }

    /// <summary>Columns of W (neurons).</summary>
    public int N { get; private set; }

    /// <summary>Whether this machine runs the packed kernel (AVX-512 with FMA).</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>Copies <paramref name="weights"/> ([k × n], row-major) and <paramref name="bias"/> ([n]) into panels, reusing the buffer when it is large enough.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Pack(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int k, int n)
    {
        if (weights.Length < (long)k * n) throw new ArgumentException($"The weights hold {weights.Length} values; a {k}x{n} matrix needs {(long)k * n}.", nameof(weights));
        if (bias.Length < n) throw new ArgumentException($"The bias holds {bias.Length} values; the layer has {n} neurons.", nameof(bias));
        const int width = InferenceTile512.Columns;
        int panels = (n + width - 1) / width;
        long panelValues = (long)panels * k * width;
        long length = panelValues + (long)panels * width;
        if (_buffer.Length < length + 16)
        {
            _buffer = GC.AllocateUninitializedArray<float>(checked((int)(length + 16)), pinned: true);
            fixed (float* p = _buffer) _panels = (float*)(((nint)p + 63) & ~(nint)63);
        }
        _bias = _panels + panelValues;
        (K, N) = (k, n);
        fixed (float* w = weights, b = bias)
        {
            for (int s = 0; s < panels; s++)
            {
                int j0 = s * width;
                int columns = Math.Min(width, n - j0);
                GemmPacking.PadStrip(w + j0, n, k, columns, _panels + (long)s * k * width, width);
                GemmPacking.PadStrip(b + j0, 0, 1, columns, _bias + j0, width);
            }
        }
    }

    /// <summary><c>c[m × n] = a[m × k] · W + bias</c> on every row, then ReLU when <paramref name="relu"/> is set, on the calling thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(ReadOnlySpan<float> a, int m, Span<float> c, bool relu)
    {
        if (_panels == null) throw new InvalidOperationException("The weights have not been packed.");
        if (a.Length < (long)m * K) throw new ArgumentException($"The inputs hold {a.Length} values; {m} rows of {K} need {(long)m * K}.", nameof(a));
        if (c.Length < (long)m * N) throw new ArgumentException($"The destination holds {c.Length} values; {m} rows of {N} need {(long)m * N}.", nameof(c));
        const int width = InferenceTile512.Columns;
        const int tileRows = InferenceTile512.Rows;
        float* edge = stackalloc float[tileRows * width];
        fixed (float* pa = a, pc = c)
        {
            for (int j0 = 0; j0 < N; j0 += width)
            {
                int columns = Math.Min(width, N - j0);
                float* panel = _panels + (long)(j0 / width) * K * width;
                for (int i0 = 0; i0 < m; i0 += tileRows)
                {
                    int rows = Math.Min(tileRows, m - i0);
                    float* ai = pa + (nint)i0 * K;
                    float* ci = pc + (nint)i0 * N + j0;
                    if (columns == width)
                    {
                        InferenceTile512.Tile(rows, ai, K, panel, K, ci, N, _bias + j0, relu);
                        continue;
                    }
                    // A partial panel: the tile into a whole-width buffer, then its real columns.
                    InferenceTile512.Tile(rows, ai, K, panel, K, edge, width, _bias + j0, relu);
                    for (int r = 0; r < rows; r++) new ReadOnlySpan<float>(edge + r * width, columns).CopyTo(new Span<float>(ci + (nint)r * N, columns));
                }
            }
        }
    }
}
