namespace NNTrainer.Tensors;

/// <summary>
/// <c>c[m × n] = a[m × k] · W[k × n] + bias</c> (then ReLU) for batches of inference: every whole strip of 64 columns
/// with <see cref="InferenceTile512"/> (6 rows × 4 vectors) over W read in place, 17 to 63 remaining columns with the
/// same tile (6 rows × 2 to 4 vectors, the last masked), up to 16 with <see cref="InferenceNarrowTile512"/> (16, then
/// 8 rows × one masked vector).
/// </summary>
/// <remarks>
/// Every output is the chain <see cref="GemmKernels.MultiplyNN"/> computes (<c>acc = 0; acc = fma(a(i, p), W(p, j), acc)</c>
/// for p in order; then bias and ReLU), so the results are bit-identical to it. W is read where it is: nothing is
/// copied, so a change to the weights is seen by the next call.
/// </remarks>
internal static unsafe class InferenceGemm
{
    /// <summary>Whether this machine runs the wide tile (AVX-512 with FMA).</summary>
    public static bool IsSupported => GemmIsaExtensions.Best == GemmIsa.Vector512 && Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>
    /// Computes the product on the calling thread; <paramref name="bias"/> holds <paramref name="n"/> values. With
    /// <paramref name="activated"/> (m × n), the ReLU of every output is written there as well, from the registers: a
    /// dense layer and the ReLU layer after it in one pass, each buffer holding what that layer alone would have.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> a, int m, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, int k, int n, Span<float> c, bool relu,
        Span<float> activated = default)
    {
        if (!IsSupported) throw new PlatformNotSupportedException("The wide inference tile needs AVX-512.");
        if (a.Length < (long)m * k) throw new ArgumentException($"The inputs hold {a.Length} values; {m} rows of {k} need {(long)m * k}.", nameof(a));
        if (w.Length < (long)k * n) throw new ArgumentException($"The weights hold {w.Length} values; a {k}x{n} matrix needs {(long)k * n}.", nameof(w));
        if (bias.Length < n) throw new ArgumentException($"The bias holds {bias.Length} values; the layer has {n} neurons.", nameof(bias));
        if (c.Length < (long)m * n) throw new ArgumentException($"The destination holds {c.Length} values; {m} rows of {n} need {(long)m * n}.", nameof(c));
        bool activate = !activated.IsEmpty;
        if (activate && activated.Length < (long)m * n) throw new ArgumentException($"The activations' destination holds {activated.Length} values; {m} rows of {n} need {(long)m * n}.", nameof(activated));
        if (m == 0 || n == 0) return;
        const int width = InferenceTile512.Columns;
        const int tileRows = InferenceTile512.Rows;
        int whole = n / width * width;
        // 17 to 63 columns past the last whole strip (36 of a hidden layer of 100): the same tile, its last vector masked,
        // run for each block of rows right after its strips; fewer go through the one-vector narrow tile below.
        int rest = n - whole;
        bool masked = rest >= InferenceTile512.MinColumns;
        fixed (float* pa = a, pw = w, pb = bias, pc = c, pact = activated)
        {
            for (int i0 = 0; i0 < m; i0 += tileRows)
            {
                int rows = Math.Min(tileRows, m - i0);
                float* block = pa + (nint)i0 * k;
                // The last block asks for the rows after the batch too: a caller scoring a large set in batches reads
                // them next, and a prefetch past the data cannot fault.
                float* next = block + (nint)tileRows * k;
                // The strips inner: a block's rows of A are read from memory once, then from L1 for the other strips
                // (strips outer re-read all of A per strip: 800 KB for 256 rows of 784 inputs, more than L2 keeps).
                for (int j0 = 0; j0 < whole; j0 += width)
                {
                    // The next block is asked for during the last strip only (the earlier strips ask for lines of this block,
                    // already there): fetched sooner, it evicts this block's rows from L1 before the last strip has read
                    // them (the 784 x 128 product 1-2 % faster in six of six interleaved runs).
                    float* prefetch = j0 + width == whole && !masked ? next : block;
                    InferenceTile512.Tile(rows, width, block, k, pw + j0, n, k, pc + (nint)i0 * n + j0, n, pb + j0, relu, prefetch, activate ? pact + (nint)i0 * n + j0 : null);
                }
                if (masked)
                {
                    nint at = (nint)i0 * n + whole;
                    InferenceTile512.Tile(rows, rest, block, k, pw + whole, n, k, pc + at, n, pb + whole, relu, next, activate ? pact + at : null);
                }
            }
            if (whole == n || masked) return;
            // The last columns (a classifier's 10 outputs, say): masked one-vector tiles, also over W in place.
            const int narrowRows = InferenceNarrowTile512.Rows;
            const int narrowWidth = InferenceNarrowTile512.Columns;
            const int wideRows = InferenceNarrowTile512.WideRows;
            int i = 0;
            for (; i + wideRows <= m; i += wideRows)
            {
                for (int j0 = whole; j0 < n; j0 += narrowWidth)
                {
                    nint at = (nint)i * n + j0;
                    InferenceNarrowTile512.TileSixteen(Math.Min(narrowWidth, n - j0), pa + (nint)i * k, k, pw + j0, n, k, pc + at, n, pb + j0, relu, activate ? pact + at : null);
                }
            }
            for (int i0 = i; i0 < m; i0 += narrowRows)
            {
                int rows = Math.Min(narrowRows, m - i0);
                for (int j0 = whole; j0 < n; j0 += narrowWidth)
                {
                    nint at = (nint)i0 * n + j0;
                    InferenceNarrowTile512.Tile(rows, Math.Min(narrowWidth, n - j0), pa + (nint)i0 * k, k, pw + j0, n, k, pc + at, n, pb + j0, relu, activate ? pact + at : null);
                }
            }
        }
    }
}
