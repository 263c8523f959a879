namespace NNTrainer.Tensors;

/// <summary>
/// The whole training step of <c>Dense(k, hidden) → ReLU → Dense(hidden, classes) → Softmax</c> for up to 16 inputs and
/// 31 classes (mlbench's Shuttle, 9-100-7; LetterRecognition, 16-100-26), where <see cref="SmallInputClassifierKernel"/>'s registers run out. Its
/// layout with two changes: the forward pass (samples along the lanes) reads the inputs from memory instead of holding
/// them in registers, and the backward pass puts blocks of 16 hidden units along the lanes instead of 32, so that 16
/// input-weight gradients and 8 output-weight gradients fit in the 32 vector registers as running sums. With up to 16 inputs the backward pass would spend a third
/// of its multiply-adds recomputing the hidden layer (and the registers to hold the inputs), so the forward pass keeps it
/// instead, transposed to rows of samples for the backward pass.
/// </summary>
/// <remarks>
/// At these sizes a step is five small GEMMs of 0.5–3 µs whose fixed costs (packing, tile dispatch, transposing the
/// hidden layer, zeroing) weigh as much as their multiply-adds; here each pass is one loop nest. Every value is the
/// chain of operations the GEMM path computes for it, in the same order (products over the inner dimension from 0,
/// then the bias, then ReLU; sums over the samples in order; the ReLU's mask taken where its output is positive), so
/// training through this kernel gives bit-identical weights.
/// </remarks>
internal static unsafe partial class NarrowClassifierKernel
{
    /// <summary>Most inputs per sample this kernel takes.</summary>
    public const int MaxInputs = 16;

    /// <summary>Most classes this kernel takes: the most <see cref="TransposedSoftmaxCrossEntropyKernel"/>'s transposed head
    /// takes on the GEMM path too. Beyond 8 the wide passes (NarrowClassifierKernel.Wide.cs) add the classes from the ninth on.</summary>
    public const int MaxClasses = 31;

    /// <summary>Classes the forward pass keeps in registers with the hidden layer, and the backward pass's first loop with its running sums.</summary>
    private const int RegisterClasses = 8;

    private const int Width = 16;

    /// <summary>Samples per forward group: two vectors.</summary>
    public const int Block = 2 * Width;

