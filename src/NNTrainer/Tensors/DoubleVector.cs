namespace NNTrainer.Tensors;

/// <summary>
/// The operations on double lanes that <see cref="LogKernel"/> needs beyond <see cref="ILaneVector{TVector, TLane}"/>, for
/// one vector width: the double counterpart of <see cref="ITileVector{TVector}"/>. The implementation is a struct with
/// static members, so the JIT compiles the kernel body with every call inlined. There is one width, 256 bits: the
/// kernel takes a 512-bit vector as its two halves (a lane's result does not depend on the width).
/// </summary>
/// <typeparam name="TVector">The vector type: <see cref="Vector256{T}"/> of double.</typeparam>
internal interface IDoubleVector<TVector> : ILaneVector<TVector, double>
    where TVector : struct
{
    /// <summary>All bits set in the lanes where <c>a ≥ b</c>, none elsewhere.</summary>
    static abstract TVector GreaterThanOrEqual(TVector a, TVector b);

    /// <summary>True when every bit of <paramref name="mask"/> is set.</summary>
    static abstract bool AllSet(TVector mask);

    /// <summary>The unbiased binary exponent field of every lane, as a double (−1023 for zero and subnormals).</summary>
    static abstract TVector Exponent(TVector value);

    /// <summary>Every lane's significand with the exponent of 1: a value in [1, 2) for finite nonzero lanes.</summary>
    static abstract TVector Significand(TVector value);
}

/// <summary>The bit fields of an IEEE double that <see cref="IDoubleVector{TVector}.Significand"/> splits.</summary>
internal static class DoubleBits
{
    /// <summary>The 52 significand bits.</summary>
    public const ulong SignificandMask = 0x000F_FFFF_FFFF_FFFFUL;

    /// <summary>The bits of 1.0: a zero significand under the exponent of 1.</summary>
    public const ulong OneBits = 0x3FF0_0000_0000_0000UL;
}

/// <summary>AVX2: 4 doubles a vector.</summary>
internal readonly struct DoubleVector256 : IDoubleVector<Vector256<double>>
{
    public static int Width => 4;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Load(ref double source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<double> value, ref double destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Broadcast(double value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> GreaterThan(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> GreaterThanOrEqual(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> LessThan(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Equals(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> And(Vector256<double> a, Vector256<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Select(Vector256<double> mask, Vector256<double> a, Vector256<double> b) => Vector256.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllSet(Vector256<double> mask) => Vector256.EqualsAll(mask.AsUInt64(), Vector256<ulong>.AllBitsSet);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Exponent(Vector256<double> value) => Vector256.ConvertToDouble(Vector256.ShiftRightLogical(value.AsUInt64(), 52).AsInt64() - Vector256.Create(1023L));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Significand(Vector256<double> value) =>
        ((value.AsUInt64() & Vector256.Create(DoubleBits.SignificandMask)) | Vector256.Create(DoubleBits.OneBits)).AsDouble();
}
