namespace NNTrainer.Tensors;

/// <summary>The backward pass of <see cref="SmallInputClassifierKernel"/>: hidden units along the lanes, every gradient in running sums.</summary>
internal static unsafe partial class SmallInputClassifierKernel
{
    /// <summary>
    /// All four gradients from the transposed output gradient <paramref name="gradientT"/> ([classes × ld], from
    /// <see cref="TransposedSoftmaxCrossEntropyKernel"/>): the output layer's <c>relu(H)ᵀ·dY</c> and column sums of dY, the
    /// hidden layer's <c>Xᵀ·dZ</c> and column sums of dZ, where <c>dZ = (dY·w2ᵀ) ⊙ [relu(H) &gt; 0]</c>.
    /// </summary>
    /// <param name="inputs">The batch, [rows × k].</param>
    /// <param name="rows">Samples.</param>
    /// <param name="k">Inputs per sample.</param>
    /// <param name="w1">Hidden weights, [k × hidden].</param>
    /// <param name="b1">Hidden biases, [hidden].</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="w2">Output weights, [hidden × classes].</param>
    /// <param name="classes">Classes.</param>
    /// <param name="gradientT">The gradient with respect to the logits, transposed, [classes × ld].</param>
    /// <param name="ld">Row stride of <paramref name="gradientT"/>.</param>
    /// <param name="dW1">Destination, [k × hidden].</param>
    /// <param name="dB1">Destination, [hidden].</param>
    /// <param name="dW2">Destination, [hidden × classes].</param>
    /// <param name="dB2">Destination, [classes].</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> inputs, int rows, int k, ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, int hidden,
        ReadOnlySpan<float> w2, int classes, ReadOnlySpan<float> gradientT, int ld, Span<float> dW1, Span<float> dB1, Span<float> dW2, Span<float> dB2)
    {
        CheckShapes(rows, k, hidden, classes, ld);
        Check(inputs.Length, (long)rows * k, nameof(inputs));
        CheckParameters(w1, b1, w2, classes, k, hidden, classes);
        Check(gradientT.Length, (long)classes * ld, nameof(gradientT));
        Check(dW1.Length, (long)k * hidden, nameof(dW1));
        Check(dB1.Length, hidden, nameof(dB1));
        Check(dW2.Length, (long)hidden * classes, nameof(dW2));
        Check(dB2.Length, classes, nameof(dB2));

        // Parameters and gradients padded to whole blocks of hidden units (zero weights), the output weights transposed.
        int padded = (hidden + Block - 1) / Block * Block;
        float* scratch = Scratch.Current.Transposed((long)(2 * k + 2 + 2 * classes) * padded);
        float* pw1 = scratch;
        float* pb1 = pw1 + k * padded;
        float* pw2T = pb1 + padded;
        float* gw1 = pw2T + classes * padded;
        float* gb1 = gw1 + k * padded;
        float* gw2T = gb1 + padded;
        // Zero weights in the padding units (the gradients there are written by the kernel and dropped).
        int pad = padded - hidden;
        for (int p = 0; p < k; p++)
        {
            w1.Slice(p * hidden, hidden).CopyTo(new Span<float>(pw1 + p * padded, hidden));
            new Span<float>(pw1 + p * padded + hidden, pad).Clear();
        }
        b1.Slice(0, hidden).CopyTo(new Span<float>(pb1, hidden));
        new Span<float>(pb1 + hidden, pad).Clear();
        for (int j = 0; j < classes; j++)
        {
            float* row = pw2T + j * padded;
            for (int h = 0; h < hidden; h++) row[h] = w2[h * classes + j];
            new Span<float>(row + hidden, pad).Clear();
        }
        fixed (float* x = inputs, d = gradientT, db2 = dB2)
        {
            var args = new Arguments
            {
                X = x, W1 = pw1, B1 = pb1, W2 = pw2T, Hidden = padded, Classes = classes, Ld = ld, Rows = rows,
                GradientT = d, GW1 = gw1, GB1 = gb1, GW2T = gw2T, GB2 = db2,
            };
            switch (k)
            {
                case 1: BackwardByClasses<One>(ref args); break;
                case 2: BackwardByClasses<Two>(ref args); break;
                case 3: BackwardByClasses<Three>(ref args); break;
                default: BackwardByClasses<Four>(ref args); break;
            }
        }
        for (int p = 0; p < k; p++) new ReadOnlySpan<float>(gw1 + p * padded, hidden).CopyTo(dW1.Slice(p * hidden, hidden));
        new ReadOnlySpan<float>(gb1, hidden).CopyTo(dB1);
        for (int h = 0; h < hidden; h++)
        {
            for (int j = 0; j < classes; j++) dW2[h * classes + j] = gw2T[j * padded + h];
        }
    }

    private static void BackwardByClasses<TK>(ref Arguments args)
        where TK : struct, ITileConstant
    {
        switch (args.Classes)
        {
            case 2: Backward<TK, Two>(ref args); break;
            case 3: Backward<TK, Three>(ref args); break;
            case 4: Backward<TK, Four>(ref args); break;
            case 5: Backward<TK, Five>(ref args); break;
            default: Backward<TK, Six>(ref args); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward<TK, TC>(ref Arguments args)
        where TK : struct, ITileConstant
        where TC : struct, ITileConstant
    {
        int k = TK.Value, c = TC.Value;
        int hidden = args.Hidden;
        int rows = args.Rows;
        nint ld = args.Ld;
        var zero = Vector512<float>.Zero;
        for (int h0 = 0; h0 < hidden; h0 += Block)
        {
            float* w1 = args.W1 + h0;
            float* w2T = args.W2 + h0;
            Vector512<float> w0a = Vector512.Load(w1), w0b = Vector512.Load(w1 + Width), w1a = default, w1b = default, w2a = default, w2b = default, w3a = default, w3b = default;
            if (k > 1) { w1a = Vector512.Load(w1 + hidden); w1b = Vector512.Load(w1 + hidden + Width); }
            if (k > 2) { w2a = Vector512.Load(w1 + 2 * hidden); w2b = Vector512.Load(w1 + 2 * hidden + Width); }
            if (k > 3) { w3a = Vector512.Load(w1 + 3 * hidden); w3b = Vector512.Load(w1 + 3 * hidden + Width); }
            var ba = Vector512.Load(args.B1 + h0);
            var bb = Vector512.Load(args.B1 + h0 + Width);
            // Running sums: the output weights' gradient (transposed), the hidden weights' gradient, the hidden biases' gradient.
            Vector512<float> g0a = zero, g0b = zero, g1a = zero, g1b = zero, g2a = zero, g2b = zero, g3a = zero, g3b = zero, g4a = zero, g4b = zero, g5a = zero, g5b = zero;
            Vector512<float> e0a = zero, e0b = zero, e1a = zero, e1b = zero, e2a = zero, e2b = zero, e3a = zero, e3b = zero;
            Vector512<float> sa = zero, sb = zero;
            Vector512<float> s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero, s5 = zero;
            bool first = h0 == 0;
            float* x = args.X;
            float* d = args.GradientT;
            for (int i = 0; i < rows; i++, x += k)
            {
                var x0 = Vector512.Create(x[0]);
                var za = Vector512.FusedMultiplyAdd(x0, w0a, zero);
                var zb = Vector512.FusedMultiplyAdd(x0, w0b, zero);
                Vector512<float> x1 = default, x2 = default, x3 = default;
                if (k > 1) { x1 = Vector512.Create(x[1]); za = Vector512.FusedMultiplyAdd(x1, w1a, za); zb = Vector512.FusedMultiplyAdd(x1, w1b, zb); }
                if (k > 2) { x2 = Vector512.Create(x[2]); za = Vector512.FusedMultiplyAdd(x2, w2a, za); zb = Vector512.FusedMultiplyAdd(x2, w2b, zb); }
                if (k > 3) { x3 = Vector512.Create(x[3]); za = Vector512.FusedMultiplyAdd(x3, w3a, za); zb = Vector512.FusedMultiplyAdd(x3, w3b, zb); }
                var aa = ReLU(za + ba);
                var ab = ReLU(zb + bb);

                // dZ = Σ_j dY[i, j]·w2[h, j] from 0 in order, kept where the ReLU's output is positive.
                var d0 = Vector512.Create(d[i]);
                var d1 = Vector512.Create(d[ld + i]);
                g0a = Vector512.FusedMultiplyAdd(d0, aa, g0a); g0b = Vector512.FusedMultiplyAdd(d0, ab, g0b);
                g1a = Vector512.FusedMultiplyAdd(d1, aa, g1a); g1b = Vector512.FusedMultiplyAdd(d1, ab, g1b);
                var ga = Vector512.FusedMultiplyAdd(d1, Vector512.Load(w2T + hidden), Vector512.FusedMultiplyAdd(d0, Vector512.Load(w2T), zero));
                var gb = Vector512.FusedMultiplyAdd(d1, Vector512.Load(w2T + hidden + Width), Vector512.FusedMultiplyAdd(d0, Vector512.Load(w2T + Width), zero));
                Vector512<float> d2 = default, d3 = default, d4 = default, d5 = default;
                if (c > 2) d2 = AddClass(2, d, ld, i, w2T, hidden, aa, ab, ref g2a, ref g2b, ref ga, ref gb);
                if (c > 3) d3 = AddClass(3, d, ld, i, w2T, hidden, aa, ab, ref g3a, ref g3b, ref ga, ref gb);
                if (c > 4) d4 = AddClass(4, d, ld, i, w2T, hidden, aa, ab, ref g4a, ref g4b, ref ga, ref gb);
                if (c > 5) d5 = AddClass(5, d, ld, i, w2T, hidden, aa, ab, ref g5a, ref g5b, ref ga, ref gb);
                ga = Vector512.ConditionalSelect(Vector512.GreaterThan(aa, zero), ga, zero);
                gb = Vector512.ConditionalSelect(Vector512.GreaterThan(ab, zero), gb, zero);

                e0a = Vector512.FusedMultiplyAdd(x0, ga, e0a); e0b = Vector512.FusedMultiplyAdd(x0, gb, e0b);
                if (k > 1) { e1a = Vector512.FusedMultiplyAdd(x1, ga, e1a); e1b = Vector512.FusedMultiplyAdd(x1, gb, e1b); }
                if (k > 2) { e2a = Vector512.FusedMultiplyAdd(x2, ga, e2a); e2b = Vector512.FusedMultiplyAdd(x2, gb, e2b); }
                if (k > 3) { e3a = Vector512.FusedMultiplyAdd(x3, ga, e3a); e3b = Vector512.FusedMultiplyAdd(x3, gb, e3b); }
                sa += ga;
                sb += gb;
                if (first)
                {
                    s0 += d0;
                    s1 += d1;
                    if (c > 2) s2 += d2;
                    if (c > 3) s3 += d3;
                    if (c > 4) s4 += d4;
                    if (c > 5) s5 += d5;
                }
            }
            float* gw2T = args.GW2T + h0;
            g0a.Store(gw2T); g0b.Store(gw2T + Width);
            g1a.Store(gw2T + hidden); g1b.Store(gw2T + hidden + Width);
            if (c > 2) { g2a.Store(gw2T + 2 * hidden); g2b.Store(gw2T + 2 * hidden + Width); }
            if (c > 3) { g3a.Store(gw2T + 3 * hidden); g3b.Store(gw2T + 3 * hidden + Width); }
            if (c > 4) { g4a.Store(gw2T + 4 * hidden); g4b.Store(gw2T + 4 * hidden + Width); }
            if (c > 5) { g5a.Store(gw2T + 5 * hidden); g5b.Store(gw2T + 5 * hidden + Width); }
            float* gw1 = args.GW1 + h0;
            e0a.Store(gw1); e0b.Store(gw1 + Width);
            if (k > 1) { e1a.Store(gw1 + hidden); e1b.Store(gw1 + hidden + Width); }
            if (k > 2) { e2a.Store(gw1 + 2 * hidden); e2b.Store(gw1 + 2 * hidden + Width); }
            if (k > 3) { e3a.Store(gw1 + 3 * hidden); e3b.Store(gw1 + 3 * hidden + Width); }
            sa.Store(args.GB1 + h0);
            sb.Store(args.GB1 + h0 + Width);
            if (first)
            {
                // Broadcast sums: every lane holds the same ordered sum.
                float* db2 = args.GB2;
                db2[0] = s0.ToScalar();
                db2[1] = s1.ToScalar();
                if (c > 2) db2[2] = s2.ToScalar();
                if (c > 3) db2[3] = s3.ToScalar();
                if (c > 4) db2[4] = s4.ToScalar();
                if (c > 5) db2[5] = s5.ToScalar();
            }
        }
    }
    /// <summary>
    /// Class <paramref name="j"/>'s share of row <paramref name="i"/> (j ≥ 2: classes 0 and 1 start the sums): its
    /// output gradient times the ReLU's outputs into the transposed output-weight gradient (<paramref name="gja"/>,
    /// <paramref name="gjb"/>), and times row j of the transposed output weights into the hidden gradient
    /// (<paramref name="ga"/>, <paramref name="gb"/>). Returns the gradient broadcast, for the bias sums. Called with
    /// locals and a constant only, so that once inlined it compiles to the same instructions as the code written out
    /// per class (the sums stay in registers, the loads fold into the multiply-adds).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> AddClass(int j, float* d, nint ld, int i, float* w2T, int hidden, Vector512<float> aa, Vector512<float> ab,
        ref Vector512<float> gja, ref Vector512<float> gjb, ref Vector512<float> ga, ref Vector512<float> gb)
    {
        var dj = Vector512.Create(d[j * ld + i]);
        gja = Vector512.FusedMultiplyAdd(dj, aa, gja);
        gjb = Vector512.FusedMultiplyAdd(dj, ab, gjb);
        ga = Vector512.FusedMultiplyAdd(dj, Vector512.Load(w2T + j * hidden), ga);
        gb = Vector512.FusedMultiplyAdd(dj, Vector512.Load(w2T + j * hidden + Width), gb);
        return dj;
    }
}
