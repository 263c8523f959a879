using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NNTrainer.Tensors;

/// <summary>
/// Natural logarithm of doubles, vectorised: fdlibm's <c>__ieee754_log</c> reduction and polynomial (error under one
/// unit in the last place), for the cross-entropy of a whole batch at once instead of one <see cref="Math.Log(double)"/>
/// call per sample. Vector and scalar lanes run the same operations. Meant for positive normal inputs (clipped
/// probabilities); zero, negatives and NaN give NaN.
/// </summary>
internal static class LogKernel
{
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;
    private const double Sqrt2 = 1.41421356237309504880;
    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong OneBits = 0x3FF0_0000_0000_0000UL;
    private const double MinNormal = 2.2250738585072014e-308;

    /// <summary><c>values[i] = ln(values[i])</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Log(Span<double> values)
    {
        ref double v = ref MemoryMarshal.GetReference(values);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                Log(Vector512.LoadUnsafe(ref v, (nuint)i)).StoreUnsafe(ref v, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Log(Vector256.LoadUnsafe(ref v, (nuint)i)).StoreUnsafe(ref v, (nuint)i);
            }
        }
        for (; i < values.Length; i++) Unsafe.Add(ref v, i) = Log(Unsafe.Add(ref v, i));
    }

    /// <summary>ln(x) of one value, by the same steps as the vector lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsSubnormal(x) || double.IsPositiveInfinity(x)) return double.IsPositiveInfinity(x) ? x : double.NaN;
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        double e = (long)(bits >> 52) - 1023;
        double m = BitConverter.UInt64BitsToDouble((bits & MantissaMask) | OneBits);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e += 1;
        }
        double f = m - 1;
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (Lg1 + z * (Lg2 + z * (Lg3 + z * (Lg4 + z * (Lg5 + z * (Lg6 + z * Lg7))))));
        double hfsq = 0.5 * f * f;
        return e * Ln2High - ((hfsq - (s * (hfsq + r) + e * Ln2Low)) - f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Log(Vector512<double> x)
    {
        var bits = x.AsUInt64();
        var e = Vector512.ConvertToDouble(Vector512.ShiftRightLogical(bits, 52).AsInt64() - Vector512.Create(1023L));
        var m = ((bits & Vector512.Create(MantissaMask)) | Vector512.Create(OneBits)).AsDouble();
        var big = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(big, m * 0.5, m);
        e = Vector512.ConditionalSelect(big, e + Vector512<double>.One, e);
        var f = m - Vector512<double>.One;
        var s = f / (Vector512.Create(2.0) + f);
        var z = s * s;
        var r = z * (Vector512.Create(Lg1) + z * (Vector512.Create(Lg2) + z * (Vector512.Create(Lg3) + z * (Vector512.Create(Lg4)
            + z * (Vector512.Create(Lg5) + z * (Vector512.Create(Lg6) + z * Vector512.Create(Lg7)))))));
        var hfsq = Vector512.Create(0.5) * f * f;
        var result = e * Ln2High - ((hfsq - (s * (hfsq + r) + e * Ln2Low)) - f);
        var valid = Vector512.GreaterThanOrEqual(x, Vector512.Create(MinNormal)) & Vector512.LessThan(x, Vector512.Create(double.PositiveInfinity));
        if (Vector512.EqualsAll(valid.AsUInt64(), Vector512<ulong>.AllBitsSet)) return result;
        var infinite = Vector512.Equals(x, Vector512.Create(double.PositiveInfinity));
        return Vector512.ConditionalSelect(valid, result, Vector512.ConditionalSelect(infinite, x, Vector512.Create(double.NaN)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsUInt64();
        var e = Vector256.ConvertToDouble(Vector256.ShiftRightLogical(bits, 52).AsInt64() - Vector256.Create(1023L));
        var m = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble();
        var big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(big, m * 0.5, m);
        e = Vector256.ConditionalSelect(big, e + Vector256<double>.One, e);
        var f = m - Vector256<double>.One;
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var r = z * (Vector256.Create(Lg1) + z * (Vector256.Create(Lg2) + z * (Vector256.Create(Lg3) + z * (Vector256.Create(Lg4)
            + z * (Vector256.Create(Lg5) + z * (Vector256.Create(Lg6) + z * Vector256.Create(Lg7)))))));
        var hfsq = Vector256.Create(0.5) * f * f;
        var result = e * Ln2High - ((hfsq - (s * (hfsq + r) + e * Ln2Low)) - f);
        var valid = Vector256.GreaterThanOrEqual(x, Vector256.Create(MinNormal)) & Vector256.LessThan(x, Vector256.Create(double.PositiveInfinity));
        if (Vector256.EqualsAll(valid.AsUInt64(), Vector256<ulong>.AllBitsSet)) return result;
        var infinite = Vector256.Equals(x, Vector256.Create(double.PositiveInfinity));
        return Vector256.ConditionalSelect(valid, result, Vector256.ConditionalSelect(infinite, x, Vector256.Create(double.NaN)));
    }
}
