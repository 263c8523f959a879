namespace NNTrainer.Tensors;

/// <summary>
/// The AVX-512 register tile of inference (<see cref="InferenceGemm"/>): up to 6 rows × 4 vectors (64 columns) of C per
/// call, 24 accumulators, over the whole inner dimension at once.
/// </summary>
/// <remarks>
/// Per inner step it loads four vectors of a row of W (contiguous, 256 bytes) and broadcasts one value of A per row:
/// 10 loads for 24 fused multiply-adds, against 10 for 16 in the training tile (8 rows × 2 vectors). Every output is
/// the same chain as in <see cref="GemmKernels.MultiplyNN"/> (<c>acc = 0; acc = fma(A(i, p), W(p, j), acc)</c> for p in
/// order; then bias and ReLU), so the results are bit-identical.
/// </remarks>
internal static unsafe class InferenceTile512
{
    /// <summary>Rows per tile.</summary>
    public const int Rows = 6;

    /// <summary>Columns per tile.</summary>
    public const int Columns = 64;

    /// <summary>
    /// Computes <paramref name="rows"/> (1 to 6) rows × 64 columns into <paramref name="c"/> (row stride <paramref name="ldc"/>)
    /// from rows of A <paramref name="lda"/> apart and rows of B <paramref name="ldb"/> apart, asking the processor meanwhile
    /// for the lines from <paramref name="prefetch"/> on (32 bytes per inner step: the caller's next block of A rows) and
    /// for the row of B eight steps ahead.
    /// With <paramref name="activated"/> (same layout as <paramref name="c"/>), the ReLU of each output goes there too.
    /// </summary>
    /// <remarks>
    /// The first layer of an MLP reads each 784-value input row once, straight from memory: without the prefetch each
    /// new block of rows started with six cache misses per line of A (measured: the 784 × 128 product 9–14 % faster).
    /// A prefetch never faults, so a pointer past the data is harmless.
    /// </remarks>
    public static void Tile(int rows, float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* prefetch, float* activated)
    {
        switch (rows)
        {
            case 6: Tile<Six>(a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 5: Tile<Five>(a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 4: Tile<Four>(a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 3: Tile<Three>(a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 2: Tile<Two>(a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            case 1: Tile<One>(a, lda, b, ldb, k, c, ldc, bias, relu, prefetch, activated); break;
            default: throw new ArgumentOutOfRangeException(nameof(rows));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows>(float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* prefetch, float* activated)
        where TRows : struct, ITileConstant
    {
        int r = TRows.Value;
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default, c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default, c30 = default, c31 = default, c32 = default, c33 = default;
        Vector512<float> c40 = default, c41 = default, c42 = default, c43 = default, c50 = default, c51 = default, c52 = default, c53 = default;
        float* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var b2 = Vector512.Load(b + 32);
            var b3 = Vector512.Load(b + 48);
            Sse.Prefetch0(prefetch + 8 * (nint)p);
            // W's row 8 steps ahead: 2-3 % on the 784 x 128 layer, whose 400 KB of W stream from L2 for every block.
            float* ahead = b + 8 * ldb;
            Sse.Prefetch0(ahead);
            Sse.Prefetch0(ahead + 16);
            Sse.Prefetch0(ahead + 32);
            Sse.Prefetch0(ahead + 48);
            { var x = Vector512.Create(a0[p]); c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01); c02 = Fma(x, b2, c02); c03 = Fma(x, b3, c03); }
            if (r > 1) { var x = Vector512.Create(a1[p]); c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11); c12 = Fma(x, b2, c12); c13 = Fma(x, b3, c13); }
            if (r > 2) { var x = Vector512.Create(a2[p]); c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21); c22 = Fma(x, b2, c22); c23 = Fma(x, b3, c23); }
            if (r > 3) { var x = Vector512.Create(a3[p]); c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31); c32 = Fma(x, b2, c32); c33 = Fma(x, b3, c33); }
            if (r > 4) { var x = Vector512.Create(a4[p]); c40 = Fma(x, b0, c40); c41 = Fma(x, b1, c41); c42 = Fma(x, b2, c42); c43 = Fma(x, b3, c43); }
            if (r > 5) { var x = Vector512.Create(a5[p]); c50 = Fma(x, b0, c50); c51 = Fma(x, b1, c51); c52 = Fma(x, b2, c52); c53 = Fma(x, b3, c53); }
            b += ldb;
        }
        StoreRow(c00, c01, c02, c03, c, bias, relu, activated);
        if (r > 1) StoreRow(c10, c11, c12, c13, c + ldc, bias, relu, Next(activated, ldc, 1));
        if (r > 2) StoreRow(c20, c21, c22, c23, c + 2 * ldc, bias, relu, Next(activated, ldc, 2));
        if (r > 3) StoreRow(c30, c31, c32, c33, c + 3 * ldc, bias, relu, Next(activated, ldc, 3));
        if (r > 4) StoreRow(c40, c41, c42, c43, c + 4 * ldc, bias, relu, Next(activated, ldc, 4));
        if (r > 5) StoreRow(c50, c51, c52, c53, c + 5 * ldc, bias, relu, Next(activated, ldc, 5));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> x, Vector512<float> b, Vector512<float> acc) => Vector512.FusedMultiplyAdd(x, b, acc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3, float* c, float* bias, bool relu, float* activated)
    {
        Finish(v0, c, bias, relu, activated, 0);
        Finish(v1, c + 16, bias + 16, relu, activated, 16);
        Finish(v2, c + 32, bias + 32, relu, activated, 32);
        Finish(v3, c + 48, bias + 48, relu, activated, 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float* Next(float* activated, nint ldc, int row) => activated == null ? null : activated + row * ldc;

    /// <summary>
    /// The epilogue of <see cref="TileEpilogue"/> (bias, then ReLU as <c>v &lt; 0 ? 0 : v</c>), then the store; with
    /// <paramref name="activated"/>, also the ReLU of the stored value there (a following ReLU layer's output, with
    /// the bits of <see cref="Kernels.ReLUForward"/>: <c>max(0, v)</c> keeps a NaN and a −0 as that does) at
    /// <paramref name="offset"/> from it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(Vector512<float> v, float* c, float* bias, bool relu, float* activated, int offset)
    {
        v += Vector512.Load(bias);
        if (relu) v = Avx512F.Max(Vector512<float>.Zero, v);
        v.Store(c);
        if (activated != null) Avx512F.Max(Vector512<float>.Zero, v).Store(activated + offset);
    }
}
