namespace NNTrainer.Tensors;

/// <summary>
/// Max pooling over the book's 2×2 windows at stride 2, eight (AVX2) or four (SSE) outputs at a time: the pairs of
/// each input row are split into even and odd columns with shuffles, and the window's maximum and its position are
/// picked with compares and blends, the same selects as the scalar loop (strictly greater wins, so the first of equal
/// values is kept, and NaN never wins a comparison), so every path gives the same values and indices bit for bit.
/// </summary>
internal static class MaxPool2x2Kernel
{
    /// <summary>Pools one plane, <paramref name="width"/> values a row, into <paramref name="outHeight"/>×<paramref name="outWidth"/> maxima.</summary>
    /// <param name="plane">The input plane.</param>
    /// <param name="width">Input width.</param>
    /// <param name="outHeight">Output height, ⌊height / 2⌋.</param>
    /// <param name="outWidth">Output width, ⌊width / 2⌋.</param>
    /// <param name="y">Destination of outHeight·outWidth maxima.</param>
    /// <param name="index">Destination of the maxima's positions (<paramref name="indexBase"/> + position in the plane), or null.</param>
    /// <param name="indexBase">Added to every position.</param>
    /// <param name="vectors">False forces the scalar loop (tests compare the paths).</param>
    /// <param name="wide">False skips the AVX2 loop (tests reach the SSE loop).</param>
    /// <param name="rectify">
    /// Pool <c>max(0, x)</c> instead of x: the ReLU that precedes the pool, applied to each value as it is loaded, with
    /// <see cref="Kernels.ReLUForward"/>'s select (so the maxima and positions are those of pooling the ReLU's output).
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Plane(float* plane, int width, int outHeight, int outWidth, float* y, int* index, int indexBase, bool vectors = true, bool wide = true, bool rectify = false)
    {
        bool avx = vectors && wide && Avx2.IsSupported, sse = vectors && Sse41.IsSupported;
        var steps = Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14);
        var steps128 = Vector128.Create(0, 2, 4, 6);
        for (int oy = 0; oy < outHeight; oy++, y += outWidth)
        {
            float* upperRow = plane + oy * 2 * width, lowerRow = upperRow + width;
            int* at = index == null ? null : index + oy * outWidth;
            int rowBase = indexBase + oy * 2 * width;
            int ox = 0;
            if (avx)
            {
                // The row's last outputs (fewer than eight) go through masked loads and stores, not the scalar loop:
                // LeNet's second pool has seven outputs a row.
                for (; ox < outWidth; ox += 8)
                {
                    int count = Math.Min(8, outWidth - ox);
                    var (a, b) = Split(upperRow + 2 * ox, count, rectify);
                    var (c, d) = Split(lowerRow + 2 * ox, count, rectify);
                    var right = Vector256.GreaterThan(b, a);
                    var lowerRight = Vector256.GreaterThan(d, c);
                    var upper = Vector256.ConditionalSelect(right, b, a);
                    var lower = Vector256.ConditionalSelect(lowerRight, d, c);
                    var below = Vector256.GreaterThan(lower, upper);
                    Store(y + ox, Vector256.ConditionalSelect(below, lower, upper), count);
                    if (at == null) continue;
                    // A true mask is -1: subtracting it steps one column right.
                    var first = Vector256.Create(rowBase + 2 * ox) + steps;
                    var upperAt = first - right.AsInt32();
                    var lowerAt = first + Vector256.Create(width) - lowerRight.AsInt32();
                    Store((float*)(at + ox), Vector256.ConditionalSelect(below.AsInt32(), lowerAt, upperAt).AsSingle(), count);
                }
            }
            if (sse)
            {
                for (; ox + 4 <= outWidth; ox += 4)
                {
                    var (a, b) = Split128(upperRow + 2 * ox, rectify);
                    var (c, d) = Split128(lowerRow + 2 * ox, rectify);
                    var right = Vector128.GreaterThan(b, a);
                    var lowerRight = Vector128.GreaterThan(d, c);
                    var upper = Vector128.ConditionalSelect(right, b, a);
                    var lower = Vector128.ConditionalSelect(lowerRight, d, c);
                    var below = Vector128.GreaterThan(lower, upper);
                    Vector128.ConditionalSelect(below, lower, upper).Store(y + ox);
                    if (at == null) continue;
                    var first = Vector128.Create(rowBase + 2 * ox) + steps128;
                    var upperAt = first - right.AsInt32();
                    var lowerAt = first + Vector128.Create(width) - lowerRight.AsInt32();
                    Vector128.ConditionalSelect(below.AsInt32(), lowerAt, upperAt).Store(at + ox);
                }
            }
            for (; ox < outWidth; ox++)
            {
                int column = 2 * ox;
                float a = upperRow[column], b = upperRow[column + 1], c = lowerRow[column], d = lowerRow[column + 1];
                if (rectify) (a, b, c, d) = (a < 0f ? 0f : a, b < 0f ? 0f : b, c < 0f ? 0f : c, d < 0f ? 0f : d);
                bool right = b > a, lowerRight = d > c;
                float upper = right ? b : a, lower = lowerRight ? d : c;
                bool below = lower > upper;
                y[ox] = below ? lower : upper;
                if (at != null) at[ox] = rowBase + (below ? width + (lowerRight ? column + 1 : column) : (right ? column + 1 : column));
            }
        }
    }

    /// <summary>
    /// The gradient of one pooled plane with respect to its input: each window's four values are the output's gradient
    /// at the position <see cref="Plane"/> recorded and zero elsewhere, written row by row without clearing the plane
    /// first. Covers the <c>2·outHeight</c> × <c>2·outWidth</c> values the windows cover; with an odd height or width the
    /// caller clears the row or column no window reaches.
    /// </summary>
    /// <param name="dy">The output's gradient, outHeight·outWidth values.</param>
    /// <param name="index">The maxima's positions as <see cref="Plane"/> wrote them.</param>
    /// <param name="indexBase">The base <see cref="Plane"/> added to them.</param>
    /// <param name="width">Input width.</param>
    /// <param name="outHeight">Output height.</param>
    /// <param name="outWidth">Output width.</param>
    /// <param name="dx">The input plane's gradient.</param>
    /// <param name="vectors">False forces the scalar loop (tests compare the paths).</param>
    /// <remarks>
    /// Each value is <c>0 + dy</c> or <c>0</c>, as clearing the plane and adding the gradient at the recorded position gave
    /// (<c>0 + (−0) = +0</c>: a negative-zero gradient arrives as a positive zero on every path).
    /// </remarks>
    /// <param name="wide">False skips the AVX2 loop (tests reach the SSE loop).</param>
    /// <param name="rectified">
    /// The input plane of a rectified pooling (<see cref="Plane"/>'s rectify), or null: each value is then also passed through the
    /// ReLU's gradient, kept where this input is &gt; 0 and +0 elsewhere (<see cref="Kernels.ReLUBackward"/>'s mask).
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Backward(float* dy, int* index, int indexBase, int width, int outHeight, int outWidth, float* dx, bool vectors = true, bool wide = true, float* rectified = null)
    {
        bool avx = vectors && wide && Avx2.IsSupported, sse = vectors && Sse41.IsSupported;
        var steps = Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14);
        var steps128 = Vector128.Create(0, 2, 4, 6);
        for (int oy = 0; oy < outHeight; oy++, dy += outWidth)
        {
            float* upperRow = dx + oy * 2 * width, lowerRow = upperRow + width;
            float* upperInput = rectified == null ? null : rectified + oy * 2 * width, lowerInput = upperInput == null ? null : upperInput + width;
            int* at = index + oy * outWidth;
            int rowBase = indexBase + oy * 2 * width;
            int ox = 0;
            if (avx)
            {
                var one = Vector256.Create(1);
                var below = Vector256.Create(width);
                var belowRight = Vector256.Create(width + 1);
                for (; ox < outWidth; ox += 8)
                {
                    int count = Math.Min(8, outWidth - ox);
                    var g = Load(dy + ox, count);
                    var offset = Load((float*)(at + ox), count).AsInt32() - (Vector256.Create(rowBase + 2 * ox) + steps);
                    Interleave(Pick(offset, Vector256<int>.Zero, g), Pick(offset, one, g), upperRow + 2 * ox, count, upperInput == null ? null : upperInput + 2 * ox);
                    Interleave(Pick(offset, below, g), Pick(offset, belowRight, g), lowerRow + 2 * ox, count, lowerInput == null ? null : lowerInput + 2 * ox);
                }
            }
            if (sse)
            {
                var one = Vector128.Create(1);
                var below = Vector128.Create(width);
                var belowRight = Vector128.Create(width + 1);
                for (; ox + 4 <= outWidth; ox += 4)
                {
                    var g = Sse.LoadVector128(dy + ox);
                    var offset = Sse2.LoadVector128(at + ox) - (Vector128.Create(rowBase + 2 * ox) + steps128);
                    Interleave(Pick(offset, Vector128<int>.Zero, g), Pick(offset, one, g), upperRow + 2 * ox, upperInput == null ? null : upperInput + 2 * ox);
                    Interleave(Pick(offset, below, g), Pick(offset, belowRight, g), lowerRow + 2 * ox, lowerInput == null ? null : lowerInput + 2 * ox);
                }
            }
            for (; ox < outWidth; ox++)
            {
                int offset = at[ox] - (rowBase + 2 * ox);
                float g = 0f + dy[ox];
                upperRow[2 * ox] = offset == 0 && Passes(upperInput, 2 * ox) ? g : 0f;
                upperRow[2 * ox + 1] = offset == 1 && Passes(upperInput, 2 * ox + 1) ? g : 0f;
                lowerRow[2 * ox] = offset == width && Passes(lowerInput, 2 * ox) ? g : 0f;
                lowerRow[2 * ox + 1] = offset == width + 1 && Passes(lowerInput, 2 * ox + 1) ? g : 0f;
            }
        }
    }

    /// <summary>Whether the ReLU's gradient passes at <paramref name="column"/>: always without a rectified input, else where it is &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe bool Passes(float* input, int column) => input == null || input[column] > 0f;

    /// <summary><c>0 + g</c> where <paramref name="offset"/> equals <paramref name="position"/>, +0 elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Pick(Vector256<int> offset, Vector256<int> position, Vector256<float> g) =>
        Vector256<float>.Zero + (Vector256.Equals(offset, position).AsSingle() & g);

    /// <summary><c>0 + g</c> where <paramref name="offset"/> equals <paramref name="position"/>, +0 elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Pick(Vector128<int> offset, Vector128<int> position, Vector128<float> g) =>
        Vector128<float>.Zero + (Vector128.Equals(offset, position).AsSingle() & g);

    /// <summary>
    /// Stores e0 o0 e1 o1 … e7 o7 (the first 2·<paramref name="count"/>) at <paramref name="destination"/>: the even and
    /// odd columns put back in order; where <paramref name="input"/> is given, only where it is &gt; 0 (+0 elsewhere).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Interleave(Vector256<float> even, Vector256<float> odd, float* destination, int count, float* input)
    {
        // Unpack works within 128-bit lanes ([e0 o0 e1 o1 | e4 o4 e5 o5]); the lane permutes put the halves in order.
        var low = Avx.UnpackLow(even, odd);
        var high = Avx.UnpackHigh(even, odd);
        var first = Avx.Permute2x128(low, high, 0x20);
        var second = Avx.Permute2x128(low, high, 0x31);
        if (input != null)
        {
            first = Vector256.GreaterThan(Load(input, 2 * count), Vector256<float>.Zero) & first;
            second = Vector256.GreaterThan(Load(input + 8, 2 * count - 8), Vector256<float>.Zero) & second;
        }
        Store(destination, first, 2 * count);
        Store(destination + 8, second, 2 * count - 8);
    }

    /// <summary>The first <paramref name="count"/> (0 to 8 or more) of eight values at <paramref name="source"/>, zeros after them; nothing past them is read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> Load(float* source, int count) =>
        count >= 8 ? Avx.LoadVector256(source) : Avx.MaskLoad(source, FirstLanes(count));

    /// <summary>Stores the first <paramref name="count"/> lanes of <paramref name="values"/> (all eight for 8 or more, none for 0 or fewer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(float* destination, Vector256<float> values, int count)
    {
        if (count >= 8) Avx.Store(destination, values);
        else if (count > 0) Avx.MaskStore(destination, FirstLanes(count), values);
    }

    /// <summary>A mask of the first <paramref name="count"/> lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FirstLanes(int count) =>
        Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();

    /// <summary>Stores e0 o0 … e3 o3 at <paramref name="destination"/>; where <paramref name="input"/> is given, only where it is &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Interleave(Vector128<float> even, Vector128<float> odd, float* destination, float* input)
    {
        var first = Sse.UnpackLow(even, odd);
        var second = Sse.UnpackHigh(even, odd);
        if (input != null)
        {
            first = Vector128.GreaterThan(Sse.LoadVector128(input), Vector128<float>.Zero) & first;
            second = Vector128.GreaterThan(Sse.LoadVector128(input + 4), Vector128<float>.Zero) & second;
        }
        Sse.Store(destination, first);
        Sse.Store(destination + 4, second);
    }

    /// <summary>Sixteen consecutive values (the first 2·<paramref name="count"/> of them) split into the eight at even and the eight at odd offsets, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (Vector256<float> Even, Vector256<float> Odd) Split(float* values, int count, bool rectify)
    {
        // Masked for a row's last windows: the values past the row (past the plane, on its last row) are not read.
        var low = Load(values, 2 * count);
        var high = Load(values + 8, 2 * count - 8);
        if (rectify)
        {
            low = Vector256.ConditionalSelect(Vector256.LessThan(low, Vector256<float>.Zero), Vector256<float>.Zero, low);
            high = Vector256.ConditionalSelect(Vector256.LessThan(high, Vector256<float>.Zero), Vector256<float>.Zero, high);
        }
        // Shuffle works within 128-bit lanes ([l0 l2 h0 h2 | l4 l6 h4 h6]); the 64-bit permute puts the halves in order.
        var even = Avx2.Permute4x64(Avx.Shuffle(low, high, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
        var odd = Avx2.Permute4x64(Avx.Shuffle(low, high, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle();
        return (even, odd);
    }

    /// <summary>Eight consecutive values (rectified if asked) split into the four at even and the four at odd offsets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (Vector128<float> Even, Vector128<float> Odd) Split128(float* values, bool rectify)
    {
        var low = Sse.LoadVector128(values);
        var high = Sse.LoadVector128(values + 4);
        if (rectify)
        {
            low = Vector128.ConditionalSelect(Vector128.LessThan(low, Vector128<float>.Zero), Vector128<float>.Zero, low);
            high = Vector128.ConditionalSelect(Vector128.LessThan(high, Vector128<float>.Zero), Vector128<float>.Zero, high);
        }
        return (Sse.Shuffle(low, high, 0b10_00_10_00), Sse.Shuffle(low, high, 0b11_01_11_01));
    }
}
