using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NNTrainer;

/// <summary>
/// The whole training step of <c>Dense(k, hidden) → ReLU → Dense(hidden, classes) → Softmax</c> for a handful of inputs
/// and classes (the book's spiral and vertical networks, 2-64-3), in two passes that never store the hidden layer:
/// with so few inputs, recomputing a hidden value (k fused multiply-adds) costs less than writing it to memory and
/// reading it back, and at this size memory passes, not arithmetic, set the pace.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Forward"/> runs the samples along the vector lanes: per group of 32 samples it computes each hidden
/// unit and adds its contribution to the class logits, which stay in registers. <see cref="Backward"/> runs the hidden
/// units along the lanes: per block of 32 units it walks the samples in order, recomputes their hidden values and keeps
/// every gradient (both weight matrices, both bias vectors) in running sums.
/// </para>
/// <para>
/// Every value is the chain of operations the GEMM path computes for it, in the same order (see <see cref="GemmProblem"/>:
/// products over the inner dimension from 0, then the bias, then ReLU; sums over the samples in order; ReLU's mask taken
/// where its output is positive), so training through this kernel gives bit-identical weights.
/// </para>
/// </remarks>
internal static unsafe class SmallInputClassifierKernel
{
    /// <summary>Most inputs per sample this kernel takes.</summary>
    public const int MaxInputs = 4;

    /// <summary>Most classes this kernel takes (the output layers that run transposed).</summary>
    public const int MaxClasses = GemmKernels.NarrowOutput;

    private const int Width = 16;

    /// <summary>Samples per forward group and hidden units per backward block: two vectors.</summary>
    public const int Block = 2 * Width;

    /// <summary>Whether the machine runs the kernel (it is written for AVX-512).</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>Whether a network of these sizes fits the kernel, whether or not this machine runs it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FitsShape(int inputs, int classes) => inputs >= 1 && inputs <= MaxInputs && classes >= 2 && classes <= MaxClasses;

    /// <summary>The row stride of the transposed buffers for <paramref name="rows"/> samples: whole groups.</summary>
    public static int LeadingDimension(int rows) => (rows + Block - 1) / Block * Block;

