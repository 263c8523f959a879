namespace NNTrainer.Tensors;

/// <summary>
/// One product <c>C[m×n] (+)= A·B</c>, then an epilogue, over raw row-major buffers, with A read through strides so
/// that a transposed operand needs no copy: <c>A(i, p) = A[i·ARowStride + p·AColumnStride]</c>,
/// <c>B(p, j) = B[p·Ldb + j]</c>, <c>C(i, j) = C[i·Ldc + j]</c>.
/// </summary>
/// <remarks>
/// Every output is computed as <c>acc = C or 0; acc = fma(A(i,p), B(p,j), acc) for p = 0..K−1; C = epilogue(acc)</c>,
/// whatever the instruction set, blocking or thread count, which is what makes all of them bit-identical. The running
/// sums (<see cref="Sums"/>) are likewise one ordered chain per value, kept by exactly one tile.
/// </remarks>
internal unsafe struct GemmProblem
{
    public float* A;
    public nint ARowStride;
    public nint AColumnStride;
    public float* B;
    public nint Ldb;
    public float* C;
    public nint Ldc;
    public int M;
    public int N;
    public int K;
    public bool Accumulate;

    /// <summary>B's rows hold zeros up to a whole number of vectors past column N (a packed operand), so edge strips need no padding copy.</summary>
    public bool BPadded;

    /// <summary>Bias, ReLU and mask, with pointers to the values of row 0 / column 0 (see <see cref="TileEpilogue"/>).</summary>
    public TileEpilogue Epilogue;

    /// <summary>
    /// Destination of <c>Σ_p B(p, j)</c> for every column j (<see cref="TileSums.ColumnsOfB"/>, kept by the tiles of the
    /// first row block) or of <c>Σ_p A(i, p)</c> for every row i (<see cref="TileSums.RowsOfA"/>, kept by the tiles of the
    /// first column strip), each summed from 0 in order of p: the same chain as <see cref="Kernels.SumColumns"/>.
    /// </summary>
    public float* Sums;

    public TileSums SumsKind;
}