    /// <summary>Whether the machine runs the kernel (it is written for AVX-512).</summary>
    public static bool IsSupported => SmallInputClassifierKernel.IsSupported;

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
    /// <param name="hiddenT">Scratch for the hidden layer's outputs, transposed, [<see cref="PaddedHidden"/> × ld].</param>
    /// <param name="activations">Destination for the hidden layer's outputs, [ld × <see cref="PaddedHidden"/>], zeros in
    /// the padding units: what <see cref="Backward"/> reads.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> inputs, int rows, int k, ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, int hidden,
        ReadOnlySpan<float> w2, ReadOnlySpan<float> b2, int classes, Span<float> inputsT, Span<float> logitsT, int ld,
        Span<float> hiddenT, Span<float> activations)
    {
        int padded = PaddedHidden(hidden);
        Check(hiddenT.Length, (long)padded * ld, nameof(hiddenT));
        Check(activations.Length, (long)ld * padded, nameof(activations));
        CheckShapes(rows, k, hidden, classes, ld);
        Check(inputs.Length, (long)rows * k, nameof(inputs));
        CheckParameters(w1, b1, w2, b2.Length, k, hidden, classes);
        Check(inputsT.Length, (long)k * ld, nameof(inputsT));
        Check(logitsT.Length, (long)classes * ld, nameof(logitsT));
        TransposedDense.Transpose(inputs, rows, k, inputsT, ld);
        fixed (float* x = inputsT, pw1 = w1, pb1 = b1, pw2 = w2, pb2 = b2, logits = logitsT, hT = hiddenT, a = activations)
        {
            var args = new Arguments
            {
                X = x, W1 = pw1, B1 = pb1, W2 = pw2, B2 = pb2, Inputs = k, Hidden = hidden, Classes = classes, Ld = ld, Rows = rows, Y = logits, A = hT,
            };
            ByInputs(ref args, backward: false);
            // The padding units' rows stay zero: their ReLU outputs are 0, so the backward pass's mask drops them.
            new Span<float>(hT + (nint)hidden * ld, (padded - hidden) * ld).Clear();
            GemmPacking.Transpose(hT, padded, ld, a, padded);
        }
    }

    /// <summary>Hidden units rounded up to whole blocks of the backward pass (16).</summary>
    public static int PaddedHidden(int hidden) => (hidden + Width - 1) / Width * Width;

    private struct Arguments
    {
        public float* X;
        public float* W1;
        public float* B1;
        public float* W2;
        public float* B2;
        public float* Y;
        public float* A;
        public int Inputs;
        public int Hidden;
        public int Classes;
        public int Ld;
        public int Rows;
        public float* GradientT;
        public float* GW1;
        public float* GB1;
        public float* GW2T;
    }

    private static void ByInputs(ref Arguments args, bool backward)
    {
        switch (args.Inputs)
        {
            case 1: ByClasses<One>(ref args, backward); break;
            case 2: ByClasses<Two>(ref args, backward); break;
            case 3: ByClasses<Three>(ref args, backward); break;
            case 4: ByClasses<Four>(ref args, backward); break;
            case 5: ByClasses<Five>(ref args, backward); break;
            case 6: ByClasses<Six>(ref args, backward); break;
            case 7: ByClasses<Seven>(ref args, backward); break;
            case 8: ByClasses<Eight>(ref args, backward); break;
            case 9: ByClasses<Nine>(ref args, backward); break;
            case 10: ByClasses<Ten>(ref args, backward); break;
            case 11: ByClasses<Eleven>(ref args, backward); break;
            case 12: ByClasses<Twelve>(ref args, backward); break;
            case 13: ByClasses<Thirteen>(ref args, backward); break;
            case 14: ByClasses<Fourteen>(ref args, backward); break;
            case 15: ByClasses<Fifteen>(ref args, backward); break;
            default: ByClasses<Sixteen>(ref args, backward); break;
        }
    }

    private static void ByClasses<TK>(ref Arguments args, bool backward)
        where TK : struct, ITileConstant
    {
        switch (args.Classes)
        {
            case 2: Pass<TK, Two>(ref args, backward); break;
            case 3: Pass<TK, Three>(ref args, backward); break;
            case 4: Pass<TK, Four>(ref args, backward); break;
            case 5: Pass<TK, Five>(ref args, backward); break;
            case 6: Pass<TK, Six>(ref args, backward); break;
            case 7: Pass<TK, Seven>(ref args, backward); break;
            case 8: Pass<TK, Eight>(ref args, backward); break;
            case 9: PassWide<TK, Nine>(ref args, backward); break;
            case 10: PassWide<TK, Ten>(ref args, backward); break;
            case 11: PassWide<TK, Eleven>(ref args, backward); break;
            case 12: PassWide<TK, Twelve>(ref args, backward); break;
            case 13: PassWide<TK, Thirteen>(ref args, backward); break;
            case 14: PassWide<TK, Fourteen>(ref args, backward); break;
            case 15: PassWide<TK, Fifteen>(ref args, backward); break;
            case 16: PassWide<TK, Sixteen>(ref args, backward); break;
            case 17: PassWide<TK, Seventeen>(ref args, backward); break;
            case 18: PassWide<TK, Eighteen>(ref args, backward); break;
            case 19: PassWide<TK, Nineteen>(ref args, backward); break;
            case 20: PassWide<TK, Twenty>(ref args, backward); break;
            case 21: PassWide<TK, TwentyOne>(ref args, backward); break;
            case 22: PassWide<TK, TwentyTwo>(ref args, backward); break;
            case 23: PassWide<TK, TwentyThree>(ref args, backward); break;
            case 24: PassWide<TK, TwentyFour>(ref args, backward); break;
            case 25: PassWide<TK, TwentyFive>(ref args, backward); break;
            case 26: PassWide<TK, TwentySix>(ref args, backward); break;
            case 27: PassWide<TK, TwentySeven>(ref args, backward); break;
            case 28: PassWide<TK, TwentyEight>(ref args, backward); break;
            case 29: PassWide<TK, TwentyNine>(ref args, backward); break;
            case 30: PassWide<TK, Thirty>(ref args, backward); break;
            default: PassWide<TK, ThirtyOne>(ref args, backward); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pass<TK, TC>(ref Arguments args, bool backward)
        where TK : struct, ITileConstant
        where TC : struct, ITileConstant
    {
        if (backward) Backward<TK, TC>(ref args);
        else Forward<TK, TC>(ref args);
    }

    /// <summary>ReLU as <see cref="Kernels.ReLUForward"/> computes it: max(0, v) returns v when v is NaN or a zero of either sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ReLU(Vector512<float> v) => Avx512F.Max(Vector512<float>.Zero, v);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward<TK, TC>(ref Arguments args)
        where TK : struct, ITileConstant
        where TC : struct, ITileConstant
    {
        float* w1 = args.W1;
        float* b1 = args.B1;
        float* w2 = args.W2;
        int hidden = args.Hidden;
        nint ld = args.Ld;
        nint c = args.Classes; // the output weights' row stride: more than TC when the wide pass adds the classes from the ninth on
        var zero = Vector512<float>.Zero;
        for (nint i = 0; i < ld; i += Block)
        {
            float* x = args.X + i;
            Vector512<float> l0a = zero, l0b = zero, l1a = zero, l1b = zero, l2a = zero, l2b = zero, l3a = zero, l3b = zero;
            Vector512<float> l4a = zero, l4b = zero, l5a = zero, l5b = zero, l6a = zero, l6b = zero, l7a = zero, l7b = zero;
            float* w2h = w2;
            for (int h = 0; h < hidden; h++, w2h += c)
            {
                // The hidden value: Σ_p x_p·w1[p, h] from 0 in order, + b1[h], ReLU (DenseLayer's chain and epilogue).
                float* w1h = w1 + h;
                var w = Vector512.Create(w1h[0]);
                var za = Vector512.FusedMultiplyAdd(Vector512.Load(x), w, zero);
                var zb = Vector512.FusedMultiplyAdd(Vector512.Load(x + Width), w, zero);
                AddInput<TK>(1, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(2, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(3, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(4, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(5, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(6, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(7, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(8, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(9, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(10, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(11, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(12, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(13, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(14, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(15, x, ld, w1h, hidden, ref za, ref zb);
                var bias = Vector512.Create(b1[h]);
                za = ReLU(za + bias);
                zb = ReLU(zb + bias);
                za.Store(args.A + h * ld + i);
                zb.Store(args.A + h * ld + i + Width);
                AddLogit<TC>(0, w2h, za, zb, ref l0a, ref l0b); AddLogit<TC>(1, w2h, za, zb, ref l1a, ref l1b);
                AddLogit<TC>(2, w2h, za, zb, ref l2a, ref l2b); AddLogit<TC>(3, w2h, za, zb, ref l3a, ref l3b);
                AddLogit<TC>(4, w2h, za, zb, ref l4a, ref l4b); AddLogit<TC>(5, w2h, za, zb, ref l5a, ref l5b);
                AddLogit<TC>(6, w2h, za, zb, ref l6a, ref l6b); AddLogit<TC>(7, w2h, za, zb, ref l7a, ref l7b);
            }
            float* y = args.Y + i;
            float* b2 = args.B2;
            StoreLogit<TC>(0, b2, y, ld, l0a, l0b); StoreLogit<TC>(1, b2, y, ld, l1a, l1b);
            StoreLogit<TC>(2, b2, y, ld, l2a, l2b); StoreLogit<TC>(3, b2, y, ld, l3a, l3b);
            StoreLogit<TC>(4, b2, y, ld, l4a, l4b); StoreLogit<TC>(5, b2, y, ld, l5a, l5b);
            StoreLogit<TC>(6, b2, y, ld, l6a, l6b); StoreLogit<TC>(7, b2, y, ld, l7a, l7b);
        }
    }

    // The helpers below are called with locals and constants only, so that once inlined they compile to the code written
    // out per input and class: the sums stay in registers and the branches on the constants disappear.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddInput<TK>(int p, float* x, nint ld, float* w1h, int hidden, ref Vector512<float> za, ref Vector512<float> zb)
        where TK : struct, ITileConstant
    {
        if (p >= TK.Value) return;
        var w = Vector512.Create(w1h[p * hidden]);
        za = Vector512.FusedMultiplyAdd(Vector512.Load(x + p * ld), w, za);
        zb = Vector512.FusedMultiplyAdd(Vector512.Load(x + p * ld + Width), w, zb);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddLogit<TC>(int j, float* w2h, Vector512<float> za, Vector512<float> zb, ref Vector512<float> la, ref Vector512<float> lb)
        where TC : struct, ITileConstant
    {
        if (j >= TC.Value) return;
        var v = Vector512.Create(w2h[j]);
        la = Vector512.FusedMultiplyAdd(v, za, la);
        lb = Vector512.FusedMultiplyAdd(v, zb, lb);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreLogit<TC>(int j, float* b2, float* y, nint ld, Vector512<float> la, Vector512<float> lb)
        where TC : struct, ITileConstant
    {
        if (j >= TC.Value) return;
        var v = Vector512.Create(b2[j]);
        (la + v).Store(y + j * ld);
        (lb + v).Store(y + j * ld + Width);
    }

    private static void CheckShapes(int rows, int k, int hidden, int classes, int ld) =>
        ClassifierKernelChecks.Shapes(rows, k, hidden, classes, ld, MaxInputs, MaxClasses, Block, IsSupported, "narrow classifier");

    private static void CheckParameters(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, int b2Length, int k, int hidden, int classes) =>
        ClassifierKernelChecks.Parameters(w1, b1, w2, b2Length, k, hidden, classes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(int length, long needed, string name) => ClassifierKernelChecks.Check(length, needed, name);
}
