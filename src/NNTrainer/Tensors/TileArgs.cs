namespace NNTrainer.Tensors;

/// <summary>
/// One call of a register-tile kernel: a block of C (up to the tile's rows × vectors) computed over an inner-dimension
/// block of length <see cref="K"/>, as <c>acc = (LoadC ? C : 0); acc = fma(A(r, p), B(p, ·), acc) for p in order;
/// C = epilogue(acc)</c>.
/// </summary>
internal unsafe struct TileArgs
{
    public float* A;
    public nint RowStride;
    public nint ColumnStride;
    public float* B;
    public nint Ldb;
    public float* C;
    public nint Ldc;
    public int K;
    public bool LoadC;

    /// <summary>Applied on the last inner-dimension block only (the others leave partial sums in C).</summary>
    public TileEpilogue Epilogue;

    /// <summary>
    /// Running sums over p, in order, that the tile keeps beside its products: the tile's columns of B
    /// (<see cref="TileSums.ColumnsOfB"/>, a layer's bias gradient from <c>Xᵀ·dY</c>) or its rows of A
    /// (<see cref="TileSums.RowsOfA"/>, the same from the transposed form); null when <see cref="SumsKind"/> is none.
    /// </summary>
    public float* Sums;

    public TileSums SumsKind;

    /// <summary>Continue the sums from <see cref="Sums"/> (an inner-dimension block after the first) rather than from 0.</summary>
    public bool LoadSums;
}

/// <summary>Which running sums a tile keeps: see <see cref="TileArgs.Sums"/>.</summary>
internal enum TileSums
{
    None,
    ColumnsOfB,
    RowsOfA,
}
