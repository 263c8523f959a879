namespace NNTrainer.Tensors;

/// <summary>
/// The small products inside the Winograd convolutions (<see cref="WinogradConvolution"/>, <see cref="WinogradWeightGradient"/>):
/// 36 GEMMs a sample of a few dozen rows, an inner dimension of 20 to 60 and one sample's tiles (or the padded filters)
/// as columns. The general GEMM runs them through its 8 × 2-vector tile, one call per product, at about half of this
/// machine's FMA peak for these shapes; here a register tile of 5 rows × 4 vectors (20 accumulators, 9 loads a step for
/// 20 fused multiply-adds: 50 and 20 rows split into whole tiles) runs them with no per-call set-up.
/// </summary>
/// <remarks>
/// Each value is the chain the general GEMM computes for an inner dimension of one block (at most
/// <see cref="GemmBlocking.KBlock"/>): C (or zero) then one fused multiply-add per inner step, in order. So the results are
/// bit-identical to <see cref="GemmKernels"/>'s, and every Winograd result stays what it was.
/// </remarks>
internal static unsafe class WinogradProducts
{
    /// <summary>Whether <see cref="Multiply"/> takes a product of <paramref name="n"/> columns and inner dimension <paramref name="k"/>: AVX-512, whole vectors, one inner block.</summary>
    public static bool Handles(int n, int k) => Avx512F.IsSupported && n > 0 && n % 16 == 0 && k > 0 && k <= GemmBlocking.KBlock;