    /// <summary>
    /// <c>logitsT[j, i] = Σ_h relu(Σ_p x[i, p]·w1[p, h] + b1[h])·w2[h, j] + b2[j]</c> for every sample column i &lt; ld
    /// (padding columns see zero inputs).
    /// </summary>
    /// <param name="inputs">The batch, [rows × k].</param>
    /// <param name="rows">Samples.</param>
    /// <param name="k">Inputs per sample (1 to <see cref="MaxInputs"/>).</param>
    /// <param name="w1">Hidden weights, [k × hidden].</param>
    /// <param name="b1">Hidden biases, [hidden].</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="w2">Output weights, [hidden × classes].</param>
    /// <param name="b2">Output biases, [classes].</param>
    /// <param name="classes">Classes (2 to <see cref="MaxClasses"/>).</param>
    /// <param name="inputsT">Scratch for the transposed batch, [k × ld].</param>
    /// <param name="logitsT">Destination, [classes × ld].</param>
    /// <param name="ld">Row stride of the transposed buffers, from <see cref="LeadingDimension"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> inputs, int rows, int k, ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, int hidden,
        ReadOnlySpan<float> w2, ReadOnlySpan<float> b2, int classes, Span<float> inputsT, Span<float> logitsT, int ld)
    {
        CheckShapes(rows, k, hidden, classes, ld);
        Check(inputs.Length, (long)rows * k, nameof(inputs));
        CheckParameters(w1, b1, w2, b2.Length, k, hidden, classes);
        Check(inputsT.Length, (long)k * ld, nameof(inputsT));
        Check(logitsT.Length, (long)classes * ld, nameof(logitsT));
        TransposeInputs(inputs, rows, k, inputsT, ld);
        fixed (float* x = inputsT, pw1 = w1, pb1 = b1, pw2 = w2, pb2 = b2, logits = logitsT)
        {
            var args = new Arguments { X = x, W1 = pw1, B1 = pb1, W2 = pw2, B2 = pb2, Hidden = hidden, Classes = classes, Ld = ld, Rows = rows };
            switch (k)
            {
                case 1: ForwardByClasses<One>(ref args, logits); break;
                case 2: ForwardByClasses<Two>(ref args, logits); break;
                case 3: ForwardByClasses<Three>(ref args, logits); break;
                default: ForwardByClasses<Four>(ref args, logits); break;
            }
        }
    }

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

    /// <summary><c>inputsT[p·ld + i] = inputs[i·k + p]</c>, zeros past the samples; two inputs per sample are split by vector permutes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeInputs(ReadOnlySpan<float> inputs, int rows, int k, Span<float> inputsT, int ld)
    {
        int i = 0;
        if (k == 2)
        {
            fixed (float* x = inputs, t = inputsT)
            {
                var even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
                var odd = even + Vector512<int>.One;
                for (; i <= rows - Width; i += Width)
                {
                    var low = Vector512.Load(x + 2 * i);
                    var high = Vector512.Load(x + 2 * i + Width);
                    Avx512F.PermuteVar16x32x2(low, even, high).Store(t + i);
                    Avx512F.PermuteVar16x32x2(low, odd, high).Store(t + ld + i);
                }
            }
        }
        for (int p = 0; p < k; p++)
        {
            var row = inputsT.Slice(p * ld, ld);
            for (int r = i; r < rows; r++) row[r] = inputs[r * k + p];
            row.Slice(rows).Clear();
        }
    }

    private struct Arguments
    {
        public float* X;
        public float* W1;
        public float* B1;
        public float* W2;
        public float* B2;
        public int Hidden;
        public int Classes;
        public int Ld;
        public int Rows;
        public float* GradientT;
        public float* GW1;
        public float* GB1;
        public float* GW2T;
        public float* GB2;
    }

    private static void ForwardByClasses<TK>(ref Arguments args, float* logits)
        where TK : struct, ITileConstant
    {
        switch (args.Classes)
        {
            case 2: Forward<TK, Two>(ref args, logits); break;
            case 3: Forward<TK, Three>(ref args, logits); break;
            case 4: Forward<TK, Four>(ref args, logits); break;
            case 5: Forward<TK, Five>(ref args, logits); break;
            default: Forward<TK, Six>(ref args, logits); break;
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

    /// <summary>ReLU as <see cref="Kernels.ReLUForward"/> computes it: max(0, v) returns v when v is NaN or a zero of either sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ReLU(Vector512<float> v) => Avx512F.Max(Vector512<float>.Zero, v);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward<TK, TC>(ref Arguments args, float* logits)
        where TK : struct, ITileConstant
        where TC : struct, ITileConstant
    {
        int k = TK.Value, c = TC.Value;
        float* w1 = args.W1;
        float* b1 = args.B1;
        float* w2 = args.W2;
        int hidden = args.Hidden;
        nint ld = args.Ld;
        var zero = Vector512<float>.Zero;
        for (nint i = 0; i < ld; i += Block)
        {
            float* x = args.X + i;
            Vector512<float> x0a = Vector512.Load(x), x0b = Vector512.Load(x + Width), x1a = default, x1b = default, x2a = default, x2b = default, x3a = default, x3b = default;
            if (k > 1) { x1a = Vector512.Load(x + ld); x1b = Vector512.Load(x + ld + Width); }
            if (k > 2) { x2a = Vector512.Load(x + 2 * ld); x2b = Vector512.Load(x + 2 * ld + Width); }
            if (k > 3) { x3a = Vector512.Load(x + 3 * ld); x3b = Vector512.Load(x + 3 * ld + Width); }
            Vector512<float> l0a = zero, l0b = zero, l1a = zero, l1b = zero, l2a = zero, l2b = zero, l3a = zero, l3b = zero, l4a = zero, l4b = zero, l5a = zero, l5b = zero;
            float* w2h = w2;
            for (int h = 0; h < hidden; h++, w2h += c)
            {
                // The hidden value: Σ_p x_p·w1[p, h] from 0 in order, + b1[h], ReLU (DenseLayer's chain and epilogue).
                var w = Vector512.Create(w1[h]);
                var za = Vector512.FusedMultiplyAdd(x0a, w, zero);
                var zb = Vector512.FusedMultiplyAdd(x0b, w, zero);
                if (k > 1) { w = Vector512.Create(w1[hidden + h]); za = Vector512.FusedMultiplyAdd(x1a, w, za); zb = Vector512.FusedMultiplyAdd(x1b, w, zb); }
                if (k > 2) { w = Vector512.Create(w1[2 * hidden + h]); za = Vector512.FusedMultiplyAdd(x2a, w, za); zb = Vector512.FusedMultiplyAdd(x2b, w, zb); }
                if (k > 3) { w = Vector512.Create(w1[3 * hidden + h]); za = Vector512.FusedMultiplyAdd(x3a, w, za); zb = Vector512.FusedMultiplyAdd(x3b, w, zb); }
                var bias = Vector512.Create(b1[h]);
                za = ReLU(za + bias);
                zb = ReLU(zb + bias);
                { var v = Vector512.Create(w2h[0]); l0a = Vector512.FusedMultiplyAdd(v, za, l0a); l0b = Vector512.FusedMultiplyAdd(v, zb, l0b); }
                { var v = Vector512.Create(w2h[1]); l1a = Vector512.FusedMultiplyAdd(v, za, l1a); l1b = Vector512.FusedMultiplyAdd(v, zb, l1b); }
                if (c > 2) { var v = Vector512.Create(w2h[2]); l2a = Vector512.FusedMultiplyAdd(v, za, l2a); l2b = Vector512.FusedMultiplyAdd(v, zb, l2b); }
                if (c > 3) { var v = Vector512.Create(w2h[3]); l3a = Vector512.FusedMultiplyAdd(v, za, l3a); l3b = Vector512.FusedMultiplyAdd(v, zb, l3b); }
                if (c > 4) { var v = Vector512.Create(w2h[4]); l4a = Vector512.FusedMultiplyAdd(v, za, l4a); l4b = Vector512.FusedMultiplyAdd(v, zb, l4b); }
                if (c > 5) { var v = Vector512.Create(w2h[5]); l5a = Vector512.FusedMultiplyAdd(v, za, l5a); l5b = Vector512.FusedMultiplyAdd(v, zb, l5b); }
            }
            float* b2 = args.B2;
            float* y = logits + i;
            { var v = Vector512.Create(b2[0]); (l0a + v).Store(y); (l0b + v).Store(y + Width); }
            { var v = Vector512.Create(b2[1]); (l1a + v).Store(y + ld); (l1b + v).Store(y + ld + Width); }
            if (c > 2) { var v = Vector512.Create(b2[2]); (l2a + v).Store(y + 2 * ld); (l2b + v).Store(y + 2 * ld + Width); }
            if (c > 3) { var v = Vector512.Create(b2[3]); (l3a + v).Store(y + 3 * ld); (l3b + v).Store(y + 3 * ld + Width); }
            if (c > 4) { var v = Vector512.Create(b2[4]); (l4a + v).Store(y + 4 * ld); (l4b + v).Store(y + 4 * ld + Width); }
            if (c > 5) { var v = Vector512.Create(b2[5]); (l5a + v).Store(y + 5 * ld); (l5b + v).Store(y + 5 * ld + Width); }
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
                if (c > 2)
                {
                    d2 = Vector512.Create(d[2 * ld + i]);
                    g2a = Vector512.FusedMultiplyAdd(d2, aa, g2a); g2b = Vector512.FusedMultiplyAdd(d2, ab, g2b);
                    ga = Vector512.FusedMultiplyAdd(d2, Vector512.Load(w2T + 2 * hidden), ga); gb = Vector512.FusedMultiplyAdd(d2, Vector512.Load(w2T + 2 * hidden + Width), gb);
                }
                if (c > 3)
                {
                    d3 = Vector512.Create(d[3 * ld + i]);
                    g3a = Vector512.FusedMultiplyAdd(d3, aa, g3a); g3b = Vector512.FusedMultiplyAdd(d3, ab, g3b);
                    ga = Vector512.FusedMultiplyAdd(d3, Vector512.Load(w2T + 3 * hidden), ga); gb = Vector512.FusedMultiplyAdd(d3, Vector512.Load(w2T + 3 * hidden + Width), gb);
                }
                if (c > 4)
                {
                    d4 = Vector512.Create(d[4 * ld + i]);
                    g4a = Vector512.FusedMultiplyAdd(d4, aa, g4a); g4b = Vector512.FusedMultiplyAdd(d4, ab, g4b);
                    ga = Vector512.FusedMultiplyAdd(d4, Vector512.Load(w2T + 4 * hidden), ga); gb = Vector512.FusedMultiplyAdd(d4, Vector512.Load(w2T + 4 * hidden + Width), gb);
                }
                if (c > 5)
                {
                    d5 = Vector512.Create(d[5 * ld + i]);
                    g5a = Vector512.FusedMultiplyAdd(d5, aa, g5a); g5b = Vector512.FusedMultiplyAdd(d5, ab, g5b);
                    ga = Vector512.FusedMultiplyAdd(d5, Vector512.Load(w2T + 5 * hidden), ga); gb = Vector512.FusedMultiplyAdd(d5, Vector512.Load(w2T + 5 * hidden + Width), gb);
                }
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

    private static void CheckShapes(int rows, int k, int hidden, int classes, int ld)
    {
        if (k < 1 || k > MaxInputs) throw new ArgumentOutOfRangeException(nameof(k), k, $"The kernel takes 1 to {MaxInputs} inputs.");
        if (classes < 2 || classes > MaxClasses) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"The kernel takes 2 to {MaxClasses} classes.");
        if (hidden < 1) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "The hidden layer needs at least one unit.");
        if (rows < 1 || ld < rows || ld % Block != 0) throw new ArgumentOutOfRangeException(nameof(ld), ld, "The row stride must cover the samples in whole groups.");
        if (!IsSupported) throw new PlatformNotSupportedException("The small-input classifier kernel needs AVX-512.");
    }

    private static void CheckParameters(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, int b2Length, int k, int hidden, int classes)
    {
        Check(w1.Length, (long)k * hidden, nameof(w1));
        Check(b1.Length, hidden, nameof(b1));
        Check(w2.Length, (long)hidden * classes, nameof(w2));
        Check(b2Length, classes, "b2");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(int length, long needed, string name)
    {
        if (length < needed) Fail(length, needed, name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail(int length, long needed, string name) => throw new ArgumentException($"The buffer holds {length} values; {needed} are needed.", name);
}
