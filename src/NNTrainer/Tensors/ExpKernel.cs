using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NNTrainer.Tensors;

/// <summary>
/// <c>e^x</c> for float32 by Cody–Waite range reduction and Cephes' <c>expf</c> polynomial (relative error about
/// 1e−7). Vector and scalar lanes run the same fused operations, so a value's result does not depend on where it
/// sits in the span; and being plain code in this assembly, it is compiled optimised at once (the training loop's
/// first epochs do not wait for a generic library routine to tier up).
/// </summary>
internal static class ExpKernel
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;
    private const float P0 = 1.9875691500e-4f;
    private const float P1 = 1.3981999507e-3f;
    private const float P2 = 8.3334519073e-3f;
    private const float P3 = 4.1665795894e-2f;
    private const float P4 = 1.6666665459e-1f;
    private const float P5 = 5.0000001201e-1f;

    /// <summary>Below this, e^x is under half of float's smallest subnormal value and the result is 0.</summary>
    private const float Lowest = -104f;

    /// <summary>Above this, e^x overflows to +∞; clamping keeps the exponent n ≤ 128.</summary>
    private const float Highest = 88.8f;

    /// <summary><c>destination[i] = e^source[i]</c>; the spans may be the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Exp(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (destination.Length < source.Length) throw new ArgumentException("The destination is too short.", nameof(destination));
        ref float x = ref MemoryMarshal.GetReference(source);
        ref float y = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Exp(Vector512.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Exp(Vector256.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
        }
        for (; i < source.Length; i++) Unsafe.Add(ref y, i) = Exp(Unsafe.Add(ref x, i));
    }

    /// <summary>e^x of one value, by the same steps as the vector lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x)
    {
        if (x < Lowest) return 0f;
        if (x > Highest) x = Highest;
        float n = MathF.Round(x * Log2E);
        float r = MathF.FusedMultiplyAdd(n, -Ln2High, x);
        r = MathF.FusedMultiplyAdd(n, -Ln2Low, r);
        float p = MathF.FusedMultiplyAdd(P0, r, P1);
        p = MathF.FusedMultiplyAdd(p, r, P2);
        p = MathF.FusedMultiplyAdd(p, r, P3);
        p = MathF.FusedMultiplyAdd(p, r, P4);
        p = MathF.FusedMultiplyAdd(p, r, P5);
        p = MathF.FusedMultiplyAdd(p, r * r, r) + 1f;
        // 2^n as two normal factors (n runs from −150 to 128), so the only rounding is the final, correct one, also
        // into the subnormal range. NaN falls through every comparison above and stays NaN, whatever the bits hold.
        int half = (int)n >> 1;
        return p * BitConverter.Int32BitsToSingle((half + 127) << 23) * BitConverter.Int32BitsToSingle(((int)n - half + 127) << 23);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Exp(Vector512<float> x)
    {
        var tooSmall = Vector512.LessThan(x, Vector512.Create(Lowest));
        x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(Highest)), Vector512.Create(Highest), x);
        var n = Vector512.Round(x * Vector512.Create(Log2E));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2High), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Low), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(P0), r, Vector512.Create(P1));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P5));
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var exponent = Vector512.ConvertToInt32(n);
        var half = Vector512.ShiftRightArithmetic(exponent, 1);
        var bias = Vector512.Create(127);
        var scale1 = Vector512.ShiftLeft(half + bias, 23).AsSingle();
        var scale2 = Vector512.ShiftLeft(exponent - half + bias, 23).AsSingle();
        return Vector512.ConditionalSelect(tooSmall, Vector512<float>.Zero, p * scale1 * scale2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Exp(Vector256<float> x)
    {
        var tooSmall = Vector256.LessThan(x, Vector256.Create(Lowest));
        x = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(Highest)), Vector256.Create(Highest), x);
        var n = Vector256.Round(x * Vector256.Create(Log2E));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2High), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Low), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(P0), r, Vector256.Create(P1));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P2));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(P5));
        p = Vector256.FusedMultiplyAdd(p, r * r, r) + Vector256<float>.One;
        var exponent = Vector256.ConvertToInt32(n);
        var half = Vector256.ShiftRightArithmetic(exponent, 1);
        var bias = Vector256.Create(127);
        var scale1 = Vector256.ShiftLeft(half + bias, 23).AsSingle();
        var scale2 = Vector256.ShiftLeft(exponent - half + bias, 23).AsSingle();
        return Vector256.ConditionalSelect(tooSmall, Vector256<float>.Zero, p * scale1 * scale2);
    }
}
