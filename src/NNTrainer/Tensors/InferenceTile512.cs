namespace NNTrainer.Tensors;

/// <summary>
/// The AVX-512 register tile of inference (<see cref="InferenceGemm"/>): up to 6 rows × 2 to 4 vectors (17 to 64 columns)
/// of C per call, up to 24 accumulators, over the whole inner dimension at once; the last vector is read and written
/// through a lane mask, all lanes set for a whole 64-column strip.
/// </summary>
/// <remarks>
/// Per inner step it loads up to four vectors of a row of W (contiguous, 256 bytes) and broadcasts one value of A per
/// row: 10 loads for 24 fused multiply-adds, against 10 for 16 in the training tile (8 rows × 2 vectors). The masked last
/// vector was made for a hidden layer of 100 (the ML.NET trainers' default): its 36 columns past the 64-column strip went
/// through the one-vector narrow tile (<see cref="InferenceNarrowTile512"/>) three times, eight broadcasts of A per eight
/// fused multiply-adds and every row of A read three more times; here the block of rows the strips have just read runs
/// on while it is in L1. A masked-off lane is never read, so no padded copy of W is needed and the last row of W cannot
/// fault. Every output is the same chain as in <see cref="GemmKernels.MultiplyNN"/> (<c>acc = 0; acc = fma(A(i, p),
/// W(p, j), acc)</c> for p in order; then bias and ReLU), so the results are bit-identical.
/// </remarks>
internal static unsafe class InferenceTile512
{
    /// <summary>Rows per tile.</summary>
    public const int Rows = 6;

    /// <summary>The fewest columns the tile takes: fewer fit one vector (<see cref="InferenceNarrowTile512"/>).</summary>
    public const int MinColumns = 17;

    /// <summary>The most columns the tile takes: a whole strip of four vectors.</summary>
    public const int Columns = 64;

