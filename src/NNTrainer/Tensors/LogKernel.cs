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
    private const double MinNormal = 2.2250738585072014e-308;

    /// <summary><c>values[i] = ln(values[i])</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Log(Span<double> values) => LaneLoop.Apply(values, values, default(Lanes));

    private readonly struct Lanes : IUnaryLaneOperation<double>
    {
        public Vector512<double> Apply(Vector512<double> x) => Log<Vector512<double>, DoubleVector512>(x);

        public Vector256<double> Apply(Vector256<double> x) => Log<Vector256<double>, DoubleVector256>(x);

        public double Apply(double x) => Log(x);
    }

    /// <summary>ln(x) of one value, by the same steps as the vector lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsSubnormal(x) || double.IsPositiveInfinity(x)) return double.IsPositiveInfinity(x) ? x : double.NaN;
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        double e = (long)(bits >> 52) - 1023;
        double m = BitConverter.UInt64BitsToDouble((bits & DoubleBits.SignificandMask) | DoubleBits.OneBits);
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

    /// <summary>ln(x) of every lane, by the same steps as <see cref="Log(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Log<TVector, TIsa>(TVector x)
        where TVector : struct
        where TIsa : struct, IDoubleVector<TVector>
    {
        var one = TIsa.Broadcast(1.0);
        var e = TIsa.Exponent(x);
        var m = TIsa.Significand(x);
        var big = TIsa.GreaterThan(m, TIsa.Broadcast(Sqrt2));
        m = TIsa.Select(big, TIsa.Multiply(m, TIsa.Broadcast(0.5)), m);
        e = TIsa.Select(big, TIsa.Add(e, one), e);
        var f = TIsa.Subtract(m, one);
        var s = TIsa.Divide(f, TIsa.Add(TIsa.Broadcast(2.0), f));
        var z = TIsa.Multiply(s, s);
        var r = TIsa.Multiply(z, Polynomial<TVector, TIsa>(z));
        var hfsq = TIsa.Multiply(TIsa.Multiply(TIsa.Broadcast(0.5), f), f);
        // e·ln2_hi − ((hfsq − (s·(hfsq + r) + e·ln2_lo)) − f), as the scalar path groups it.
        var low = TIsa.Add(TIsa.Multiply(s, TIsa.Add(hfsq, r)), TIsa.Multiply(e, TIsa.Broadcast(Ln2Low)));
        var result = TIsa.Subtract(TIsa.Multiply(e, TIsa.Broadcast(Ln2High)), TIsa.Subtract(TIsa.Subtract(hfsq, low), f));
        var infinity = TIsa.Broadcast(double.PositiveInfinity);
        var valid = TIsa.And(TIsa.GreaterThanOrEqual(x, TIsa.Broadcast(MinNormal)), TIsa.LessThan(x, infinity));
        if (TIsa.AllSet(valid)) return result;
        return TIsa.Select(valid, result, TIsa.Select(TIsa.Equals(x, infinity), x, TIsa.Broadcast(double.NaN)));
    }

    /// <summary><c>Lg1 + z·(Lg2 + z·(… + z·Lg7))</c>, Horner's rule as the scalar path evaluates it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Polynomial<TVector, TIsa>(TVector z)
        where TVector : struct
        where TIsa : struct, IDoubleVector<TVector>
    {
        var p = TIsa.Add(TIsa.Broadcast(Lg6), TIsa.Multiply(z, TIsa.Broadcast(Lg7)));
        p = TIsa.Add(TIsa.Broadcast(Lg5), TIsa.Multiply(z, p));
        p = TIsa.Add(TIsa.Broadcast(Lg4), TIsa.Multiply(z, p));
        p = TIsa.Add(TIsa.Broadcast(Lg3), TIsa.Multiply(z, p));
        p = TIsa.Add(TIsa.Broadcast(Lg2), TIsa.Multiply(z, p));
        return TIsa.Add(TIsa.Broadcast(Lg1), TIsa.Multiply(z, p));
    }
}
