namespace NNTrainer.Tensors;

/// <summary>
/// The loops around the register-tile kernels: the inner dimension in blocks that keep a strip of B in the
/// first-level cache, then column strips of two vectors, then row blocks. Edge strips narrower than whole vectors
/// go through zero-padded copies, so the kernels never read or write past a buffer.
/// </summary>
internal static unsafe class GemmBlocking
{
    /// <summary>Largest inner-dimension block: 256 × 32 floats of B is 32 KB, one L1 data cache.</summary>
    internal const int KBlock = 256;

    /// <summary>Computes the tiles in row blocks [<paramref name="rowBlockStart"/>, <paramref name="rowBlockEnd"/>) × strips [<paramref name="stripStart"/>, <paramref name="stripEnd"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(in GemmProblem problem, GemmIsa isa, int rowBlockStart, int rowBlockEnd, int stripStart, int stripEnd)
    {
        int tileRows = isa.TileRows();
        int tileColumns = isa.TileColumns();
        if (isa == GemmIsa.Scalar)
        {
            GemmScalar.Compute(in problem,
                rowBlockStart * tileRows, Math.Min(rowBlockEnd * tileRows, problem.M),
                stripStart * tileColumns, Math.Min(stripEnd * tileColumns, problem.N));
            return;
        }
        int width = isa.VectorWidth();
        int k = problem.K;
        int kBlocks = (k + KBlock - 1) / KBlock;
        var args = default(TileArgs);
        for (int kb = 0; kb < kBlocks; kb++)
        {
            // Even blocks (784 → 4 × 196) rather than a short last one; the split depends on k only.
            int k0 = (int)((long)k * kb / kBlocks);
            int kc = (int)((long)k * (kb + 1) / kBlocks) - k0;
            bool last = kb == kBlocks - 1;
            args.K = kc;
            args.LoadC = kb > 0 || problem.Accumulate;
            args.LoadSums = kb > 0;
            args.RowStride = problem.ARowStride;
            args.ColumnStride = problem.AColumnStride;
            for (int s = stripStart; s < stripEnd; s++)
            {
                int j0 = s * tileColumns;
                int w = Math.Min(tileColumns, problem.N - j0);
                int vectors = (w + width - 1) / width;
                int padded = vectors * width;
                args.B = problem.B + k0 * problem.Ldb + j0;
                args.Ldb = problem.Ldb;
                bool epilogue = last && problem.Epilogue.Any;
                if (w == padded)
                {
                    args.Ldc = problem.Ldc;
                    for (int rb = rowBlockStart; rb < rowBlockEnd; rb++)
                    {
                        int i0 = rb * tileRows;
                        args.A = problem.A + i0 * problem.ARowStride + k0 * problem.AColumnStride;
                        args.C = problem.C + i0 * problem.Ldc + j0;
                        args.Epilogue = epilogue ? Shift(in problem.Epilogue, i0, j0) : default;
                        SetSums(ref args, in problem, i0, j0, rb, s);
                        Tile(isa, Math.Min(tileRows, problem.M - i0), vectors, ref args);
                    }
                    continue;
                }
                EdgeStrip(in problem, isa, rowBlockStart, rowBlockEnd, k0, s, epilogue, ref args, j0, w, padded);
            }
        }
    }

    /// <summary>Which running sums the tile at row block <paramref name="rb"/>, strip <paramref name="s"/> keeps (see <see cref="GemmProblem.Sums"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetSums(ref TileArgs args, in GemmProblem problem, int i0, int j0, int rb, int s)
    {
        if (problem.SumsKind == TileSums.ColumnsOfB && rb == 0)
        {
            args.SumsKind = TileSums.ColumnsOfB;
            args.Sums = problem.Sums + j0;
        }
        else if (problem.SumsKind == TileSums.RowsOfA && s == 0)
        {
            args.SumsKind = TileSums.RowsOfA;
            args.Sums = problem.Sums + i0;
        }
        else
        {
            args.SumsKind = TileSums.None;
            args.Sums = null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TileEpilogue Shift(in TileEpilogue e, int i0, int j0)
    {
        var shifted = e;
        if (e.Bias != null) shifted.Bias = e.Bias + j0;
        if (e.RowBias != null) shifted.RowBias = e.RowBias + i0;
        if (e.Mask != null) shifted.Mask = e.Mask + i0 * e.Ldm + j0;
        return shifted;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeStrip(in GemmProblem problem, GemmIsa isa, int rowBlockStart, int rowBlockEnd, int k0, int s, bool epilogue, ref TileArgs args,
        int j0, int w, int padded)
    {
        int tileRows = isa.TileRows();
        int kc = args.K;
        // Scratch: the tile, the padded bias, the padded column sums, the padded mask rows, then (unless B is packed) the strip of B.
        long fixedPart = (long)(2 * tileRows + 2) * padded;
        float* scratch = Scratch.Current.Strip(fixedPart + (problem.BPadded ? 0 : (long)kc * padded));
        float* tile = scratch;
        float* paddedBias = scratch + tileRows * padded;
        float* paddedSums = paddedBias + padded;
        float* paddedMask = paddedSums + padded;
        if (!problem.BPadded)
        {
            args.B = scratch + fixedPart;
            GemmPacking.PadStrip(problem.B + k0 * problem.Ldb + j0, problem.Ldb, kc, w, args.B, padded);
            args.Ldb = padded;
        }
        if (epilogue && problem.Epilogue.Bias != null) GemmPacking.PadStrip(problem.Epilogue.Bias + j0, 0, 1, w, paddedBias, padded);
        bool columnSums = problem.SumsKind == TileSums.ColumnsOfB && rowBlockStart == 0;
        if (columnSums && args.LoadSums) GemmPacking.PadStrip(problem.Sums + j0, 0, 1, w, paddedSums, padded);
        args.Ldc = padded;
        for (int rb = rowBlockStart; rb < rowBlockEnd; rb++)
        {
            int i0 = rb * tileRows;
            int rows = Math.Min(tileRows, problem.M - i0);
            float* c = problem.C + i0 * problem.Ldc + j0;
            if (args.LoadC) GemmPacking.PadStrip(c, problem.Ldc, rows, w, tile, padded);
            args.A = problem.A + i0 * problem.ARowStride + k0 * problem.AColumnStride;
            args.C = tile;
            args.Epilogue = epilogue ? Shift(in problem.Epilogue, i0, j0) : default;
            if (args.Epilogue.Bias != null) args.Epilogue.Bias = paddedBias;
            if (args.Epilogue.Mask != null)
            {
                GemmPacking.PadStrip(args.Epilogue.Mask, problem.Epilogue.Ldm, rows, w, paddedMask, padded);
                args.Epilogue.Mask = paddedMask;
                args.Epilogue.Ldm = padded;
            }
            SetSums(ref args, in problem, i0, j0, rb, s);
            if (args.SumsKind == TileSums.ColumnsOfB) args.Sums = paddedSums;
            Tile(isa, rows, padded / isa.VectorWidth(), ref args);
            for (int r = 0; r < rows; r++) new ReadOnlySpan<float>(tile + r * padded, w).CopyTo(new Span<float>(c + r * problem.Ldc, w));
        }
        if (columnSums) new ReadOnlySpan<float>(paddedSums, w).CopyTo(new Span<float>(problem.Sums + j0, w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(GemmIsa isa, int rows, int vectors, ref TileArgs args)
    {
        if (isa == GemmIsa.Vector512) GemmTile.Tile<Vector512<float>, TileVector512>(rows, vectors, ref args);
        else GemmTile.Tile<Vector256<float>, TileVector256>(rows, vectors, ref args);
    }
}
