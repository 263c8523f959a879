using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tensors;

/// <summary>
/// The AVX2/FMA register-tile kernel of the GEMM: up to 6 rows × 16 columns of C per call (12 accumulators, so that it fits AVX2's 16 registers).
/// </summary>
/// <remarks>
/// One tile of <c>TRows</c> rows × <c>TVectors</c> vectors of C is held in registers for the whole inner loop: per
/// step p it loads the tile's row of B once, broadcasts one value of A per row, and issues one FMA per accumulator.
/// The unrolled form is deliberate: the JIT keeps only accumulators the instantiation uses, all in registers.
/// <c>TSums</c> adds the running sums of <see cref="TileArgs.Sums"/> (0: none, 1: columns of B, 2: rows of A).
/// </remarks>
internal static unsafe class GemmTile256
{
    public const int Width = 8;

    /// <summary>Runs the tile kernel for <paramref name="rows"/> rows (1 to 6) and <paramref name="vectors"/> vectors (1 or 2).</summary>
    public static void Tile(int rows, int vectors, ref TileArgs args)
    {
        switch (args.SumsKind)
        {
            case TileSums.None: Rows<Zero>(rows, vectors, ref args); break;
            case TileSums.ColumnsOfB: Rows<One>(rows, vectors, ref args); break;
            default: Rows<Two>(rows, vectors, ref args); break;
        }
    }

    private static void Rows<TSums>(int rows, int vectors, ref TileArgs args)
        where TSums : struct, ITileConstant
    {
        switch (rows)
        {
            case 6: Vectors<Six, TSums>(vectors, ref args); break;
            case 5: Vectors<Five, TSums>(vectors, ref args); break;
            case 4: Vectors<Four, TSums>(vectors, ref args); break;
            case 3: Vectors<Three, TSums>(vectors, ref args); break;
            case 2: Vectors<Two, TSums>(vectors, ref args); break;
            case 1: Vectors<One, TSums>(vectors, ref args); break;
            default: throw new ArgumentOutOfRangeException(nameof(rows));
        }
    }

