namespace NNTrainer.Tensors;

/// <summary>
/// The GEMM behind <see cref="Gemm"/> and the layers, over raw row-major buffers, in the three forms backprop
/// needs: <c>X·W</c>, <c>Xᵀ·dY</c> and <c>dY·Wᵀ</c>. The first two read their operands in place (a transposed
/// left operand is read through strides); the third packs <c>Wᵀ</c> once per call.
/// </summary>
/// <remarks>
/// Results are bit-identical for any <c>numberOfThreads</c> and any <see cref="GemmIsa"/>: see <see cref="GemmProblem"/>.
/// </remarks>
internal static unsafe class GemmKernels
{
    /// <summary>Below this many floating-point operations a product runs on the calling thread: handing it off costs more than it saves.</summary>
    internal const long ParallelThreshold = 1L << 20;

    /// <summary>Parts a multi-threaded product is split into, per thread.</summary>
    private const int PartsPerThread = 4;

    /// <summary>C[m×n] (+)= A[m×k] · B[k×n] (+ bias[n] on every row), then ReLU when <paramref name="relu"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyNN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate, int numberOfThreads,
        ReadOnlySpan<float> bias = default, GemmIsa isa = GemmIsa.Auto, bool relu = false)
    {
        CheckOperands(a.Length, b.Length, c.Length, m, k, n);
        if (!bias.IsEmpty) Check(bias.Length, n, nameof(bias));
        if (m == 0 || n == 0) return;
        isa = isa.Resolve();
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            // One row (a single sample scored): a pass with many independent chains rather than a one-row tile.
            if (m == 1 && !accumulate && k > 0 && GemvKernel.Handles(isa, n) && (numberOfThreads <= 1 || 2L * k * n < ParallelThreshold))
            {
                GemvKernel.Multiply(pa, pb, k, n, pc, new TileEpilogue { Bias = pbias, ReLU = relu }, isa);
                return;
            }
            var problem = new GemmProblem
            {
                A = pa, ARowStride = k, AColumnStride = 1,
                B = pb, Ldb = n,
                C = pc, Ldc = n,
                Epilogue = { Bias = pbias, ReLU = relu },
                M = m, N = n, K = k,
                Accumulate = accumulate,
            };
            if (isa != GemmIsa.Scalar && n <= NarrowOutput && m >= 2 * isa.VectorWidth() && k > 0) MultiplyNNTransposed(in problem, numberOfThreads, isa);
            else Run(ref problem, numberOfThreads, isa);
        }
    }

    /// <summary>
    /// Up to this many output columns, <c>X·W</c> runs transposed (<see cref="MultiplyNNTransposed"/>): one vector per
    /// row and inner step would leave most lanes idle, and below about six columns transposing X costs less than that.
    /// </summary>
    internal const int NarrowOutput = 6;

    /// <summary>
    /// X·W with a handful of output columns: transposes X, computes Cᵀ[n×m] = Wᵀ·Xᵀ with vectors along the batch, and
    /// transposes back, adding the bias. Each value is the same fused multiply-add chain, so the result is bit-identical.
    /// </summary>
    private static void MultiplyNNTransposed(in GemmProblem problem, int numberOfThreads, GemmIsa isa)
    {
        int m = problem.M, n = problem.N;
        var scratch = Scratch.Current;
        float* packed = GemmPacking.TransposeIntoScratch(scratch, problem.A, m, problem.K, isa, out int ld);
        float* transposed = scratch.Transposed((long)n * m);
        if (problem.Accumulate) GemmPacking.Transpose(problem.C, m, n, transposed, m);
        var product = problem.Transposed(transposed, packed, ld, padded: true);
        Run(ref product, numberOfThreads, isa);
        for (int j = 0; j < n; j++)
        {
            float* row = transposed + (nint)j * m;
            for (int i = 0; i < m; i++) problem.C[(nint)i * n + j] = GemmScalar.Finish(row[i], in problem.Epilogue, i, j);
        }
    }

    /// <summary>
    /// C[m×n] (+)= A[k×m]ᵀ · B[k×n]; with <paramref name="bColumnSums"/>, also the sums of B's columns over its k rows
    /// (a layer's bias gradient, beside its weight gradient), in the order and with the result of <see cref="Kernels.SumColumns"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyTN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate, int numberOfThreads,
        GemmIsa isa = GemmIsa.Auto, Span<float> bColumnSums = default)
    {
        CheckOperands(a.Length, b.Length, c.Length, m, k, n);
        if (!bColumnSums.IsEmpty) Check(bColumnSums.Length, n, nameof(bColumnSums));
        if (n == 0) return;
        if (m == 0)
        {
            if (!bColumnSums.IsEmpty) Kernels.SumColumns(b, k, bColumnSums.Slice(0, n));
            return;
        }
        isa = isa.Resolve();
        int width = isa.VectorWidth();
        fixed (float* pa = a, pb = b, pc = c, psums = bColumnSums)
        {
            var problem = new GemmProblem
            {
                A = pa, ARowStride = 1, AColumnStride = m,
                B = pb, Ldb = n,
                C = pc, Ldc = n,
                M = m, N = n, K = k,
                Accumulate = accumulate,
                Sums = psums, SumsKind = psums != null ? TileSums.ColumnsOfB : TileSums.None,
            };
            if (isa != GemmIsa.Scalar && n < width && m >= 2 * width && k > 0) MultiplyTNTransposed(in problem, numberOfThreads, isa);
            else Run(ref problem, numberOfThreads, isa);
        }
    }

    /// <summary>
    /// Aᵀ·B with fewer output columns than a vector holds (the weight gradient of a small output layer): computes
    /// Cᵀ[n×m] = Bᵀ·A instead, whose rows are vectors along the wide dimension m, then transposes it into C. Each
    /// value is the same fused multiply-add chain over the inner dimension, so the result is bit-identical.
    /// </summary>
    private static void MultiplyTNTransposed(in GemmProblem problem, int numberOfThreads, GemmIsa isa)
    {
        int m = problem.M, n = problem.N;
        float* transposed = Scratch.Current.Packed((long)n * m);
        if (problem.Accumulate) GemmPacking.Transpose(problem.C, m, n, transposed, m);
        // A is stored k×m, its columns already rows: the transposed product reads it in place.
        var product = problem.Transposed(transposed, problem.A, m, padded: false);
        Run(ref product, numberOfThreads, isa);
        GemmPacking.Transpose(transposed, n, m, problem.C, n);
    }

    /// <summary>
    /// C[m×n] (+)= A[m×k] · B[n×k]ᵀ; with <paramref name="reluMask"/> ([m×n], a ReLU's output), C is then kept only where
    /// the mask is positive: the input gradient of a dense layer and the backward pass of the ReLU before it, in one pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyNT(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate, int numberOfThreads,
        GemmIsa isa = GemmIsa.Auto, ReadOnlySpan<float> reluMask = default)
    {
        CheckOperands(a.Length, b.Length, c.Length, m, k, n);
        if (!reluMask.IsEmpty) Check(reluMask.Length, (long)m * n, nameof(reluMask));
        if (m == 0 || n == 0) return;
        isa = isa.Resolve();
        int width = isa.VectorWidth();
        int ld = (n + width - 1) / width * width;
        fixed (float* pa = a, pb = b, pc = c, pmask = reluMask)
        {
            if (isa != GemmIsa.Scalar && !accumulate && pmask == null && numberOfThreads <= 1 && (long)n * k >= LargeTransposedOperand && k > 0)
            {
                MultiplyNTByRowsOfB(pa, pb, pc, m, k, n, isa);
                return;
            }
            float* packed = Scratch.Current.Packed((long)k * ld);
            int packParts = PackJob.Parts(n, numberOfThreads);
            if (numberOfThreads > 1 && packParts > 1 && 2L * m * n * k >= ParallelThreshold)
            {
                // The transposition is a copy: spread it rather than leave the other threads waiting for it.
                var pack = PackJob.Current;
                pack.Set(pb, n, k, packed, ld);
                WorkerPool.Shared.Run(pack, packParts, numberOfThreads);
            }
            else
            {
                GemmPacking.Transpose(pb, n, k, packed, ld);
            }
            var problem = new GemmProblem
            {
                A = pa, ARowStride = k, AColumnStride = 1,
                B = packed, Ldb = ld, BPadded = true,
                C = pc, Ldc = n,
                Epilogue = { Mask = pmask, Ldm = n },
                M = m, N = n, K = k,
                Accumulate = accumulate,
            };
            Run(ref problem, numberOfThreads, isa);
        }
    }

    /// <summary>
    /// From this many values of B on (4 MB: a dense layer such as LeNet's 2450 → 500), <see cref="MultiplyNT"/> on one thread
    /// computes Cᵀ = B·Aᵀ rather than transposing B: A (the batch's dY) is small, B is read once in place.
    /// </summary>
    internal const long LargeTransposedOperand = 1L << 20;

    /// <summary>Rows of B (rows of Cᵀ) a block of <see cref="MultiplyNTByRowsOfB"/>: 256 rows × an inner block of up to 256 is 256 KB, kept in the second-level cache across the strips of Aᵀ.</summary>
    private const int RowsOfBBlock = 256;

    /// <summary>
    /// C[m×n] = A[m×k] · B[n×k]ᵀ for a large B, as Cᵀ[n×m] = B·Aᵀ in blocks of B's rows, each block's Cᵀ transposed into C
    /// while it is in cache: B is read once where it lies instead of being transposed (a copy of it written and read back)
    /// every call. Each value is the same chain of fused multiply-adds over the same inner blocks, so C is bit-identical to
    /// the transposing path's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyNTByRowsOfB(float* a, float* b, float* c, int m, int k, int n, GemmIsa isa)
    {
        var scratch = Scratch.Current;
        float* aT = GemmPacking.TransposeIntoScratch(scratch, a, m, k, isa, out int ld);
        float* cT = scratch.Transposed((long)n * m);
        var problem = new GemmProblem
        {
            A = b, ARowStride = k, AColumnStride = 1,
            B = aT, Ldb = ld, BPadded = true,
            C = cT, Ldc = m,
            M = n, N = m, K = k,
        };
        int tileRows = isa.TileRows();
        int rowBlocks = (n + tileRows - 1) / tileRows;
        int strips = (m + isa.TileColumns() - 1) / isa.TileColumns();
        int blockRows = RowsOfBBlock / tileRows * tileRows;
        for (int first = 0; first < rowBlocks; first += blockRows / tileRows)
        {
            int last = Math.Min(rowBlocks, first + blockRows / tileRows);
            GemmBlocking.Compute(in problem, isa, first, last, 0, strips);
            GemmPacking.TransposeRows(cT, n, m, c, n, first * tileRows, Math.Min(n, last * tileRows));
        }
    }

    /// <summary>Computes a product described directly (strides, epilogue, sums); <paramref name="isa"/> must be resolved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run(ref GemmProblem problem, int numberOfThreads, GemmIsa isa)
    {
        if (problem.K == 0)
        {
            FillWithoutInnerDimension(in problem);
            return;
        }
        int rowBlocks = (problem.M + isa.TileRows() - 1) / isa.TileRows();
        int strips = (problem.N + isa.TileColumns() - 1) / isa.TileColumns();
        long flops = 2L * problem.M * problem.N * problem.K;
        if (flops < ParallelThreshold || numberOfThreads <= 1)
        {
            GemmBlocking.Compute(in problem, isa, 0, rowBlocks, 0, strips);
            return;
        }
        // Row blocks as parts, a few per thread, so each thread writes a contiguous range of C: two threads writing
        // neighbouring values of one cache line (as column strips of unaligned rows would) make it bounce between
        // cores. Column strips only when there are too few row blocks. Tiles are computed independently, so the split
        // never changes a result.
        bool byStrips = rowBlocks < numberOfThreads;
        int parts = byStrips ? Math.Min(strips, numberOfThreads * PartsPerThread) : Math.Min(rowBlocks, numberOfThreads * PartsPerThread);
        var job = GemmJob.Current;
        job.Set(in problem, isa, rowBlocks, strips, byStrips);
        WorkerPool.Shared.Run(job, parts, numberOfThreads);
    }

    private static void FillWithoutInnerDimension(in GemmProblem problem)
    {
        for (int i = 0; i < problem.M; i++)
        {
            float* row = problem.C + i * problem.Ldc;
            for (int j = 0; j < problem.N; j++) row[j] = GemmScalar.Finish(problem.Accumulate ? row[j] : 0f, in problem.Epilogue, i, j);
        }
        int sums = problem.SumsKind == TileSums.ColumnsOfB ? problem.N : problem.SumsKind == TileSums.RowsOfA ? problem.M : 0;
        new Span<float>(problem.Sums, sums).Clear();
    }

    /// <summary>A holds m·k values, B k·n and C m·n, in whichever form (NN, TN, NT) the product reads them.</summary>
    private static void CheckOperands(int a, int b, int c, int m, int k, int n)
    {
        Check(a, (long)m * k, nameof(a));
        Check(b, (long)k * n, nameof(b));
        Check(c, (long)m * n, nameof(c));
    }

    private static void Check(int length, long needed, string name)
    {
        if (length < needed) throw new ArgumentException($"The buffer holds {length} values; the product needs {needed}.", name);
    }
}
