namespace NNTrainer.Tensors;

/// <summary>
/// The register-tile kernel of the GEMM, one body for both vector widths: AVX2/FMA (<see cref="TileVector256"/>, up to
/// 6 rows × 16 columns of C per call, 12 accumulators, so that it fits AVX2's 16 registers) and AVX-512
/// (<see cref="TileVector512"/>, up to 8 rows × 32 columns, 16 accumulators).
/// </summary>
/// <remarks>
/// One tile of <c>TRows</c> rows × <c>TVectors</c> vectors of C is held in registers for the whole inner loop: per
/// step p it loads the tile's row of B once, broadcasts one value of A per row, and issues one FMA per accumulator.
/// The unrolled form is deliberate: the JIT keeps only accumulators the instantiation uses, all in registers (the
/// AVX2 instantiations never reach rows 7 and 8, whose accumulators are then dead and removed).
/// <c>TSums</c> adds the running sums of <see cref="TileArgs.Sums"/> (0: none, 1: columns of B, 2: rows of A).
/// </remarks>
internal static unsafe class GemmTile
{
    /// <summary>Runs the tile kernel for <paramref name="rows"/> rows (1 to <see cref="ITileVector{TVector}.MaxRows"/>) and <paramref name="vectors"/> vectors (1 or 2).</summary>
    public static void Tile<TVector, TIsa>(int rows, int vectors, ref TileArgs args)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
    {
        if (rows > TIsa.MaxRows) throw new ArgumentOutOfRangeException(nameof(rows));
        switch (args.SumsKind)
        {
            case TileSums.None: Rows<TVector, TIsa, Zero>(rows, vectors, ref args); break;
            case TileSums.ColumnsOfB: Rows<TVector, TIsa, One>(rows, vectors, ref args); break;
            default: Rows<TVector, TIsa, Two>(rows, vectors, ref args); break;
        }
    }

    private static void Rows<TVector, TIsa, TSums>(int rows, int vectors, ref TileArgs args)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
        where TSums : struct, ITileConstant
    {
        switch (rows)
        {
            case 8: Vectors<TVector, TIsa, Eight, TSums>(vectors, ref args); break;
            case 7: Vectors<TVector, TIsa, Seven, TSums>(vectors, ref args); break;
            case 6: Vectors<TVector, TIsa, Six, TSums>(vectors, ref args); break;
            case 5: Vectors<TVector, TIsa, Five, TSums>(vectors, ref args); break;
            case 4: Vectors<TVector, TIsa, Four, TSums>(vectors, ref args); break;
            case 3: Vectors<TVector, TIsa, Three, TSums>(vectors, ref args); break;
            case 2: Vectors<TVector, TIsa, Two, TSums>(vectors, ref args); break;
            case 1: Vectors<TVector, TIsa, One, TSums>(vectors, ref args); break;
            default: throw new ArgumentOutOfRangeException(nameof(rows));
        }
    }

