namespace NNTrainer.Tensors;

/// <summary>
/// Copies that put a GEMM operand where the register-tile kernel wants it: a transposed B (<c>dY·Wᵀ</c>) laid
/// out as rows of output columns, and zero-padded edge strips, so the kernel only ever loads whole vectors.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Writes <c>destination[p·ld + j] = source[j·k + p]</c> for j &lt; n and p &lt; k (the transpose of an
    /// [n × k] row-major matrix) and zeros in columns [n, ld).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose(float* source, int n, int k, float* destination, int ld) => TransposeRows(source, n, k, destination, ld, 0, n);

    /// <summary>
    /// Aᵀ of an [m × k] row-major A in the thread's packing scratch, its rows padded to whole vectors of
    /// <paramref name="isa"/> (<paramref name="ld"/>): the B operand of a product computed transposed (Cᵀ = X·Aᵀ).
    /// </summary>
    public static float* TransposeIntoScratch(Scratch scratch, float* a, int m, int k, GemmIsa isa, out int ld)
    {
        int width = isa.VectorWidth();
        ld = (m + width - 1) / width * width;
        float* transposed = scratch.Packed((long)k * ld);
        Transpose(a, m, k, transposed, ld);
        return transposed;
    }

    /// <summary>
    /// Rows [<paramref name="from"/>, <paramref name="to"/>) of <see cref="Transpose"/>: <c>destination[p·ld + j] = source[j·k + p]</c>
    /// for those j, plus the zero columns [n, ld) when <paramref name="to"/> is <paramref name="n"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TransposeRows(float* source, int n, int k, float* destination, int ld, int from, int to)
    {
        int j = from;
        if (Avx.IsSupported)
        {
            for (; j + 8 <= to; j += 8)
            {
                int p = 0;
                for (; p + 8 <= k; p += 8) Transpose8x8(source + (nint)j * k + p, k, destination + (nint)p * ld + j, ld);
                for (; p < k; p++)
                {
                    float* d = destination + (nint)p * ld + j;
                    for (int jj = 0; jj < 8; jj++) d[jj] = source[(nint)(j + jj) * k + p];
                }
            }
        }
        for (; j < to; j++)
        {
            float* s = source + (nint)j * k;
            for (int p = 0; p < k; p++) destination[(nint)p * ld + j] = s[p];
        }
        if (ld > n && to == n)
        {
            for (int p = 0; p < k; p++) new Span<float>(destination + (nint)p * ld + n, ld - n).Clear();
        }
    }

    /// <summary>Copies a [rows × width] block with row stride <paramref name="ld"/> into rows of <paramref name="paddedWidth"/> values, zero-filled past <paramref name="width"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PadStrip(float* source, nint ld, int rows, int width, float* destination, int paddedWidth)
    {
        for (int p = 0; p < rows; p++)
        {
            var d = new Span<float>(destination + (nint)p * paddedWidth, paddedWidth);
            new ReadOnlySpan<float>(source + p * ld, width).CopyTo(d);
            d.Slice(width).Clear();
        }
    }

    /// <summary>The classic AVX 8×8 transpose: unpack pairs, shuffle quads, swap 128-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Transpose8x8(float* s, nint ls, float* d, nint ld)
    {
        var r0 = Avx.LoadVector256(s);
        var r1 = Avx.LoadVector256(s + ls);
        var r2 = Avx.LoadVector256(s + 2 * ls);
        var r3 = Avx.LoadVector256(s + 3 * ls);
        var r4 = Avx.LoadVector256(s + 4 * ls);
        var r5 = Avx.LoadVector256(s + 5 * ls);
        var r6 = Avx.LoadVector256(s + 6 * ls);
        var r7 = Avx.LoadVector256(s + 7 * ls);
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(d, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(d + ld, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(d + 2 * ld, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(d + 3 * ld, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(d + 4 * ld, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(d + 5 * ld, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(d + 6 * ld, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(d + 7 * ld, Avx.Permute2x128(u3, u7, 0x31));
    }
}
