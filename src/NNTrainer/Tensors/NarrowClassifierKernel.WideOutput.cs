namespace NNTrainer.Tensors;

/// <summary>
/// The output layer's gradients of <see cref="NarrowClassifierKernel"/>'s wide passes (9 to 31 classes), with the
/// classes along the lanes: the output gradient transposed once to rows of samples, each hidden unit's gradient row is
/// two running sums, and it is stored in place, where hidden units along the lanes need a transposition of the result
/// and a gather per sample for the biases. LetterRecognition's step spent about a sixth of its backward pass on those.
/// </summary>
internal static unsafe partial class NarrowClassifierKernel
{
    private const int UnitsPerPass = 8;

    /// <summary>
    /// <c>dW2[h, j] = Σ_i a[i, h]·dY[i, j]</c> and <c>dB2[j] = Σ_i dY[i, j]</c>, each over the samples in order from zero,
    /// 8 hidden units at a time (16 running sums).
    /// </summary>
    /// <param name="gradientT">The output gradient, transposed, [classes × ld].</param>
    /// <param name="ld">Its row stride.</param>
    /// <param name="rows">Samples.</param>
    /// <param name="classes">Classes (9 to 31).</param>
    /// <param name="activations">The hidden layer's outputs, [ld × padded].</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="padded">Hidden units rounded up to whole blocks of 16: the row stride of <paramref name="activations"/>.</param>
    /// <param name="gradientRows">Scratch, [ld × 32].</param>
    /// <param name="dW2">Destination, [hidden × classes].</param>
    /// <param name="dB2">Destination, [classes].</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WideOutputGradients(float* gradientT, int ld, int rows, int classes, float* activations, int hidden, int padded,
        float* gradientRows, Span<float> dW2, Span<float> dB2)
    {
        const int stride = 2 * Width;
        GemmPacking.Transpose(gradientT, classes, ld, gradientRows, stride);
        float* row = stackalloc float[stride];
        fixed (float* w = dW2, b = dB2)
        {
            long end = (long)hidden * classes;
            for (int h0 = 0; h0 < hidden; h0 += UnitsPerPass) UnitGradients(gradientRows, rows, activations + h0, padded, w, h0, hidden, classes, end, row);
            var zero = Vector512<float>.Zero;
            Vector512<float> s0 = zero, s1 = zero;
            float* dy = gradientRows;
            for (int i = 0; i < rows; i++, dy += stride)
            {
                s0 += Vector512.Load(dy);
                s1 += Vector512.Load(dy + Width);
            }
            s0.Store(row);
            s1.Store(row + Width);
            for (int j = 0; j < classes; j++) b[j] = row[j];
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void UnitGradients(float* gradientRows, int rows, float* a, int padded, float* w, int h0, int hidden, int classes, long end, float* row)
    {
        var zero = Vector512<float>.Zero;
        Vector512<float> u0 = zero, v0 = zero, u1 = zero, v1 = zero, u2 = zero, v2 = zero, u3 = zero, v3 = zero;
        Vector512<float> u4 = zero, v4 = zero, u5 = zero, v5 = zero, u6 = zero, v6 = zero, u7 = zero, v7 = zero;
        float* dy = gradientRows;
        for (int i = 0; i < rows; i++, a += padded, dy += 2 * Width)
        {
            var d0 = Vector512.Load(dy);
            var d1 = Vector512.Load(dy + Width);
            AddUnit(a[0], d0, d1, ref u0, ref v0); AddUnit(a[1], d0, d1, ref u1, ref v1);
            AddUnit(a[2], d0, d1, ref u2, ref v2); AddUnit(a[3], d0, d1, ref u3, ref v3);
            AddUnit(a[4], d0, d1, ref u4, ref v4); AddUnit(a[5], d0, d1, ref u5, ref v5);
            AddUnit(a[6], d0, d1, ref u6, ref v6); AddUnit(a[7], d0, d1, ref u7, ref v7);
        }
        // In order of units: a row's two vectors may run into the next units' rows, which are written after it.
        StoreUnit(w, h0, hidden, classes, end, u0, v0, row); StoreUnit(w, h0 + 1, hidden, classes, end, u1, v1, row);
        StoreUnit(w, h0 + 2, hidden, classes, end, u2, v2, row); StoreUnit(w, h0 + 3, hidden, classes, end, u3, v3, row);
        StoreUnit(w, h0 + 4, hidden, classes, end, u4, v4, row); StoreUnit(w, h0 + 5, hidden, classes, end, u5, v5, row);
        StoreUnit(w, h0 + 6, hidden, classes, end, u6, v6, row); StoreUnit(w, h0 + 7, hidden, classes, end, u7, v7, row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddUnit(float a, Vector512<float> d0, Vector512<float> d1, ref Vector512<float> u, ref Vector512<float> v)
    {
        var va = Vector512.Create(a);
        u = Vector512.FusedMultiplyAdd(va, d0, u);
        v = Vector512.FusedMultiplyAdd(va, d1, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreUnit(float* w, int h, int hidden, int classes, long end, Vector512<float> u, Vector512<float> v, float* row)
    {
        if (h >= hidden) return;
        long at = (long)h * classes;
        if (at + 2 * Width <= end)
        {
            u.Store(w + at);
            v.Store(w + at + Width);
            return;
        }
        u.Store(row);
        v.Store(row + Width);
        for (int j = 0; j < classes; j++) w[at + j] = row[j];
    }
}