    private static void Vectors<TVector, TIsa, TRows, TSums>(int vectors, ref TileArgs args)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
        where TRows : struct, ITileConstant
        where TSums : struct, ITileConstant
    {
        if (vectors == 2) Tile<TVector, TIsa, TRows, Two, TSums>(ref args);
        else Tile<TVector, TIsa, TRows, One, TSums>(ref args);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TVector, TIsa, TRows, TVectors, TSums>(ref TileArgs args)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
        where TRows : struct, ITileConstant
        where TVectors : struct, ITileConstant
        where TSums : struct, ITileConstant
    {
        bool two = TVectors.Value == 2;
        bool columnSums = TSums.Value == 1;
        bool rowSums = TSums.Value == 2;
        float* c = args.C;
        nint ldc = args.Ldc;
        TVector c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        if (args.LoadC)
        {
            { c00 = TIsa.Load(c + 0 * ldc); if (two) c01 = TIsa.Load(c + 0 * ldc + TIsa.Width); }
            if (TRows.Value > 1) { c10 = TIsa.Load(c + 1 * ldc); if (two) c11 = TIsa.Load(c + 1 * ldc + TIsa.Width); }
            if (TRows.Value > 2) { c20 = TIsa.Load(c + 2 * ldc); if (two) c21 = TIsa.Load(c + 2 * ldc + TIsa.Width); }
            if (TRows.Value > 3) { c30 = TIsa.Load(c + 3 * ldc); if (two) c31 = TIsa.Load(c + 3 * ldc + TIsa.Width); }
            if (TRows.Value > 4) { c40 = TIsa.Load(c + 4 * ldc); if (two) c41 = TIsa.Load(c + 4 * ldc + TIsa.Width); }
            if (TRows.Value > 5) { c50 = TIsa.Load(c + 5 * ldc); if (two) c51 = TIsa.Load(c + 5 * ldc + TIsa.Width); }
            if (TRows.Value > 6) { c60 = TIsa.Load(c + 6 * ldc); if (two) c61 = TIsa.Load(c + 6 * ldc + TIsa.Width); }
            if (TRows.Value > 7) { c70 = TIsa.Load(c + 7 * ldc); if (two) c71 = TIsa.Load(c + 7 * ldc + TIsa.Width); }
        }
        float* sums = args.Sums;
        TVector s0 = default, s1 = default;
        TVector r0 = default, r1 = default, r2 = default, r3 = default, r4 = default, r5 = default, r6 = default, r7 = default;
        if (columnSums && args.LoadSums)
        {
            s0 = TIsa.Load(sums);
            if (two) s1 = TIsa.Load(sums + TIsa.Width);
        }
        if (rowSums && args.LoadSums)
        {
            r0 = TIsa.Broadcast(sums[0]);
            if (TRows.Value > 1) r1 = TIsa.Broadcast(sums[1]);
            if (TRows.Value > 2) r2 = TIsa.Broadcast(sums[2]);
            if (TRows.Value > 3) r3 = TIsa.Broadcast(sums[3]);
            if (TRows.Value > 4) r4 = TIsa.Broadcast(sums[4]);
            if (TRows.Value > 5) r5 = TIsa.Broadcast(sums[5]);
            if (TRows.Value > 6) r6 = TIsa.Broadcast(sums[6]);
            if (TRows.Value > 7) r7 = TIsa.Broadcast(sums[7]);
        }
        float* a = args.A;
        nint rowStride = args.RowStride;
        nint columnStride = args.ColumnStride;
        float* a0 = a + 0 * rowStride;
        float* a1 = a + 1 * rowStride;
        float* a2 = a + 2 * rowStride;
        float* a3 = a + 3 * rowStride;
        float* a4 = a + 4 * rowStride;
        float* a5 = a + 5 * rowStride;
        float* a6 = a + 6 * rowStride;
        float* a7 = a + 7 * rowStride;
        float* b = args.B;
        nint ldb = args.Ldb;
        int k = args.K;
        nint offset = 0;
        for (int p = 0; p < k; p++)
        {
            var b0 = TIsa.Load(b);
            var b1 = two ? TIsa.Load(b + TIsa.Width) : default;
            { var x0 = TIsa.Broadcast(a0[offset]); c00 = TIsa.MultiplyAdd(x0, b0, c00); if (two) c01 = TIsa.MultiplyAdd(x0, b1, c01); if (rowSums) r0 = TIsa.Add(r0, x0); }
            if (TRows.Value > 1) { var x1 = TIsa.Broadcast(a1[offset]); c10 = TIsa.MultiplyAdd(x1, b0, c10); if (two) c11 = TIsa.MultiplyAdd(x1, b1, c11); if (rowSums) r1 = TIsa.Add(r1, x1); }
            if (TRows.Value > 2) { var x2 = TIsa.Broadcast(a2[offset]); c20 = TIsa.MultiplyAdd(x2, b0, c20); if (two) c21 = TIsa.MultiplyAdd(x2, b1, c21); if (rowSums) r2 = TIsa.Add(r2, x2); }
            if (TRows.Value > 3) { var x3 = TIsa.Broadcast(a3[offset]); c30 = TIsa.MultiplyAdd(x3, b0, c30); if (two) c31 = TIsa.MultiplyAdd(x3, b1, c31); if (rowSums) r3 = TIsa.Add(r3, x3); }
            if (TRows.Value > 4) { var x4 = TIsa.Broadcast(a4[offset]); c40 = TIsa.MultiplyAdd(x4, b0, c40); if (two) c41 = TIsa.MultiplyAdd(x4, b1, c41); if (rowSums) r4 = TIsa.Add(r4, x4); }
            if (TRows.Value > 5) { var x5 = TIsa.Broadcast(a5[offset]); c50 = TIsa.MultiplyAdd(x5, b0, c50); if (two) c51 = TIsa.MultiplyAdd(x5, b1, c51); if (rowSums) r5 = TIsa.Add(r5, x5); }
            if (TRows.Value > 6) { var x6 = TIsa.Broadcast(a6[offset]); c60 = TIsa.MultiplyAdd(x6, b0, c60); if (two) c61 = TIsa.MultiplyAdd(x6, b1, c61); if (rowSums) r6 = TIsa.Add(r6, x6); }
            if (TRows.Value > 7) { var x7 = TIsa.Broadcast(a7[offset]); c70 = TIsa.MultiplyAdd(x7, b0, c70); if (two) c71 = TIsa.MultiplyAdd(x7, b1, c71); if (rowSums) r7 = TIsa.Add(r7, x7); }
            if (columnSums) { s0 = TIsa.Add(s0, b0); if (two) s1 = TIsa.Add(s1, b1); }
            offset += columnStride;
            b += ldb;
        }
        if (columnSums)
        {
            TIsa.Store(s0, sums);
            if (two) TIsa.Store(s1, sums + TIsa.Width);
        }
        if (rowSums)
        {
            sums[0] = TIsa.First(r0);
            if (TRows.Value > 1) sums[1] = TIsa.First(r1);
            if (TRows.Value > 2) sums[2] = TIsa.First(r2);
            if (TRows.Value > 3) sums[3] = TIsa.First(r3);
            if (TRows.Value > 4) sums[4] = TIsa.First(r4);
            if (TRows.Value > 5) sums[5] = TIsa.First(r5);
            if (TRows.Value > 6) sums[6] = TIsa.First(r6);
            if (TRows.Value > 7) sums[7] = TIsa.First(r7);
        }
        if (args.Epilogue.Any)
        {
            ref readonly var e = ref args.Epilogue;
            { c00 = Finish<TVector, TIsa>(c00, in e, 0, 0); if (two) c01 = Finish<TVector, TIsa>(c01, in e, 0, TIsa.Width); }
            if (TRows.Value > 1) { c10 = Finish<TVector, TIsa>(c10, in e, 1, 0); if (two) c11 = Finish<TVector, TIsa>(c11, in e, 1, TIsa.Width); }
            if (TRows.Value > 2) { c20 = Finish<TVector, TIsa>(c20, in e, 2, 0); if (two) c21 = Finish<TVector, TIsa>(c21, in e, 2, TIsa.Width); }
            if (TRows.Value > 3) { c30 = Finish<TVector, TIsa>(c30, in e, 3, 0); if (two) c31 = Finish<TVector, TIsa>(c31, in e, 3, TIsa.Width); }
            if (TRows.Value > 4) { c40 = Finish<TVector, TIsa>(c40, in e, 4, 0); if (two) c41 = Finish<TVector, TIsa>(c41, in e, 4, TIsa.Width); }
            if (TRows.Value > 5) { c50 = Finish<TVector, TIsa>(c50, in e, 5, 0); if (two) c51 = Finish<TVector, TIsa>(c51, in e, 5, TIsa.Width); }
            if (TRows.Value > 6) { c60 = Finish<TVector, TIsa>(c60, in e, 6, 0); if (two) c61 = Finish<TVector, TIsa>(c61, in e, 6, TIsa.Width); }
            if (TRows.Value > 7) { c70 = Finish<TVector, TIsa>(c70, in e, 7, 0); if (two) c71 = Finish<TVector, TIsa>(c71, in e, 7, TIsa.Width); }
        }
        { TIsa.Store(c00, c + 0 * ldc); if (two) TIsa.Store(c01, c + 0 * ldc + TIsa.Width); }
        if (TRows.Value > 1) { TIsa.Store(c10, c + 1 * ldc); if (two) TIsa.Store(c11, c + 1 * ldc + TIsa.Width); }
        if (TRows.Value > 2) { TIsa.Store(c20, c + 2 * ldc); if (two) TIsa.Store(c21, c + 2 * ldc + TIsa.Width); }
        if (TRows.Value > 3) { TIsa.Store(c30, c + 3 * ldc); if (two) TIsa.Store(c31, c + 3 * ldc + TIsa.Width); }
        if (TRows.Value > 4) { TIsa.Store(c40, c + 4 * ldc); if (two) TIsa.Store(c41, c + 4 * ldc + TIsa.Width); }
        if (TRows.Value > 5) { TIsa.Store(c50, c + 5 * ldc); if (two) TIsa.Store(c51, c + 5 * ldc + TIsa.Width); }
        if (TRows.Value > 6) { TIsa.Store(c60, c + 6 * ldc); if (two) TIsa.Store(c61, c + 6 * ldc + TIsa.Width); }
        if (TRows.Value > 7) { TIsa.Store(c70, c + 7 * ldc); if (two) TIsa.Store(c71, c + 7 * ldc + TIsa.Width); }
    }

    /// <summary>The epilogue of one accumulator: row <paramref name="row"/>, columns from <paramref name="column"/> of the tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Finish<TVector, TIsa>(TVector v, in TileEpilogue e, int row, int column)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
    {
        if (e.Bias != null) v = TIsa.Add(v, TIsa.Load(e.Bias + column));
        if (e.RowBias != null) v = TIsa.Add(v, TIsa.Broadcast(e.RowBias[row]));
        if (e.ReLU) v = TIsa.ReLU(v);
        if (e.Mask != null) v = TIsa.KeepWherePositive(v, TIsa.Load(e.Mask + row * e.Ldm + column));
        return v;
    }
}
