namespace NNTrainer.Tensors;

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
internal static unsafe partial class SmallInputClassifierKernel
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

    private static void CheckShapes(int rows, int k, int hidden, int classes, int ld) =>
        ClassifierKernelChecks.Shapes(rows, k, hidden, classes, ld, MaxInputs, MaxClasses, Block, IsSupported, "small-input classifier");

    private static void CheckParameters(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, int b2Length, int k, int hidden, int classes) =>
        ClassifierKernelChecks.Parameters(w1, b1, w2, b2Length, k, hidden, classes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(int length, long needed, string name) => ClassifierKernelChecks.Check(length, needed, name);
}