    private static void Vectors<TRows, TSums>(int vectors, ref TileArgs args)
        where TRows : struct, ITileConstant
        where TSums : struct, ITileConstant
    {
        if (vectors == 2) Tile<TRows, Two, TSums>(ref args);
        else Tile<TRows, One, TSums>(ref args);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows, TVectors, TSums>(ref TileArgs args)
        where TRows : struct, ITileConstant
        where TVectors : struct, ITileConstant
        where TSums : struct, ITileConstant
    {
        bool two = TVectors.Value == 2;
        bool columnSums = TSums.Value == 1;
        bool rowSums = TSums.Value == 2;
        float* c = args.C;
        nint ldc = args.Ldc;
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        if (args.LoadC)
        {
            { c00 = Vector256.Load(c + 0 * ldc); if (two) c01 = Vector256.Load(c + 0 * ldc + Width); }
            if (TRows.Value > 1) { c10 = Vector256.Load(c + 1 * ldc); if (two) c11 = Vector256.Load(c + 1 * ldc + Width); }
            if (TRows.Value > 2) { c20 = Vector256.Load(c + 2 * ldc); if (two) c21 = Vector256.Load(c + 2 * ldc + Width); }
            if (TRows.Value > 3) { c30 = Vector256.Load(c + 3 * ldc); if (two) c31 = Vector256.Load(c + 3 * ldc + Width); }
            if (TRows.Value > 4) { c40 = Vector256.Load(c + 4 * ldc); if (two) c41 = Vector256.Load(c + 4 * ldc + Width); }
            if (TRows.Value > 5) { c50 = Vector256.Load(c + 5 * ldc); if (two) c51 = Vector256.Load(c + 5 * ldc + Width); }
        }
        float* sums = args.Sums;
        Vector256<float> s0 = default, s1 = default;
        Vector256<float> r0 = default, r1 = default, r2 = default, r3 = default, r4 = default, r5 = default;
        if (columnSums && args.LoadSums)
        {
            s0 = Vector256.Load(sums);
            if (two) s1 = Vector256.Load(sums + Width);
        }
        if (rowSums && args.LoadSums)
        {
            r0 = Vector256.Create(sums[0]);
            if (TRows.Value > 1) r1 = Vector256.Create(sums[1]);
            if (TRows.Value > 2) r2 = Vector256.Create(sums[2]);
            if (TRows.Value > 3) r3 = Vector256.Create(sums[3]);
            if (TRows.Value > 4) r4 = Vector256.Create(sums[4]);
            if (TRows.Value > 5) r5 = Vector256.Create(sums[5]);
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
        float* b = args.B;
        nint ldb = args.Ldb;
        int k = args.K;
        nint offset = 0;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = two ? Vector256.Load(b + Width) : default;
            { var x0 = Vector256.Create(a0[offset]); c00 = Vector256.FusedMultiplyAdd(x0, b0, c00); if (two) c01 = Vector256.FusedMultiplyAdd(x0, b1, c01); if (rowSums) r0 += x0; }
            if (TRows.Value > 1) { var x1 = Vector256.Create(a1[offset]); c10 = Vector256.FusedMultiplyAdd(x1, b0, c10); if (two) c11 = Vector256.FusedMultiplyAdd(x1, b1, c11); if (rowSums) r1 += x1; }
            if (TRows.Value > 2) { var x2 = Vector256.Create(a2[offset]); c20 = Vector256.FusedMultiplyAdd(x2, b0, c20); if (two) c21 = Vector256.FusedMultiplyAdd(x2, b1, c21); if (rowSums) r2 += x2; }
            if (TRows.Value > 3) { var x3 = Vector256.Create(a3[offset]); c30 = Vector256.FusedMultiplyAdd(x3, b0, c30); if (two) c31 = Vector256.FusedMultiplyAdd(x3, b1, c31); if (rowSums) r3 += x3; }
            if (TRows.Value > 4) { var x4 = Vector256.Create(a4[offset]); c40 = Vector256.FusedMultiplyAdd(x4, b0, c40); if (two) c41 = Vector256.FusedMultiplyAdd(x4, b1, c41); if (rowSums) r4 += x4; }
            if (TRows.Value > 5) { var x5 = Vector256.Create(a5[offset]); c50 = Vector256.FusedMultiplyAdd(x5, b0, c50); if (two) c51 = Vector256.FusedMultiplyAdd(x5, b1, c51); if (rowSums) r5 += x5; }
            if (columnSums) { s0 += b0; if (two) s1 += b1; }
            offset += columnStride;
            b += ldb;
        }
        if (columnSums)
        {
            s0.Store(sums);
            if (two) s1.Store(sums + Width);
        }
        if (rowSums)
        {
            sums[0] = r0.ToScalar();
            if (TRows.Value > 1) sums[1] = r1.ToScalar();
            if (TRows.Value > 2) sums[2] = r2.ToScalar();
            if (TRows.Value > 3) sums[3] = r3.ToScalar();
            if (TRows.Value > 4) sums[4] = r4.ToScalar();
            if (TRows.Value > 5) sums[5] = r5.ToScalar();
        }
        if (args.Epilogue.Any)
        {
            ref readonly var e = ref args.Epilogue;
            { c00 = Finish(c00, in e, 0, 0); if (two) c01 = Finish(c01, in e, 0, Width); }
            if (TRows.Value > 1) { c10 = Finish(c10, in e, 1, 0); if (two) c11 = Finish(c11, in e, 1, Width); }
            if (TRows.Value > 2) { c20 = Finish(c20, in e, 2, 0); if (two) c21 = Finish(c21, in e, 2, Width); }
            if (TRows.Value > 3) { c30 = Finish(c30, in e, 3, 0); if (two) c31 = Finish(c31, in e, 3, Width); }
            if (TRows.Value > 4) { c40 = Finish(c40, in e, 4, 0); if (two) c41 = Finish(c41, in e, 4, Width); }
            if (TRows.Value > 5) { c50 = Finish(c50, in e, 5, 0); if (two) c51 = Finish(c51, in e, 5, Width); }
        }
        { c00.Store(c + 0 * ldc); if (two) c01.Store(c + 0 * ldc + Width); }
        if (TRows.Value > 1) { c10.Store(c + 1 * ldc); if (two) c11.Store(c + 1 * ldc + Width); }
        if (TRows.Value > 2) { c20.Store(c + 2 * ldc); if (two) c21.Store(c + 2 * ldc + Width); }
        if (TRows.Value > 3) { c30.Store(c + 3 * ldc); if (two) c31.Store(c + 3 * ldc + Width); }
        if (TRows.Value > 4) { c40.Store(c + 4 * ldc); if (two) c41.Store(c + 4 * ldc + Width); }
        if (TRows.Value > 5) { c50.Store(c + 5 * ldc); if (two) c51.Store(c + 5 * ldc + Width); }
    }

    /// <summary>The epilogue of one accumulator: row <paramref name="row"/>, columns from <paramref name="column"/> of the tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Finish(Vector256<float> v, in TileEpilogue e, int row, int column)
    {
        if (e.Bias != null) v += Vector256.Load(e.Bias + column);
        if (e.RowBias != null) v += Vector256.Create(e.RowBias[row]);
        // max(0, v) returns v when v is NaN or a zero of either sign: exactly "v < 0 ? 0 : v".
        if (e.ReLU) v = Avx.Max(Vector256<float>.Zero, v);
        if (e.Mask != null) v = Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.Load(e.Mask + row * e.Ldm + column), Vector256<float>.Zero), v, Vector256<float>.Zero);
        return v;
    }
}
