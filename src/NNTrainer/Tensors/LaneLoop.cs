using System.Runtime.InteropServices;

namespace NNTrainer.Tensors;

/// <summary>
/// The element-wise loop every kernel of one or two input spans shares: whole AVX-512 vectors, then whole AVX2
/// vectors, then a scalar tail. The operation is a struct, so the JIT compiles one loop per operation with its lanes
/// inlined. An operation computes a lane the same way at every width, so a value's result does not depend on where it
/// sits in the span (nor on the machine's vector width). Each instantiation is compiled optimised at once (training's
/// first epochs do not run it unoptimised while it tiers up), and on its own, as each hand-written loop was: inlined
/// into a caller such as a softmax step, the three loops of <see cref="ExpKernel"/> cost that caller's compilation more
/// than the call costs.
/// </summary>
internal static class LaneLoop
{
    /// <summary><c>destination[i] = operation(source[i])</c>; the spans may be the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<T, TOperation>(ReadOnlySpan<T> source, Span<T> destination, TOperation operation)
        where T : unmanaged
        where TOperation : struct, IUnaryLaneOperation<T>
    {
        if (destination.Length < source.Length) throw new ArgumentException("The destination is too short.", nameof(destination));
        ref T x = ref MemoryMarshal.GetReference(source);
        ref T y = ref MemoryMarshal.GetReference(destination);
        int n = source.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count) operation.Apply(Vector512.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count) operation.Apply(Vector256.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref y, i) = operation.Apply(Unsafe.Add(ref x, i));
    }

    /// <summary><c>destination[i] = operation(first[i], second[i])</c>; the destination may be either input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<T, TOperation>(ReadOnlySpan<T> first, ReadOnlySpan<T> second, Span<T> destination, TOperation operation)
        where T : unmanaged
        where TOperation : struct, IBinaryLaneOperation<T>
    {
        if (second.Length < first.Length || destination.Length < first.Length) throw new ArgumentException("The spans differ in length.", nameof(second));
        ref T a = ref MemoryMarshal.GetReference(first);
        ref T b = ref MemoryMarshal.GetReference(second);
        ref T y = ref MemoryMarshal.GetReference(destination);
        int n = first.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                operation.Apply(Vector512.LoadUnsafe(ref a, (nuint)i), Vector512.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                operation.Apply(Vector256.LoadUnsafe(ref a, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref y, i) = operation.Apply(Unsafe.Add(ref a, i), Unsafe.Add(ref b, i));
    }
}

/// <summary>A function of one lane, at each width <see cref="LaneLoop"/> runs, computing a lane the same way at all three.</summary>
/// <typeparam name="T">The lane type.</typeparam>
internal interface IUnaryLaneOperation<T>
    where T : unmanaged
{
    /// <summary>The function of every lane of an AVX-512 vector.</summary>
    Vector512<T> Apply(Vector512<T> x);

    /// <summary>The function of every lane of an AVX2 vector.</summary>
    Vector256<T> Apply(Vector256<T> x);

    /// <summary>The function of one value.</summary>
    T Apply(T x);
}

/// <summary>A function of two lanes, at each width <see cref="LaneLoop"/> runs, computing a lane the same way at all three.</summary>
/// <typeparam name="T">The lane type.</typeparam>
internal interface IBinaryLaneOperation<T>
    where T : unmanaged
{
    /// <summary>The function of every pair of lanes of two AVX-512 vectors.</summary>
    Vector512<T> Apply(Vector512<T> a, Vector512<T> b);

    /// <summary>The function of every pair of lanes of two AVX2 vectors.</summary>
    Vector256<T> Apply(Vector256<T> a, Vector256<T> b);

    /// <summary>The function of one pair of values.</summary>
    T Apply(T a, T b);
}
