namespace NNTrainer.Tensors;

/// <summary>
/// The three transforms of Winograd's minimal filtering F(2, 5) (Lavin and Gray's formulation), nested for
/// F(2×2, 5×5): a 5×5 kernel g becomes U = G·g·Gᵀ, a 6×6 input tile d becomes V = Bᵀ·d·B, and the 2×2 outputs are
/// Aᵀ·(Σ over channels of U ⊙ V)·A, 36 products where the direct correlation needs 100.
/// </summary>
/// <remarks>
/// Interpolation points 0, 1, −1, 2, −1/2 and ∞. Of the sets tried in float32 on random unit-variance data with
/// He-scaled kernels over 20 and 50 channels ({0, ±1, ±2}, {0, ±1, ±1/2}, {0, ±1, 2, 1/2}, {0, ±1, −2, −1/2},
/// {0, ±1, 1/2, −2} and this one), this one and {0, ±1, 1/2, −2} gave the smallest worst error, about 6e-6 against
/// 5e-7 for a direct float32 sum; {0, ±1, ±2} gave 1.3e-5 and {0, ±1, ±1/2} 1.7e-5. Every entry of Bᵀ and Aᵀ
/// (1, 2, 1/2, 3/2, 5/2) is exact in float32; G's thirds and fifteenths are applied in double, once per weight change.
/// </remarks>
internal static class WinogradTransforms
{
    /// <summary>G (6×5): the kernel at the points, each divided by the product of its distances to the other finite points.</summary>
    private static readonly double[] G =
    [
        1, 0, 0, 0, 0,
        -1.0 / 3, -1.0 / 3, -1.0 / 3, -1.0 / 3, -1.0 / 3,
        1.0 / 3, -1.0 / 3, 1.0 / 3, -1.0 / 3, 1.0 / 3,
        1.0 / 15, 2.0 / 15, 4.0 / 15, 8.0 / 15, 16.0 / 15,
        -16.0 / 15, 8.0 / 15, -4.0 / 15, 2.0 / 15, -1.0 / 15,
        0, 0, 0, 0, 1,
    ];