    /// <summary>C[m×n] (+)= A[m×k]·B[k×n], all three row-major with the given row strides; only where <see cref="Handles"/> holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int n, int k, bool accumulate)
    {
        int j = 0;
        for (; j + 64 <= n; j += 64) Strip<Four>(a, lda, b + j, ldb, c + j, ldc, m, k, accumulate);
        switch ((n - j) / 16)
        {
            case 1: Strip<One>(a, lda, b + j, ldb, c + j, ldc, m, k, accumulate); break;
            case 2: Strip<Two>(a, lda, b + j, ldb, c + j, ldc, m, k, accumulate); break;
            case 3: Strip<Three>(a, lda, b + j, ldb, c + j, ldc, m, k, accumulate); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Strip<TVectors>(float* a, int lda, float* b, int ldb, float* c, int ldc, int m, int k, bool accumulate)
        where TVectors : struct, ITileConstant
    {
        int i = 0;
        for (; i + 5 <= m; i += 5) Tile<Five, TVectors>(a + (nint)i * lda, lda, b, ldb, c + (nint)i * ldc, ldc, k, accumulate);
        switch (m - i)
        {
            case 1: Tile<One, TVectors>(a + (nint)i * lda, lda, b, ldb, c + (nint)i * ldc, ldc, k, accumulate); break;
            case 2: Tile<Two, TVectors>(a + (nint)i * lda, lda, b, ldb, c + (nint)i * ldc, ldc, k, accumulate); break;
            case 3: Tile<Three, TVectors>(a + (nint)i * lda, lda, b, ldb, c + (nint)i * ldc, ldc, k, accumulate); break;
            case 4: Tile<Four, TVectors>(a + (nint)i * lda, lda, b, ldb, c + (nint)i * ldc, ldc, k, accumulate); break;
        }
    }

    /// <summary>One register tile of <typeparamref name="TRows"/> rows × <typeparamref name="TVectors"/> vectors over the whole inner dimension.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows, TVectors>(float* a, nint lda, float* b, nint ldb, float* c, nint ldc, int k, bool accumulate)
        where TRows : struct, ITileConstant
        where TVectors : struct, ITileConstant
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default, c10 = default, c11 = default, c12 = default, c13 = default, c20 = default, c21 = default, c22 = default, c23 = default, c30 = default, c31 = default, c32 = default, c33 = default, c40 = default, c41 = default, c42 = default, c43 = default;
        if (accumulate)
        {
            (c00, c01, c02, c03) = LoadRow<TVectors>(c);
            if (TRows.Value > 1) (c10, c11, c12, c13) = LoadRow<TVectors>(c + 1 * ldc);
            if (TRows.Value > 2) (c20, c21, c22, c23) = LoadRow<TVectors>(c + 2 * ldc);
            if (TRows.Value > 3) (c30, c31, c32, c33) = LoadRow<TVectors>(c + 3 * ldc);
            if (TRows.Value > 4) (c40, c41, c42, c43) = LoadRow<TVectors>(c + 4 * ldc);
        }
        float* a0 = a + 0 * (nint)lda;
        float* a1 = a + 1 * (nint)lda;
        float* a2 = a + 2 * (nint)lda;
        float* a3 = a + 3 * (nint)lda;
        float* a4 = a + 4 * (nint)lda;
        for (int p = 0; p < k; p++)
        {
            var b0 = Avx512F.LoadVector512(b);
            var b1 = TVectors.Value > 1 ? Avx512F.LoadVector512(b + 16) : default;
            var b2 = TVectors.Value > 2 ? Avx512F.LoadVector512(b + 32) : default;
            var b3 = TVectors.Value > 3 ? Avx512F.LoadVector512(b + 48) : default;
            { var x0 = Vector512.Create(a0[p]); c00 = Avx512F.FusedMultiplyAdd(x0, b0, c00); if (TVectors.Value > 1) c01 = Avx512F.FusedMultiplyAdd(x0, b1, c01); if (TVectors.Value > 2) c02 = Avx512F.FusedMultiplyAdd(x0, b2, c02); if (TVectors.Value > 3) c03 = Avx512F.FusedMultiplyAdd(x0, b3, c03); }
            if (TRows.Value > 1) { var x1 = Vector512.Create(a1[p]); c10 = Avx512F.FusedMultiplyAdd(x1, b0, c10); if (TVectors.Value > 1) c11 = Avx512F.FusedMultiplyAdd(x1, b1, c11); if (TVectors.Value > 2) c12 = Avx512F.FusedMultiplyAdd(x1, b2, c12); if (TVectors.Value > 3) c13 = Avx512F.FusedMultiplyAdd(x1, b3, c13); }
            if (TRows.Value > 2) { var x2 = Vector512.Create(a2[p]); c20 = Avx512F.FusedMultiplyAdd(x2, b0, c20); if (TVectors.Value > 1) c21 = Avx512F.FusedMultiplyAdd(x2, b1, c21); if (TVectors.Value > 2) c22 = Avx512F.FusedMultiplyAdd(x2, b2, c22); if (TVectors.Value > 3) c23 = Avx512F.FusedMultiplyAdd(x2, b3, c23); }
            if (TRows.Value > 3) { var x3 = Vector512.Create(a3[p]); c30 = Avx512F.FusedMultiplyAdd(x3, b0, c30); if (TVectors.Value > 1) c31 = Avx512F.FusedMultiplyAdd(x3, b1, c31); if (TVectors.Value > 2) c32 = Avx512F.FusedMultiplyAdd(x3, b2, c32); if (TVectors.Value > 3) c33 = Avx512F.FusedMultiplyAdd(x3, b3, c33); }
            if (TRows.Value > 4) { var x4 = Vector512.Create(a4[p]); c40 = Avx512F.FusedMultiplyAdd(x4, b0, c40); if (TVectors.Value > 1) c41 = Avx512F.FusedMultiplyAdd(x4, b1, c41); if (TVectors.Value > 2) c42 = Avx512F.FusedMultiplyAdd(x4, b2, c42); if (TVectors.Value > 3) c43 = Avx512F.FusedMultiplyAdd(x4, b3, c43); }
            b += ldb;
        }
        StoreRow<TVectors>(c, c00, c01, c02, c03);
        if (TRows.Value > 1) StoreRow<TVectors>(c + 1 * ldc, c10, c11, c12, c13);
        if (TRows.Value > 2) StoreRow<TVectors>(c + 2 * ldc, c20, c21, c22, c23);
        if (TRows.Value > 3) StoreRow<TVectors>(c + 3 * ldc, c30, c31, c32, c33);
        if (TRows.Value > 4) StoreRow<TVectors>(c + 4 * ldc, c40, c41, c42, c43);
    }

    /// <summary>One row of C's <typeparamref name="TVectors"/> vectors, the others zero: the accumulators' start when accumulating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float>, Vector512<float>, Vector512<float>, Vector512<float>) LoadRow<TVectors>(float* c)
        where TVectors : struct, ITileConstant =>
        (Avx512F.LoadVector512(c),
         TVectors.Value > 1 ? Avx512F.LoadVector512(c + 16) : default,
         TVectors.Value > 2 ? Avx512F.LoadVector512(c + 32) : default,
         TVectors.Value > 3 ? Avx512F.LoadVector512(c + 48) : default);

    /// <summary>Writes one row's <typeparamref name="TVectors"/> accumulators to C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TVectors>(float* c, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3)
        where TVectors : struct, ITileConstant
    {
        Avx512F.Store(c, v0);
        if (TVectors.Value > 1) Avx512F.Store(c + 16, v1);
        if (TVectors.Value > 2) Avx512F.Store(c + 32, v2);
        if (TVectors.Value > 3) Avx512F.Store(c + 48, v3);
    }
}
