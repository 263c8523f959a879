namespace NNTrainer.Tensors;

/// <summary>
/// The operations on double lanes that <see cref="LogKernel"/> needs beyond <see cref="ILaneVector{TVector, TLane}"/>, for
/// one vector width: the double counterpart of <see cref="ITileVector{TVector}"/>. The implementations are structs with
/// static members, so the JIT compiles one kernel body per width with every call inlined.
/// </summary>
/// <typeparam name="TVector">The vector type: <see cref="Vector256{T}"/> or <see cref="Vector512{T}"/> of double.</typeparam>
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

/// <summary>AVX-512: 8 doubles a vector.</summary>
internal readonly struct DoubleVector512 : IDoubleVector<Vector512<double>>
{
    public static int Width => 8;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Load(ref double source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<double> value, ref double destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Broadcast(double value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> GreaterThan(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> GreaterThanOrEqual(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> LessThan(Vector512<double> a, Vector512<double> b) => Vector512.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Equals(Vector512<double> a, Vector512<double> b) => Vector512.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> And(Vector512<double> a, Vector512<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Select(Vector512<double> mask, Vector512<double> a, Vector512<double> b) => Vector512.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllSet(Vector512<double> mask) => Vector512.EqualsAll(mask.AsUInt64(), Vector512<ulong>.AllBitsSet);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Exponent(Vector512<double> value) => Vector512.ConvertToDouble(Vector512.ShiftRightLogical(value.AsUInt64(), 52).AsInt64() - Vector512.Create(1023L));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Significand(Vector512<double> value) =>
        ((value.AsUInt64() & Vector512.Create(DoubleBits.SignificandMask)) | Vector512.Create(DoubleBits.OneBits)).AsDouble();
}
