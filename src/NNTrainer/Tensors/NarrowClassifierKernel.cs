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
        public float* DZ;
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

    private static void CheckShapes(int rows, int k, int hidden, int classes, int ld) =>
        ClassifierKernelChecks.Shapes(rows, k, hidden, classes, ld, MaxInputs, MaxClasses, Block, IsSupported, "narrow classifier");

    private static void CheckParameters(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, int b2Length, int k, int hidden, int classes) =>
        ClassifierKernelChecks.Parameters(w1, b1, w2, b2Length, k, hidden, classes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(int length, long needed, string name) => ClassifierKernelChecks.Check(length, needed, name);
}
