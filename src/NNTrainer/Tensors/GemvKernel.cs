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
            if (wide) Dispatch<TileVector512, Vector512<float>>(count, in args);
            else Dispatch<TileVector256, Vector256<float>>(count, in args);
        }
    }

    private static void Dispatch<TV, TVector>(int count, in GemvArgs args)
        where TV : struct, ITileVector<TVector>
        where TVector : struct
    {
        switch (count)
        {
            case 8: Windows<TV, TVector, Eight>(in args); break;
            case 7: Windows<TV, TVector, Seven>(in args); break;
            case 6: Windows<TV, TVector, Six>(in args); break;
            case 5: Windows<TV, TVector, Five>(in args); break;
            case 4: Windows<TV, TVector, Four>(in args); break;
            case 3: Windows<TV, TVector, Three>(in args); break;
            case 2: Windows<TV, TVector, Two>(in args); break;
            default: Windows<TV, TVector, One>(in args); break;
        }
    }

    /// <summary>
    /// Up to eight windows of columns in one pass over the inner dimension, for one vector width (the JIT compiles a
    /// body per width and per count, so the <c>n &gt; i</c> tests and the static calls vanish).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Windows<TV, TVector, TCount>(in GemvArgs g)
        where TV : struct, ITileVector<TVector>
        where TVector : struct
        where TCount : struct, ITileConstant
    {
        int n = TCount.Value;
        nint o0 = g.O0, o1 = g.O1, o2 = g.O2, o3 = g.O3, o4 = g.O4, o5 = g.O5, o6 = g.O6, o7 = g.O7;
        TVector c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        float* x = g.X;
        float* row = g.W;
        nint ldw = g.Ldw;
        for (int p = 0; p < g.K; p++)
        {
            var xp = TV.Broadcast(x[p]);
            c0 = TV.MultiplyAdd(xp, TV.Load(row + o0), c0);
            if (n > 1) c1 = TV.MultiplyAdd(xp, TV.Load(row + o1), c1);
            if (n > 2) c2 = TV.MultiplyAdd(xp, TV.Load(row + o2), c2);
            if (n > 3) c3 = TV.MultiplyAdd(xp, TV.Load(row + o3), c3);
            if (n > 4) c4 = TV.MultiplyAdd(xp, TV.Load(row + o4), c4);
            if (n > 5) c5 = TV.MultiplyAdd(xp, TV.Load(row + o5), c5);
            if (n > 6) c6 = TV.MultiplyAdd(xp, TV.Load(row + o6), c6);
            if (n > 7) c7 = TV.MultiplyAdd(xp, TV.Load(row + o7), c7);
            row += ldw;
        }
        Store<TV, TVector>(c0, o0, in g);
        if (n > 1) Store<TV, TVector>(c1, o1, in g);
        if (n > 2) Store<TV, TVector>(c2, o2, in g);
        if (n > 3) Store<TV, TVector>(c3, o3, in g);
        if (n > 4) Store<TV, TVector>(c4, o4, in g);
        if (n > 5) Store<TV, TVector>(c5, o5, in g);
        if (n > 6) Store<TV, TVector>(c6, o6, in g);
        if (n > 7) Store<TV, TVector>(c7, o7, in g);
    }

    /// <summary>The epilogue in <see cref="TileEpilogue"/>'s order (column bias, row bias, ReLU), then the store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV, TVector>(TVector v, nint offset, in GemvArgs g)
        where TV : struct, ITileVector<TVector>
        where TVector : struct
    {
        if (g.Bias != null) v = TV.Add(v, TV.Load(g.Bias + offset));
        if (g.HasRowBias) v = TV.Add(v, TV.Broadcast(g.RowBias));
        if (g.ReLU) v = TV.ReLU(v);
        TV.Store(v, g.C + offset);
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
