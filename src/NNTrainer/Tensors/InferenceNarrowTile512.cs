namespace NNTrainer.Tensors;

/// <summary>
/// The AVX-512 tile of inference for up to 16 columns past the last whole 64-column strip (<see cref="InferenceGemm"/>):
/// 16 rows (<see cref="TileSixteen"/>) or up to 8 × one vector of 1 to 16 columns, read and written through a lane mask,
/// over the whole inner dimension.
/// </summary>
/// <remarks>
/// Made for a classifier's last layer (10 outputs of 128 inputs): the GEMM's tiles there cost a set-up per call that a
/// 64-row batch pays on every call, and a remainder of 10 columns needs no padded copy when the loads are masked (a
/// masked-off lane is never read, so reading the last row of W cannot fault). Eight accumulators are the fused
/// multiply-adds in flight that two pipes of four cycles' latency need. Every output is the same chain as in
/// <see cref="GemmKernels.MultiplyNN"/> (<c>acc = 0; acc = fma(A(i, p), W(p, j), acc)</c> for p in order; then bias and
/// ReLU), so the results are bit-identical.
/// </remarks>
internal static unsafe class InferenceNarrowTile512
{
    /// <summary>Rows per tile.</summary>
    public const int Rows = 8;

    /// <summary>Columns per tile at most.</summary>
    public const int Columns = 16;

