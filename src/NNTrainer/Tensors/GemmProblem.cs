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

    /// <summary>
    /// The same product as its transpose, <c>Cᵀ[N×M] = Bᵀ·Aᵀ</c>, for a C too narrow to fill a vector: the transposed
    /// problem's rows run along M. B becomes the left operand, read in place through strides; <paramref name="aTransposed"/>
    /// holds A's columns as rows (A itself when it is stored that way, or a packed copy). The epilogue is left out: the
    /// caller applies it while transposing back. Each value keeps its fused multiply-add chain over K, so the result is
    /// bit-identical.
    /// </summary>
    /// <param name="transposedC">Destination of Cᵀ, N rows of M values (holding Cᵀ already when the product accumulates).</param>
    /// <param name="aTransposed">Aᵀ, K rows of M values.</param>
    /// <param name="ldaTransposed">Distance between rows of <paramref name="aTransposed"/>.</param>
    /// <param name="padded">Whether <paramref name="aTransposed"/>'s rows are zero-padded to whole vectors (see <see cref="BPadded"/>).</param>
    public readonly GemmProblem Transposed(float* transposedC, float* aTransposed, nint ldaTransposed, bool padded) => new()
    {
        A = B, ARowStride = 1, AColumnStride = Ldb,
        B = aTransposed, Ldb = ldaTransposed, BPadded = padded,
        C = transposedC, Ldc = M,
        M = N, N = M, K = K,
        Accumulate = Accumulate,
        // B's columns are the transposed problem's rows of A, and A's rows its columns of B.
        Sums = Sums, SumsKind = SumsKind switch { TileSums.ColumnsOfB => TileSums.RowsOfA, TileSums.RowsOfA => TileSums.ColumnsOfB, _ => TileSums.None },
    };
}
