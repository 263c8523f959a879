using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Plane(float* plane, int width, int outHeight, int outWidth, float* y, int* index, int indexBase, bool vectors = true)
    {
        bool avx = vectors && Avx2.IsSupported, sse = vectors && Sse41.IsSupported;
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
                for (; ox + 8 <= outWidth; ox += 8)
                {
                    var (a, b) = Split(upperRow + 2 * ox);
                    var (c, d) = Split(lowerRow + 2 * ox);
                    var right = Vector256.GreaterThan(b, a);
                    var lowerRight = Vector256.GreaterThan(d, c);
                    var upper = Vector256.ConditionalSelect(right, b, a);
                    var lower = Vector256.ConditionalSelect(lowerRight, d, c);
                    var below = Vector256.GreaterThan(lower, upper);
                    Vector256.ConditionalSelect(below, lower, upper).Store(y + ox);
                    if (at == null) continue;
                    // A true mask is -1: subtracting it steps one column right.
                    var first = Vector256.Create(rowBase + 2 * ox) + steps;
                    var upperAt = first - right.AsInt32();
                    var lowerAt = first + Vector256.Create(width) - lowerRight.AsInt32();
                    Vector256.ConditionalSelect(below.AsInt32(), lowerAt, upperAt).Store(at + ox);
                }
            }
            if (sse)
            {
                for (; ox + 4 <= outWidth; ox += 4)
                {
                    var (a, b) = Split(upperRow + 2 * ox, 0);
                    var (c, d) = Split(lowerRow + 2 * ox, 0);
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
                bool right = b > a, lowerRight = d > c;
                float upper = right ? b : a, lower = lowerRight ? d : c;
                bool below = lower > upper;
                y[ox] = below ? lower : upper;
                if (at != null) at[ox] = rowBase + (below ? width + (lowerRight ? column + 1 : column) : (right ? column + 1 : column));
            }
        }
    }

    /// <summary>Sixteen consecutive values split into the eight at even and the eight at odd offsets, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (Vector256<float> Even, Vector256<float> Odd) Split(float* values)
    {
        var low = Avx.LoadVector256(values);
        var high = Avx.LoadVector256(values + 8);
        // Shuffle works within 128-bit lanes ([l0 l2 h0 h2 | l4 l6 h4 h6]); the 64-bit permute puts the halves in order.
        var even = Avx2.Permute4x64(Avx.Shuffle(low, high, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
        var odd = Avx2.Permute4x64(Avx.Shuffle(low, high, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle();
        return (even, odd);
    }

    /// <summary>Eight consecutive values split into the four at even and the four at odd offsets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (Vector128<float> Even, Vector128<float> Odd) Split(float* values, int _)
    {
        var low = Sse.LoadVector128(values);
        var high = Sse.LoadVector128(values + 4);
        return (Sse.Shuffle(low, high, 0b10_00_10_00), Sse.Shuffle(low, high, 0b11_01_11_01));
    }
}
