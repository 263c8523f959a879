using System.Numerics;

namespace NNTrainer.Tensors;

/// <summary>
/// The float-lane operations the register-tile kernel <see cref="GemmTile"/>, <see cref="ExpKernel"/> and
/// <see cref="TransposedSoftmaxCrossEntropyKernel"/> need beyond <see cref="ILaneVector{TVector, TLane}"/>, for one
/// vector width. The implementations are structs with static members, so the JIT compiles one kernel body per width
/// with every call inlined: no virtual or interface call stays in the inner loop.
/// </summary>
/// <remarks>
/// Class indices travel in the same vector type as int32 bit patterns (<see cref="TruncateToInt32"/>,
/// <see cref="BroadcastInt32"/>, <see cref="EqualsInt32"/>); <see cref="ILaneVector{TVector, TLane}.Select"/> and the
/// bitwise operations move them unchanged, so one vector type serves both kinds of lanes.
/// </remarks>
/// <typeparam name="TVector">The vector type: <see cref="Vector256{T}"/> or <see cref="Vector512{T}"/> of float.</typeparam>
internal unsafe interface ITileVector<TVector> : ILaneVector<TVector, float>
    where TVector : struct
{
    /// <summary>The most rows one tile holds: as many accumulator pairs as the register file keeps.</summary>
    static abstract int MaxRows { get; }

    /// <summary>The vector at <paramref name="source"/>.</summary>
    static abstract TVector Load(float* source);

    /// <summary>Writes <paramref name="value"/> at <paramref name="destination"/>.</summary>
    static abstract void Store(TVector value, float* destination);

    /// <summary><c>a · b + c</c>, rounded once.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>Lane 0 (the row sums are broadcasts, so every lane holds the same value).</summary>
    static abstract float First(TVector value);

    /// <summary>max(0, v): returns v when v is NaN or a zero of either sign, exactly "v &lt; 0 ? 0 : v".</summary>
    static abstract TVector ReLU(TVector value);

    /// <summary><c>mask &gt; 0 ? value : 0</c> per lane.</summary>
    static abstract TVector KeepWherePositive(TVector value, TVector mask);

    /// <summary>Rounds every lane to the nearest integer, ties to even.</summary>
    static abstract TVector Round(TVector value);

    /// <summary>
    /// <c>value · 2^(n − ⌊n/2⌋) · 2^⌊n/2⌋</c> per lane for integral <paramref name="n"/> in [−252, 254]: two normal
    /// factors, so that only the last multiplication rounds, also into the subnormal range.
    /// </summary>
    static abstract TVector ScaleByPowerOfTwo(TVector value, TVector n);

    /// <summary>All bits set in the lanes where <c>a ≤ b</c> (so not where either is NaN), none elsewhere.</summary>
    static abstract TVector LessThanOrEqual(TVector a, TVector b);

    /// <summary><c>a | b</c> bit by bit.</summary>
    static abstract TVector Or(TVector a, TVector b);

    /// <summary><c>a &amp; ~b</c> bit by bit.</summary>
    static abstract TVector AndNot(TVector a, TVector b);

    /// <summary>All bits set in the NaN lanes, none elsewhere.</summary>
    static abstract TVector IsNaN(TVector value);

    /// <summary>All bits set in the lanes whose sign bit is set (−0 and NaNs with the sign included), none elsewhere.</summary>
    static abstract TVector IsNegative(TVector value);

    /// <summary>Every lane truncated to int32, as its bit pattern.</summary>
    static abstract TVector TruncateToInt32(TVector value);

    /// <summary>The int32 <paramref name="value"/>'s bit pattern in every lane.</summary>
    static abstract TVector BroadcastInt32(int value);

    /// <summary>All bits set in the lanes where the int32 bit patterns of <paramref name="a"/> and <paramref name="b"/> are equal.</summary>
    static abstract TVector EqualsInt32(TVector a, TVector b);

    /// <summary>Every lane widened to double, written at <paramref name="offset"/> doubles past <paramref name="destination"/>.</summary>
    static abstract void StoreWidened(TVector value, ref double destination, nuint offset);

    /// <summary>How many lanes of <paramref name="mask"/> are set (by their top bit).</summary>
    static abstract int CountSet(TVector mask);
}