    /// <summary>
    /// Computes <paramref name="rows"/> (1 to 8) rows × <paramref name="columns"/> (1 to 16) columns into
    /// <paramref name="c"/> (row stride <paramref name="ldc"/>) from rows of A <paramref name="lda"/> apart and rows of B
    /// <paramref name="ldb"/> apart; with <paramref name="activated"/> (same layout as <paramref name="c"/>), the ReLU of
    /// each output goes there too.
    /// </summary>
    public static void Tile(int rows, int columns, float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* activated)
    {
        if ((uint)(columns - 1) >= Columns) throw new ArgumentOutOfRangeException(nameof(columns));
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(columns)).AsSingle();
        switch (rows)
        {
            case 8: Tile<Eight>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            case 7: Tile<Seven>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            case 6: Tile<Six>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            case 5: Tile<Five>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            case 4: Tile<Four>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            case 3: Tile<Three>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            case 2: Tile<Two>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            case 1: Tile<One>(mask, a, lda, b, ldb, k, c, ldc, bias, relu, activated); break;
            default: throw new ArgumentOutOfRangeException(nameof(rows));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows>(Vector512<float> mask, float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* activated)
        where TRows : struct, ITileConstant
    {
        int r = TRows.Value;
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        float* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda, a6 = a + 6 * lda, a7 = a + 7 * lda;
        for (int p = 0; p < k; p++)
        {
            var w = Avx512F.MaskLoad(b, mask, Vector512<float>.Zero);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[p]), w, c0);
            if (r > 1) c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[p]), w, c1);
            if (r > 2) c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a2[p]), w, c2);
            if (r > 3) c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a3[p]), w, c3);
            if (r > 4) c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[p]), w, c4);
            if (r > 5) c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a5[p]), w, c5);
            if (r > 6) c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a6[p]), w, c6);
            if (r > 7) c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a7[p]), w, c7);
            b += ldb;
        }
        var biases = Avx512F.MaskLoad(bias, mask, Vector512<float>.Zero);
        Finish(c0, mask, biases, relu, c, activated, 0);
        if (r > 1) Finish(c1, mask, biases, relu, c, activated, ldc);
        if (r > 2) Finish(c2, mask, biases, relu, c, activated, 2 * ldc);
        if (r > 3) Finish(c3, mask, biases, relu, c, activated, 3 * ldc);
        if (r > 4) Finish(c4, mask, biases, relu, c, activated, 4 * ldc);
        if (r > 5) Finish(c5, mask, biases, relu, c, activated, 5 * ldc);
        if (r > 6) Finish(c6, mask, biases, relu, c, activated, 6 * ldc);
        if (r > 7) Finish(c7, mask, biases, relu, c, activated, 7 * ldc);
    }

    /// <summary>Rows of <see cref="TileSixteen"/>.</summary>
    public const int WideRows = 16;

    /// <summary>
    /// As <see cref="Tile"/> for exactly 16 rows: sixteen chains in flight instead of eight, one masked load of W per
    /// sixteen multiply-adds (the 128 × 10 classifier layer 7–10 % faster than two 8-row tiles, interleaved).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TileSixteen(int columns, float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float* bias, bool relu, float* activated)
    {
        if ((uint)(columns - 1) >= Columns) throw new ArgumentOutOfRangeException(nameof(columns));
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(columns)).AsSingle();
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        Vector512<float> c8 = default, c9 = default, c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        // Two row pointers walking the inner dimension and seven offsets: every broadcast addresses [row + offset * 4].
        nint l1 = lda, l2 = 2 * lda, l3 = 3 * lda, l4 = 4 * lda, l5 = 5 * lda, l6 = 6 * lda, l7 = 7 * lda;
        float* q = a, q8 = a + 8 * lda, end = a + k;
        while (q < end)
        {
            var w = Avx512F.MaskLoad(b, mask, Vector512<float>.Zero);
            c0 = Fma(q[0], w, c0); c1 = Fma(q[l1], w, c1); c2 = Fma(q[l2], w, c2); c3 = Fma(q[l3], w, c3);
            c4 = Fma(q[l4], w, c4); c5 = Fma(q[l5], w, c5); c6 = Fma(q[l6], w, c6); c7 = Fma(q[l7], w, c7);
            c8 = Fma(q8[0], w, c8); c9 = Fma(q8[l1], w, c9); c10 = Fma(q8[l2], w, c10); c11 = Fma(q8[l3], w, c11);
            c12 = Fma(q8[l4], w, c12); c13 = Fma(q8[l5], w, c13); c14 = Fma(q8[l6], w, c14); c15 = Fma(q8[l7], w, c15);
            b += ldb;
            q++;
            q8++;
        }
        var biases = Avx512F.MaskLoad(bias, mask, Vector512<float>.Zero);
        Finish(c0, mask, biases, relu, c, activated, 0);
        Finish(c1, mask, biases, relu, c, activated, ldc);
        Finish(c2, mask, biases, relu, c, activated, 2 * ldc);
        Finish(c3, mask, biases, relu, c, activated, 3 * ldc);
        Finish(c4, mask, biases, relu, c, activated, 4 * ldc);
        Finish(c5, mask, biases, relu, c, activated, 5 * ldc);
        Finish(c6, mask, biases, relu, c, activated, 6 * ldc);
        Finish(c7, mask, biases, relu, c, activated, 7 * ldc);
        Finish(c8, mask, biases, relu, c, activated, 8 * ldc);
        Finish(c9, mask, biases, relu, c, activated, 9 * ldc);
        Finish(c10, mask, biases, relu, c, activated, 10 * ldc);
        Finish(c11, mask, biases, relu, c, activated, 11 * ldc);
        Finish(c12, mask, biases, relu, c, activated, 12 * ldc);
        Finish(c13, mask, biases, relu, c, activated, 13 * ldc);
        Finish(c14, mask, biases, relu, c, activated, 14 * ldc);
        Finish(c15, mask, biases, relu, c, activated, 15 * ldc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(float x, Vector512<float> w, Vector512<float> acc) => Vector512.FusedMultiplyAdd(Vector512.Create(x), w, acc);

    /// <summary>Bias, then ReLU as <see cref="InferenceTile512"/> applies it, then the masked stores at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(Vector512<float> v, Vector512<float> mask, Vector512<float> biases, bool relu, float* c, float* activated, nint offset)
    {
        v += biases;
        if (relu) v = Avx512F.Max(Vector512<float>.Zero, v);
        Avx512F.MaskStore(c + offset, mask, v);
        if (activated != null) Avx512F.MaskStore(activated + offset, mask, Avx512F.Max(Vector512<float>.Zero, v));
    }
}
