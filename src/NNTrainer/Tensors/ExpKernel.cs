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
    public static void Exp(ReadOnlySpan<float> source, Span<float> destination) => LaneLoop.Apply(source, destination, default(Lanes));

    private readonly struct Lanes : IUnaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> x) => Exp<Vector512<float>, TileVector512>(x);

        public Vector256<float> Apply(Vector256<float> x) => Exp<Vector256<float>, TileVector256>(x);

        public float Apply(float x) => Exp(x);
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

    /// <summary>e^x of every lane, by the same steps as <see cref="Exp(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector Exp<TVector, TIsa>(TVector x)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
    {
        var tooSmall = TIsa.LessThan(x, TIsa.Broadcast(Lowest));
        x = TIsa.Select(TIsa.GreaterThan(x, TIsa.Broadcast(Highest)), TIsa.Broadcast(Highest), x);
        var n = TIsa.Round(TIsa.Multiply(x, TIsa.Broadcast(Log2E)));
        var r = TIsa.MultiplyAdd(n, TIsa.Broadcast(-Ln2High), x);
        r = TIsa.MultiplyAdd(n, TIsa.Broadcast(-Ln2Low), r);
        var p = TIsa.MultiplyAdd(TIsa.Broadcast(P0), r, TIsa.Broadcast(P1));
        p = TIsa.MultiplyAdd(p, r, TIsa.Broadcast(P2));
        p = TIsa.MultiplyAdd(p, r, TIsa.Broadcast(P3));
        p = TIsa.MultiplyAdd(p, r, TIsa.Broadcast(P4));
        p = TIsa.MultiplyAdd(p, r, TIsa.Broadcast(P5));
        p = TIsa.Add(TIsa.MultiplyAdd(p, TIsa.Multiply(r, r), r), TIsa.Broadcast(1f));
        return TIsa.Select(tooSmall, TIsa.Broadcast(0f), TIsa.ScaleByPowerOfTwo(p, n));
    }
}