    /// <summary>
    /// Computes <paramref name="rows"/> (1 to 6) rows × <paramref name="columns"/> (17 to 64) columns into
    /// <paramref name="c"/> (row stride <paramref name="ldc"/>) from rows of A <paramref name="lda"/> apart and rows of B
    /// <paramref name="ldb"/> apart, asking the processor meanwhile for the lines from <paramref name="prefetch"/> on
    /// (32 bytes per inner step: the caller's next block of A rows) and for the row of B eight steps ahead.
    /// With <paramref name="activated"/> (same layout as <paramref name="c"/>), the ReLU of each output goes there too.
    /// </summary>
    /// <remarks>
    /// The first layer of an MLP reads each 784-value input row once, straight from memory: without the prefetch each
    /// new block of rows started with six cache misses per line of A (measured: the 784 × 128 product 9–14 % faster).
    /// A prefetch never faults, so a pointer past the data is harmless.
    /// </remarks>
    public static void Tile(int rows, int columns, float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* prefetch, float* activated)
    {
        if ((uint)(columns - MinColumns) > Columns - MinColumns) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"The tile takes {MinColumns} to {Columns} columns.");
        int vectors = (columns + 15) / 16;
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(columns - (vectors - 1) * 16)).AsSingle();
        switch (vectors)
        {
            case 2: ForRows<Two>(rows, mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 3: ForRows<Three>(rows, mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            default: ForRows<Four>(rows, mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
        }
    }

    private static void ForRows<TVectors>(int rows, Vector512<float> mask, float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* prefetch, float* activated)
        where TVectors : struct, ITileConstant
    {
        switch (rows)
        {
            case 6: Tile<Six, TVectors>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 5: Tile<Five, TVectors>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 4: Tile<Four, TVectors>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 3: Tile<Three, TVectors>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 2: Tile<Two, TVectors>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 1: Tile<One, TVectors>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            default: throw new ArgumentOutOfRangeException(nameof(rows));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows, TVectors>(Vector512<float> mask, float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* prefetch, float* activated)
        where TRows : struct, ITileConstant
        where TVectors : struct, ITileConstant
    {
        int r = TRows.Value, v = TVectors.Value;
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default, c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default, c30 = default, c31 = default, c32 = default, c33 = default;
        Vector512<float> c40 = default, c41 = default, c42 = default, c43 = default, c50 = default, c51 = default, c52 = default, c53 = default;
        float* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = v == 2 ? Avx512F.MaskLoad(b + 16, mask, Vector512<float>.Zero) : Vector512.Load(b + 16);
            var b2 = v == 3 ? Avx512F.MaskLoad(b + 32, mask, Vector512<float>.Zero) : v > 3 ? Vector512.Load(b + 32) : default;
            var b3 = v == 4 ? Avx512F.MaskLoad(b + 48, mask, Vector512<float>.Zero) : default;
            Sse.Prefetch0(prefetch + 8 * (nint)p);
            // W's row 8 steps ahead: 2-3 % on the 784 x 128 layer, whose 400 KB of W stream from L2 for every block; lines
            // past a short row are W's next row, harmless.
            float* ahead = b + 8 * ldb;
            Sse.Prefetch0(ahead);
            Sse.Prefetch0(ahead + 16);
            if (v > 2) Sse.Prefetch0(ahead + 32);
            if (v > 3) Sse.Prefetch0(ahead + 48);
            { var x = Vector512.Create(a0[p]); c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01); if (v > 2) c02 = Fma(x, b2, c02); if (v > 3) c03 = Fma(x, b3, c03); }
            if (r > 1) { var x = Vector512.Create(a1[p]); c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11); if (v > 2) c12 = Fma(x, b2, c12); if (v > 3) c13 = Fma(x, b3, c13); }
            if (r > 2) { var x = Vector512.Create(a2[p]); c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21); if (v > 2) c22 = Fma(x, b2, c22); if (v > 3) c23 = Fma(x, b3, c23); }
            if (r > 3) { var x = Vector512.Create(a3[p]); c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31); if (v > 2) c32 = Fma(x, b2, c32); if (v > 3) c33 = Fma(x, b3, c33); }
            if (r > 4) { var x = Vector512.Create(a4[p]); c40 = Fma(x, b0, c40); c41 = Fma(x, b1, c41); if (v > 2) c42 = Fma(x, b2, c42); if (v > 3) c43 = Fma(x, b3, c43); }
            if (r > 5) { var x = Vector512.Create(a5[p]); c50 = Fma(x, b0, c50); c51 = Fma(x, b1, c51); if (v > 2) c52 = Fma(x, b2, c52); if (v > 3) c53 = Fma(x, b3, c53); }
            b += ldb;
        }
        StoreRow<TVectors>(mask, c00, c01, c02, c03, c, bias, relu, activated);
        if (r > 1) StoreRow<TVectors>(mask, c10, c11, c12, c13, c + ldc, bias, relu, Next(activated, ldc, 1));
        if (r > 2) StoreRow<TVectors>(mask, c20, c21, c22, c23, c + 2 * ldc, bias, relu, Next(activated, ldc, 2));
        if (r > 3) StoreRow<TVectors>(mask, c30, c31, c32, c33, c + 3 * ldc, bias, relu, Next(activated, ldc, 3));
        if (r > 4) StoreRow<TVectors>(mask, c40, c41, c42, c43, c + 4 * ldc, bias, relu, Next(activated, ldc, 4));
        if (r > 5) StoreRow<TVectors>(mask, c50, c51, c52, c53, c + 5 * ldc, bias, relu, Next(activated, ldc, 5));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> x, Vector512<float> b, Vector512<float> acc) => Vector512.FusedMultiplyAdd(x, b, acc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float* Next(float* activated, nint ldc, int row) => activated == null ? null : activated + row * ldc;

    /// <summary>One row's vectors: the whole ones stored as they are, the last one through the mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TVectors>(Vector512<float> mask, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3, float* c, float* bias, bool relu, float* activated)
        where TVectors : struct, ITileConstant
    {
        int v = TVectors.Value;
        Finish(v0, Vector512<float>.AllBitsSet, c, bias, relu, activated, 0);
        Finish(v1, v == 2 ? mask : Vector512<float>.AllBitsSet, c, bias, relu, activated, 16);
        if (v > 2) Finish(v2, v == 3 ? mask : Vector512<float>.AllBitsSet, c, bias, relu, activated, 32);
        if (v > 3) Finish(v3, mask, c, bias, relu, activated, 48);
    }

    /// <summary>
    /// The epilogue of <see cref="TileEpilogue"/> (bias, then ReLU as <c>v &lt; 0 ? 0 : v</c>), then the store; with
    /// <paramref name="activated"/>, also the ReLU of the stored value there (a following ReLU layer's output, with
    /// the bits of <see cref="Kernels.ReLUForward"/>: <c>max(0, v)</c> keeps a NaN and a −0 as that does); for the lanes of
    /// <paramref name="mask"/> at <paramref name="offset"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(Vector512<float> v, Vector512<float> mask, float* c, float* bias, bool relu, float* activated, int offset)
    {
        v += Avx512F.MaskLoad(bias + offset, mask, Vector512<float>.Zero);
        if (relu) v = Avx512F.Max(Vector512<float>.Zero, v);
        Avx512F.MaskStore(c + offset, mask, v);
        if (activated != null) Avx512F.MaskStore(activated + offset, mask, Avx512F.Max(Vector512<float>.Zero, v));
    }
}
