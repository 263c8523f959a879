using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tensors;

/// <summary>
/// One row times a matrix, <c>c[n] = epilogue(x[k] · W[k×n])</c>: the product a network scores a single sample with
/// (a <c>PredictionEngine</c> call, a reloaded ML.NET model's row-by-row step).
/// </summary>
/// <remarks>
/// The register-tile GEMM gives a one-row tile two accumulators, so each step waits for the previous fused
/// multiply-add of the same chain (4 cycles) and the k-blocks store and reload them: about 4 µs for the
/// 784-128-128-10 MLP. Here one pass over the whole inner dimension keeps up to eight vectors of columns in flight,
/// enough independent chains to keep both FMA pipes busy. Each output is still the chain <c>acc = 0;
/// acc = fma(x[p], W[p, j], acc) for p = 0..k−1</c> followed by <see cref="TileEpilogue"/>, so the results are
/// bit-identical to every GEMM path. Columns that do not fill a whole vector are covered by one more vector that
/// ends at column n and overlaps the one before it: the overlapping columns are computed twice, identically, so no
/// padded copy of W is needed.
/// </remarks>
internal static unsafe class GemvKernel
{
    /// <summary>Vectors of columns computed per pass over the inner dimension (8 accumulators and 8 loads of W per step).</summary>
    private const int Group = 8;

    /// <summary>Whether the kernel runs <paramref name="n"/> columns on <paramref name="isa"/> (a resolved ISA): at least one whole 256-bit vector.</summary>
    public static bool Handles(GemmIsa isa, int n) => isa != GemmIsa.Scalar && n >= Vector256<float>.Count;

    /// <summary>Computes <c>c[j] = epilogue(Σ_p x[p]·w[p·n + j])</c> for j &lt; n; <paramref name="epilogue"/> may not carry a mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(float* x, float* w, int k, int n, float* c, in TileEpilogue epilogue, GemmIsa isa)
    {
        float rowBias = epilogue.RowBias != null ? epilogue.RowBias[0] : 0f;
        bool wide = isa == GemmIsa.Vector512 && n >= Vector512<float>.Count;
        int width = wide ? Vector512<float>.Count : Vector256<float>.Count;
        int windows = (n + width - 1) / width;
        Span<int> offsets = stackalloc int[Group];
        for (int first = 0; first < windows; first += Group)
        {
            int count = Math.Min(Group, windows - first);
            // The last window ends at column n, overlapping its neighbour when n is not a whole number of vectors.
            for (int v = 0; v < count; v++) offsets[v] = Math.Min((first + v) * width, n - width);
            var args = new GemvArgs(x, w, k, n, c, epilogue.Bias, rowBias, epilogue.RowBias != null, epilogue.ReLU, offsets);
            if (wide) Dispatch512(count, in args);
            else Dispatch256(count, in args);
        }
    }

    private static void Dispatch512(int count, in GemvArgs args)
    {
        switch (count)
        {
            case 8: Windows512<Eight>(in args); break;
            case 7: Windows512<Seven>(in args); break;
            case 6: Windows512<Six>(in args); break;
            case 5: Windows512<Five>(in args); break;
            case 4: Windows512<Four>(in args); break;
            case 3: Windows512<Three>(in args); break;
            case 2: Windows512<Two>(in args); break;
            default: Windows512<One>(in args); break;
        }
    }

