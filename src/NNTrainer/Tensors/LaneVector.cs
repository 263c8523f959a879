namespace NNTrainer.Tensors;

/// <summary>
/// The lane operations every vector-kernel interface shares, float (<see cref="ITileVector{TVector}"/>) or double
/// (<see cref="IDoubleVector{TVector}"/>): loads, stores, broadcasts, the arithmetic, and the comparisons whose masks
/// <see cref="Select"/> takes.
/// </summary>
/// <typeparam name="TVector">The vector type: <see cref="Vector256{T}"/> or <see cref="Vector512{T}"/> of <typeparamref name="TLane"/>.</typeparam>
/// <typeparam name="TLane">The lane type.</typeparam>
internal interface ILaneVector<TVector, TLane>
    where TVector : struct
    where TLane : unmanaged
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Width { get; }

    /// <summary>The vector at <paramref name="offset"/> lanes past <paramref name="source"/>.</summary>
    static abstract TVector Load(ref TLane source, nuint offset);

    /// <summary>Writes <paramref name="value"/> at <paramref name="offset"/> lanes past <paramref name="destination"/>.</summary>
    static abstract void Store(TVector value, ref TLane destination, nuint offset);

    /// <summary><paramref name="value"/> in every lane.</summary>
    static abstract TVector Broadcast(TLane value);

    /// <summary><c>a + b</c> per lane.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary><c>a − b</c> per lane.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary><c>a · b</c> per lane.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary><c>a / b</c> per lane.</summary>
    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>All bits set in the lanes where <c>a &lt; b</c>, none elsewhere.</summary>
    static abstract TVector LessThan(TVector a, TVector b);

    /// <summary>All bits set in the lanes where <c>a &gt; b</c>, none elsewhere.</summary>
    static abstract TVector GreaterThan(TVector a, TVector b);

    /// <summary>All bits set in the lanes where <c>a = b</c>, none elsewhere.</summary>
    static abstract TVector Equals(TVector a, TVector b);

    /// <summary><c>a &amp; b</c> bit by bit.</summary>
    static abstract TVector And(TVector a, TVector b);

    /// <summary><c>mask ? a : b</c> bit by bit.</summary>
    static abstract TVector Select(TVector mask, TVector a, TVector b);
}