/// <summary>AVX2/FMA: 8 floats a vector; 6 rows × 2 vectors is 12 accumulators, so a tile fits AVX2's 16 registers.</summary>
internal readonly unsafe struct TileVector256 : ITileVector<Vector256<float>>
{
    public static int Width => 8;
    public static int MaxRows => 6;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(float* source) => Vector256.Load(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<float> value, float* destination) => value.Store(destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Broadcast(float value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float First(Vector256<float> value) => value.ToScalar();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> ReLU(Vector256<float> value) => Avx.Max(Vector256<float>.Zero, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> KeepWherePositive(Vector256<float> value, Vector256<float> mask) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(mask, Vector256<float>.Zero), value, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> LessThan(Vector256<float> a, Vector256<float> b) => Vector256.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> GreaterThan(Vector256<float> a, Vector256<float> b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Select(Vector256<float> mask, Vector256<float> a, Vector256<float> b) => Vector256.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Round(Vector256<float> value) => Vector256.Round(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ScaleByPowerOfTwo(Vector256<float> value, Vector256<float> n)
    {
        var exponent = Vector256.ConvertToInt32(n);
        var half = Vector256.ShiftRightArithmetic(exponent, 1);
        var bias = Vector256.Create(127);
        return value * Vector256.ShiftLeft(half + bias, 23).AsSingle() * Vector256.ShiftLeft(exponent - half + bias, 23).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Equals(Vector256<float> a, Vector256<float> b) => Vector256.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> LessThanOrEqual(Vector256<float> a, Vector256<float> b) => Vector256.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> And(Vector256<float> a, Vector256<float> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Or(Vector256<float> a, Vector256<float> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> AndNot(Vector256<float> a, Vector256<float> b) => Vector256.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> IsNaN(Vector256<float> value) => Vector256.OnesComplement(Vector256.Equals(value, value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> IsNegative(Vector256<float> value) => Vector256.LessThan(value.AsInt32(), Vector256<int>.Zero).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> TruncateToInt32(Vector256<float> value) => Vector256.ConvertToInt32(value).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> BroadcastInt32(int value) => Vector256.Create(value).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> EqualsInt32(Vector256<float> a, Vector256<float> b) => Vector256.Equals(a.AsInt32(), b.AsInt32()).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static int CountSet(Vector256<float> mask) => BitOperations.PopCount(mask.ExtractMostSignificantBits());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreWidened(Vector256<float> value, ref double destination, nuint offset)
    {
        var (low, high) = Vector256.Widen(value);
        low.StoreUnsafe(ref destination, offset);
        high.StoreUnsafe(ref destination, offset + (nuint)Vector256<double>.Count);
    }
}

/// <summary>AVX-512: 16 floats a vector; 8 rows × 2 vectors is 16 accumulators of AVX-512's 32 registers.</summary>
internal readonly unsafe struct TileVector512 : ITileVector<Vector512<float>>
{
    public static int Width => 16;
    public static int MaxRows => 8;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(float* source) => Vector512.Load(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<float> value, float* destination) => value.Store(destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Broadcast(float value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float First(Vector512<float> value) => value.ToScalar();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> ReLU(Vector512<float> value) => Avx512F.Max(Vector512<float>.Zero, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> KeepWherePositive(Vector512<float> value, Vector512<float> mask) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(mask, Vector512<float>.Zero), value, Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> LessThan(Vector512<float> a, Vector512<float> b) => Vector512.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> GreaterThan(Vector512<float> a, Vector512<float> b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Select(Vector512<float> mask, Vector512<float> a, Vector512<float> b) => Vector512.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Round(Vector512<float> value) => Vector512.Round(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ScaleByPowerOfTwo(Vector512<float> value, Vector512<float> n)
    {
        var exponent = Vector512.ConvertToInt32(n);
        var half = Vector512.ShiftRightArithmetic(exponent, 1);
        var bias = Vector512.Create(127);
        return value * Vector512.ShiftLeft(half + bias, 23).AsSingle() * Vector512.ShiftLeft(exponent - half + bias, 23).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Equals(Vector512<float> a, Vector512<float> b) => Vector512.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> LessThanOrEqual(Vector512<float> a, Vector512<float> b) => Vector512.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> And(Vector512<float> a, Vector512<float> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Or(Vector512<float> a, Vector512<float> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> AndNot(Vector512<float> a, Vector512<float> b) => Vector512.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> IsNaN(Vector512<float> value) => Vector512.OnesComplement(Vector512.Equals(value, value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> IsNegative(Vector512<float> value) => Vector512.LessThan(value.AsInt32(), Vector512<int>.Zero).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> TruncateToInt32(Vector512<float> value) => Vector512.ConvertToInt32(value).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> BroadcastInt32(int value) => Vector512.Create(value).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> EqualsInt32(Vector512<float> a, Vector512<float> b) => Vector512.Equals(a.AsInt32(), b.AsInt32()).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static int CountSet(Vector512<float> mask) => BitOperations.PopCount(mask.ExtractMostSignificantBits());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreWidened(Vector512<float> value, ref double destination, nuint offset)
    {
        var (low, high) = Vector512.Widen(value);
        low.StoreUnsafe(ref destination, offset);
        high.StoreUnsafe(ref destination, offset + (nuint)Vector512<double>.Count);
    }
}