    /// <summary>
    /// U = G·g·Gᵀ of one 5×5 kernel, in double and rounded once, written to <paramref name="u"/>[ξ·stride] for
    /// ξ = 6·row + column. With <paramref name="rotate"/> the kernel is turned by 180° first (the input gradient).
    /// </summary>
    public static void Kernel(ReadOnlySpan<float> g, bool rotate, Span<float> u, int stride)
    {
        Span<double> t = stackalloc double[30]; // G·g, 6×5
        for (int i = 0; i < 6; i++)
        {
            for (int c = 0; c < 5; c++)
            {
                double s = 0;
                for (int r = 0; r < 5; r++) s += G[i * 5 + r] * g[rotate ? 24 - (r * 5 + c) : r * 5 + c];
                t[i * 5 + c] = s;
            }
        }
        for (int i = 0; i < 6; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                double s = 0;
                for (int c = 0; c < 5; c++) s += t[i * 5 + c] * G[j * 5 + c];
                u[(i * 6 + j) * stride] = (float)s;
            }
        }
    }

    /// <summary>
    /// The weight gradient's inverse transform, F(5×5, 2×2): a 5×5 kernel gradient Gᵀ·S·G from the 36 sums S[ξ] at
    /// <paramref name="s"/>[ξ·stride] (ξ = 6·row + column) of transformed input tiles times transformed 2×2 blocks of
    /// dY (<see cref="Gradient"/>). In double, rounded once, as <see cref="Kernel"/> is its transpose.
    /// </summary>
    public static void KernelGradient(ReadOnlySpan<float> s, int stride, Span<float> dw)
    {
        Span<double> t = stackalloc double[30]; // Gᵀ·S, 5×6
        for (int r = 0; r < 5; r++)
        {
            for (int j = 0; j < 6; j++)
            {
                double sum = 0;
                for (int i = 0; i < 6; i++) sum += G[i * 5 + r] * s[(i * 6 + j) * stride];
                t[r * 6 + j] = sum;
            }
        }
        for (int r = 0; r < 5; r++)
        {
            for (int c = 0; c < 5; c++)
            {
                double sum = 0;
                for (int j = 0; j < 6; j++) sum += t[r * 6 + j] * G[j * 5 + c];
                dw[r * 5 + c] = (float)sum;
            }
        }
    }

    /// <summary>
    /// m = A·δ for the two values of a 2-wide block of dY (A = (Aᵀ)ᵀ, 6×2), for vectors of 16 filters: one dimension of the
    /// weight gradient's transform of dY. The entries are 0, ±1, 2 and −1/2, so each output is at most one rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gradient(Vector512<float> d0, Vector512<float> d1,
        out Vector512<float> m0, out Vector512<float> m1, out Vector512<float> m2, out Vector512<float> m3, out Vector512<float> m4, out Vector512<float> m5)
    {
        m0 = d0;
        m1 = d0 + d1;
        m2 = d0 - d1;
        m3 = Mad(d1, 2f, d0);
        m4 = Mad(d1, -0.5f, d0);
        m5 = d1;
    }

    /// <summary>v = Bᵀ·d for six vectors of 16 tiles: one dimension of the input transform.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Input(Vector512<float> d0, Vector512<float> d1, Vector512<float> d2, Vector512<float> d3, Vector512<float> d4, Vector512<float> d5,
        out Vector512<float> v0, out Vector512<float> v1, out Vector512<float> v2, out Vector512<float> v3, out Vector512<float> v4, out Vector512<float> v5)
    {
        // Bᵀ rows: [1, 3/2, −2, −3/2, 1, 0], [0, −1, −5/2, −1/2, 1, 0], [0, 1, 1/2, −5/2, 1, 0],
        //          [0, −1/2, −1, 1/2, 1, 0], [0, 2, −1, −2, 1, 0], [0, 1, 3/2, −2, −3/2, 1].
        v0 = Mad(d2, -2f, Mad(d1 - d3, 1.5f, d0 + d4));
        v1 = Mad(d2, -2.5f, Mad(d3, -0.5f, d4 - d1));
        v2 = Mad(d3, -2.5f, Mad(d2, 0.5f, d4 + d1));
        v3 = Mad(d3 - d1, 0.5f, d4 - d2);
        v4 = Mad(d1 - d3, 2f, d4 - d2);
        v5 = Mad(d3, -2f, Mad(d2 - d4, 1.5f, d1 + d5));
    }

    /// <summary>y = Aᵀ·m for six vectors of 16 tiles: one dimension of the output transform.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Output(Vector512<float> m0, Vector512<float> m1, Vector512<float> m2, Vector512<float> m3, Vector512<float> m4, Vector512<float> m5,
        out Vector512<float> y0, out Vector512<float> y1)
    {
        // Aᵀ rows: [1, 1, 1, 1, 1, 0] and [0, 1, −1, 2, −1/2, 1].
        y0 = (m0 + m1) + (m2 + m3) + m4;
        y1 = Mad(m3, 2f, Mad(m4, -0.5f, (m1 - m2) + m5));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Mad(Vector512<float> a, float s, Vector512<float> c) => Avx512F.FusedMultiplyAdd(a, Vector512.Create(s), c);

    /// <summary>
    /// The first <paramref name="count"/> lanes of <paramref name="value"/> at <paramref name="p"/> (a masked store past the
    /// end of a row). AVX-512's masked store: AVX's (<c>vmaskmovps</c>) is microcoded on AMD, and LeNet's 14-wide rows
    /// end in one for every row copied into a plane and every output row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(float* p, Vector256<float> value, int count)
    {
        if (count >= 8) Avx.Store(p, value);
        else if (count > 0) Avx512F.VL.MaskStore(p, Mask(count), value);
    }

    /// <summary>The first <paramref name="count"/> lanes (none when it is 0 or less).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Mask(int count) => Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();

    /// <summary>Interleaves the tiles' left and right outputs into one image row of up to 16 values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreRow(float* row, Vector256<float> left, Vector256<float> right, int columns)
    {
        var low = Avx.UnpackLow(left, right);   // l0 r0 l1 r1 | l4 r4 l5 r5
        var high = Avx.UnpackHigh(left, right); // l2 r2 l3 r3 | l6 r6 l7 r7
        Store(row, Avx.Permute2x128(low, high, 0x20), Math.Min(8, columns));
        if (columns > 8) Store(row + 8, Avx.Permute2x128(low, high, 0x31), columns - 8);
    }
}