    private static void Dispatch256(int count, in GemvArgs args)
    {
        switch (count)
        {
            case 8: Windows256<Eight>(in args); break;
            case 7: Windows256<Seven>(in args); break;
            case 6: Windows256<Six>(in args); break;
            case 5: Windows256<Five>(in args); break;
            case 4: Windows256<Four>(in args); break;
            case 3: Windows256<Three>(in args); break;
            case 2: Windows256<Two>(in args); break;
            default: Windows256<One>(in args); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Windows512<TCount>(in GemvArgs g)
        where TCount : struct, ITileConstant
    {
        int n = TCount.Value;
        nint o0 = g.O0, o1 = g.O1, o2 = g.O2, o3 = g.O3, o4 = g.O4, o5 = g.O5, o6 = g.O6, o7 = g.O7;
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        float* x = g.X;
        float* row = g.W;
        nint ldw = g.Ldw;
        for (int p = 0; p < g.K; p++)
        {
            var xp = Vector512.Create(x[p]);
            c0 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o0), c0);
            if (n > 1) c1 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o1), c1);
            if (n > 2) c2 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o2), c2);
            if (n > 3) c3 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o3), c3);
            if (n > 4) c4 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o4), c4);
            if (n > 5) c5 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o5), c5);
            if (n > 6) c6 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o6), c6);
            if (n > 7) c7 = Vector512.FusedMultiplyAdd(xp, Vector512.Load(row + o7), c7);
            row += ldw;
        }
        Store512(c0, o0, in g);
        if (n > 1) Store512(c1, o1, in g);
        if (n > 2) Store512(c2, o2, in g);
        if (n > 3) Store512(c3, o3, in g);
        if (n > 4) Store512(c4, o4, in g);
        if (n > 5) Store512(c5, o5, in g);
        if (n > 6) Store512(c6, o6, in g);
        if (n > 7) Store512(c7, o7, in g);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Windows256<TCount>(in GemvArgs g)
        where TCount : struct, ITileConstant
    {
        int n = TCount.Value;
        nint o0 = g.O0, o1 = g.O1, o2 = g.O2, o3 = g.O3, o4 = g.O4, o5 = g.O5, o6 = g.O6, o7 = g.O7;
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        float* x = g.X;
        float* row = g.W;
        nint ldw = g.Ldw;
        for (int p = 0; p < g.K; p++)
        {
            var xp = Vector256.Create(x[p]);
            c0 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o0), c0);
            if (n > 1) c1 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o1), c1);
            if (n > 2) c2 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o2), c2);
            if (n > 3) c3 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o3), c3);
            if (n > 4) c4 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o4), c4);
            if (n > 5) c5 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o5), c5);
            if (n > 6) c6 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o6), c6);
            if (n > 7) c7 = Vector256.FusedMultiplyAdd(xp, Vector256.Load(row + o7), c7);
            row += ldw;
        }
        Store256(c0, o0, in g);
        if (n > 1) Store256(c1, o1, in g);
        if (n > 2) Store256(c2, o2, in g);
        if (n > 3) Store256(c3, o3, in g);
        if (n > 4) Store256(c4, o4, in g);
        if (n > 5) Store256(c5, o5, in g);
        if (n > 6) Store256(c6, o6, in g);
        if (n > 7) Store256(c7, o7, in g);
    }

    /// <summary>The epilogue in <see cref="TileEpilogue"/>'s order (column bias, row bias, ReLU), then the store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(Vector512<float> v, nint offset, in GemvArgs g)
    {
        if (g.Bias != null) v += Vector512.Load(g.Bias + offset);
        if (g.HasRowBias) v += Vector512.Create(g.RowBias);
        // max(0, v) returns v when v is NaN or a zero of either sign: exactly "v < 0 ? 0 : v", as in the tiles.
        if (g.ReLU) v = Avx512F.Max(Vector512<float>.Zero, v);
        v.Store(g.C + offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(Vector256<float> v, nint offset, in GemvArgs g)
    {
        if (g.Bias != null) v += Vector256.Load(g.Bias + offset);
        if (g.HasRowBias) v += Vector256.Create(g.RowBias);
        if (g.ReLU) v = Avx.Max(Vector256<float>.Zero, v);
        v.Store(g.C + offset);
    }

    /// <summary>One group of up to eight column windows: their offsets and the operands.</summary>
    private readonly struct GemvArgs
    {
        public readonly float* X;
        public readonly float* W;
        public readonly nint Ldw;
        public readonly int K;
        public readonly float* C;
        public readonly float* Bias;
        public readonly float RowBias;
        public readonly bool HasRowBias;
        public readonly bool ReLU;
        public readonly int O0, O1, O2, O3, O4, O5, O6, O7;

        public GemvArgs(float* x, float* w, int k, int ldw, float* c, float* bias, float rowBias, bool hasRowBias, bool relu, ReadOnlySpan<int> offsets)
        {
            X = x;
            W = w;
            C = c;
            Bias = bias;
            (K, Ldw, RowBias, HasRowBias, ReLU) = (k, ldw, rowBias, hasRowBias, relu);
            (O0, O1, O2, O3, O4, O5, O6, O7) = (offsets[0], offsets[1], offsets[2], offsets[3], offsets[4], offsets[5], offsets[6], offsets[7]);
        }
    }
}
