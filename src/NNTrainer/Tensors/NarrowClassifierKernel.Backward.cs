namespace NNTrainer.Tensors;

/// <summary>The backward pass of <see cref="NarrowClassifierKernel"/>: 16 hidden units along the lanes, the samples in order, every gradient in running sums.</summary>
internal static unsafe partial class NarrowClassifierKernel
{
    /// <summary>
    /// All four gradients from the transposed output gradient <paramref name="gradientT"/> ([classes × ld], from
    /// <see cref="TransposedSoftmaxCrossEntropyKernel"/>): the output layer's <c>relu(H)ᵀ·dY</c> and column sums of dY, the
    /// hidden layer's <c>Xᵀ·dZ</c> and column sums of dZ, where <c>dZ = (dY·w2ᵀ) ⊙ [relu(H) &gt; 0]</c>.
    /// </summary>
    /// <param name="inputs">The batch, [rows × k].</param>
    /// <param name="rows">Samples.</param>
    /// <param name="k">Inputs per sample.</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="w2">Output weights, [hidden × classes].</param>
    /// <param name="classes">Classes.</param>
    /// <param name="gradientT">The gradient with respect to the logits, transposed, [classes × ld].</param>
    /// <param name="ld">Row stride of <paramref name="gradientT"/>.</param>
    /// <param name="activations">The hidden layer's outputs as <see cref="Forward"/> left them, [ld × <see cref="PaddedHidden"/>].</param>
    /// <param name="dW1">Destination, [k × hidden].</param>
    /// <param name="dB1">Destination, [hidden].</param>
    /// <param name="dW2">Destination, [hidden × classes].</param>
    /// <param name="dB2">Destination, [classes].</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> inputs, int rows, int k, int hidden, ReadOnlySpan<float> w2, int classes,
        ReadOnlySpan<float> gradientT, int ld, ReadOnlySpan<float> activations, Span<float> dW1, Span<float> dB1, Span<float> dW2, Span<float> dB2)
    {
        CheckShapes(rows, k, hidden, classes, ld);
        Check(inputs.Length, (long)rows * k, nameof(inputs));
        Check(w2.Length, (long)hidden * classes, nameof(w2));
        int padded = PaddedHidden(hidden);
        Check(activations.Length, (long)ld * padded, nameof(activations));
        Check(gradientT.Length, (long)classes * ld, nameof(gradientT));
        Check(dW1.Length, (long)k * hidden, nameof(dW1));
        Check(dB1.Length, hidden, nameof(dB1));
        Check(dW2.Length, (long)hidden * classes, nameof(dW2));
        Check(dB2.Length, classes, nameof(dB2));

        // The output weights transposed and padded to whole blocks of hidden units (rows of classes in whole 8 × 8
        // blocks), the gradients likewise.
        int classRows = ClassRows(classes);
        // And the wide passes' hidden gradient of one block of 16 units, [ld × 16], and output gradient as rows, [ld × 32].
        float* scratch = Scratch.Current.Transposed((long)(k + 1 + 2 * classRows) * padded + (long)ld * 3 * Width);
        float* pw2T = scratch;
        float* gw1 = pw2T + (nint)classRows * padded;
        float* gb1 = gw1 + k * padded;
        float* gw2T = gb1 + padded;
        fixed (float* x = inputs, d = gradientT, pw2 = w2, a = activations)
        {
            TransposeOutputWeights(pw2, hidden, classes, pw2T, padded);
            var args = new Arguments
            {
                X = x, A = a, W2 = pw2T, Inputs = k, Hidden = padded, Classes = classes, Ld = ld, Rows = rows,
                GradientT = d, GW1 = gw1, GB1 = gb1, GW2T = gw2T, DZ = gw2T + (nint)classRows * padded,
            };
            ByInputs(ref args, backward: true);
            if (classes > RegisterClasses) WideOutputGradients(d, ld, rows, classes, a, hidden, padded, args.DZ + (nint)ld * Width, dW2, dB2);
            else OutputBiasGradient(d, ld, rows, classes, dB2);
        }
        for (int p = 0; p < k; p++) new ReadOnlySpan<float>(gw1 + p * padded, hidden).CopyTo(dW1.Slice(p * hidden, hidden));
        new ReadOnlySpan<float>(gb1, hidden).CopyTo(dB1);
        if (classes <= RegisterClasses) TransposeOutputGradient(gw2T, padded, hidden, classes, dW2);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward<TK, TC>(ref Arguments args)
        where TK : struct, ITileConstant
        where TC : struct, ITileConstant
    {
        nint k = TK.Value;
        int padded = args.Hidden;
        int rows = args.Rows;
        nint ld = args.Ld;
        float* d = args.GradientT;
        var zero = Vector512<float>.Zero;
        for (int h0 = 0; h0 < padded; h0 += Width)
        {
            float* w2T = args.W2 + h0;
            float* ai = args.A + h0;
            // Running sums: the hidden weights' gradient (e), the output weights' gradient transposed (g), the hidden biases' (s).
            Vector512<float> e0 = zero, e1 = zero, e2 = zero, e3 = zero, e4 = zero, e5 = zero, e6 = zero, e7 = zero;
            Vector512<float> e8 = zero, e9 = zero, e10 = zero, e11 = zero, e12 = zero, e13 = zero, e14 = zero, e15 = zero;
            Vector512<float> g0 = zero, g1 = zero, g2 = zero, g3 = zero, g4 = zero, g5 = zero, g6 = zero, g7 = zero;
            var s = zero;
            float* x = args.X;
            for (int i = 0; i < rows; i++, x += k, ai += padded)
            {
                var a = Vector512.Load(ai);

                // dZ = Σ_j dY[i, j]·w2[h, j] from 0 in order, kept where the ReLU's output is positive.
                var d0 = Vector512.Create(d[i]);
                g0 = Vector512.FusedMultiplyAdd(d0, a, g0);
                var dz = Vector512.FusedMultiplyAdd(d0, Vector512.Load(w2T), zero);
                AddClass<TC>(1, d, ld, i, w2T, padded, a, ref g1, ref dz); AddClass<TC>(2, d, ld, i, w2T, padded, a, ref g2, ref dz);
                AddClass<TC>(3, d, ld, i, w2T, padded, a, ref g3, ref dz); AddClass<TC>(4, d, ld, i, w2T, padded, a, ref g4, ref dz);
                AddClass<TC>(5, d, ld, i, w2T, padded, a, ref g5, ref dz); AddClass<TC>(6, d, ld, i, w2T, padded, a, ref g6, ref dz);
                AddClass<TC>(7, d, ld, i, w2T, padded, a, ref g7, ref dz);
                dz = Vector512.ConditionalSelect(Vector512.GreaterThan(a, zero), dz, zero);

                e0 = Vector512.FusedMultiplyAdd(Vector512.Create(x[0]), dz, e0);
                AddWeightGradient<TK>(1, x, dz, ref e1); AddWeightGradient<TK>(2, x, dz, ref e2); AddWeightGradient<TK>(3, x, dz, ref e3);
                AddWeightGradient<TK>(4, x, dz, ref e4); AddWeightGradient<TK>(5, x, dz, ref e5); AddWeightGradient<TK>(6, x, dz, ref e6);
                AddWeightGradient<TK>(7, x, dz, ref e7); AddWeightGradient<TK>(8, x, dz, ref e8); AddWeightGradient<TK>(9, x, dz, ref e9);
                AddWeightGradient<TK>(10, x, dz, ref e10); AddWeightGradient<TK>(11, x, dz, ref e11); AddWeightGradient<TK>(12, x, dz, ref e12);
                AddWeightGradient<TK>(13, x, dz, ref e13); AddWeightGradient<TK>(14, x, dz, ref e14); AddWeightGradient<TK>(15, x, dz, ref e15);
                s += dz;
            }
            float* gw1 = args.GW1 + h0;
            Store<TK>(0, gw1, padded, e0); Store<TK>(1, gw1, padded, e1); Store<TK>(2, gw1, padded, e2); Store<TK>(3, gw1, padded, e3);
            Store<TK>(4, gw1, padded, e4); Store<TK>(5, gw1, padded, e5); Store<TK>(6, gw1, padded, e6); Store<TK>(7, gw1, padded, e7);
            Store<TK>(8, gw1, padded, e8); Store<TK>(9, gw1, padded, e9); Store<TK>(10, gw1, padded, e10); Store<TK>(11, gw1, padded, e11);
            Store<TK>(12, gw1, padded, e12); Store<TK>(13, gw1, padded, e13); Store<TK>(14, gw1, padded, e14); Store<TK>(15, gw1, padded, e15);
            float* gw2T = args.GW2T + h0;
            Store<TC>(0, gw2T, padded, g0); Store<TC>(1, gw2T, padded, g1); Store<TC>(2, gw2T, padded, g2); Store<TC>(3, gw2T, padded, g3);
            Store<TC>(4, gw2T, padded, g4); Store<TC>(5, gw2T, padded, g5); Store<TC>(6, gw2T, padded, g6); Store<TC>(7, gw2T, padded, g7);
            s.Store(args.GB1 + h0);
        }
    }

    /// <summary>
    /// Class <paramref name="j"/>'s share of a sample (j ≥ 1: class 0 starts the sums): its output gradient times the
    /// ReLU's outputs into the transposed output-weight gradient <paramref name="gj"/>, and times row j of the transposed
    /// output weights into the hidden gradient <paramref name="dz"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddClass<TC>(int j, float* d, nint ld, int i, float* w2T, int padded, Vector512<float> a, ref Vector512<float> gj, ref Vector512<float> dz)
        where TC : struct, ITileConstant
    {
        if (j >= TC.Value) return;
        var dj = Vector512.Create(d[j * ld + i]);
        gj = Vector512.FusedMultiplyAdd(dj, a, gj);
        dz = Vector512.FusedMultiplyAdd(dj, Vector512.Load(w2T + j * padded), dz);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddWeightGradient<TK>(int p, float* x, Vector512<float> dz, ref Vector512<float> e)
        where TK : struct, ITileConstant
    {
        if (p >= TK.Value) return;
        e = Vector512.FusedMultiplyAdd(Vector512.Create(x[p]), dz, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TN>(int row, float* destination, int stride, Vector512<float> value)
        where TN : struct, ITileConstant
    {
        if (row < TN.Value) value.Store(destination + (nint)row * stride);
    }
}
