namespace NNTrainer.Tensors;

/// <summary>
/// <see cref="NarrowClassifierKernel"/> for 9 to 31 classes (LetterRecognition's 16-100-26): the classes past the first
/// eight do not fit the registers of the passes that hold the others' running sums, so each pass takes them in a loop
/// of its own. Forward, the first eight classes' logits are added while the hidden layer is computed, the rest from the
/// stored hidden layer, 16 samples along the lanes (up to 23 sums). Backward, per block of 16 hidden units, the hidden
/// gradient from every class first (eight samples side by side), then a loop over the samples with the running sums of
/// the input weights' and hidden biases' gradients; the output layer's gradients are computed apart, with the classes
/// along the lanes (NarrowClassifierKernel.WideOutput.cs).
/// Each value keeps its chain of operations in the GEMM path's order, so the weights stay bit for bit.
/// </summary>
internal static unsafe partial class NarrowClassifierKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PassWide<TK, TN>(ref Arguments args, bool backward)
        where TK : struct, ITileConstant
        where TN : struct, ITileConstant
    {
        if (backward) BackwardWide<TK>(ref args);
        else
        {
            Forward<TK, Eight>(ref args);
            WideLogits<TN>(ref args);
        }
    }

    /// <summary>The logits of classes 8 to <typeparamref name="TN"/> − 1 from the stored hidden layer: <c>Σ_h a[h]·w2[h, j]</c> from 0 in order, then the bias.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WideLogits<TN>(ref Arguments args)
        where TN : struct, ITileConstant
    {
        float* b2 = args.B2;
        int hidden = args.Hidden;
        nint ld = args.Ld;
        nint c = TN.Value;
        var zero = Vector512<float>.Zero;
        for (nint i = 0; i < ld; i += Width)
        {
            Vector512<float> r8 = zero, r9 = zero, r10 = zero, r11 = zero, r12 = zero, r13 = zero, r14 = zero, r15 = zero, r16 = zero, r17 = zero, r18 = zero;
            Vector512<float> r19 = zero, r20 = zero, r21 = zero, r22 = zero, r23 = zero, r24 = zero, r25 = zero, r26 = zero, r27 = zero, r28 = zero, r29 = zero, r30 = zero;
            float* a = args.A + i;
            float* w2h = args.W2;
            for (int h = 0; h < hidden; h++, a += ld, w2h += c)
            {
                var v = Vector512.Load(a);
                Logit<TN>(8, w2h, v, ref r8); Logit<TN>(9, w2h, v, ref r9); Logit<TN>(10, w2h, v, ref r10);
                Logit<TN>(11, w2h, v, ref r11); Logit<TN>(12, w2h, v, ref r12); Logit<TN>(13, w2h, v, ref r13);
                Logit<TN>(14, w2h, v, ref r14); Logit<TN>(15, w2h, v, ref r15); Logit<TN>(16, w2h, v, ref r16);
                Logit<TN>(17, w2h, v, ref r17); Logit<TN>(18, w2h, v, ref r18); Logit<TN>(19, w2h, v, ref r19);
                Logit<TN>(20, w2h, v, ref r20); Logit<TN>(21, w2h, v, ref r21); Logit<TN>(22, w2h, v, ref r22);
                Logit<TN>(23, w2h, v, ref r23); Logit<TN>(24, w2h, v, ref r24); Logit<TN>(25, w2h, v, ref r25);
                Logit<TN>(26, w2h, v, ref r26); Logit<TN>(27, w2h, v, ref r27); Logit<TN>(28, w2h, v, ref r28);
                Logit<TN>(29, w2h, v, ref r29); Logit<TN>(30, w2h, v, ref r30);
            }
            float* y = args.Y + i;
            StoreWideLogit<TN>(8, b2, y, ld, r8); StoreWideLogit<TN>(9, b2, y, ld, r9); StoreWideLogit<TN>(10, b2, y, ld, r10);
            StoreWideLogit<TN>(11, b2, y, ld, r11); StoreWideLogit<TN>(12, b2, y, ld, r12); StoreWideLogit<TN>(13, b2, y, ld, r13);
            StoreWideLogit<TN>(14, b2, y, ld, r14); StoreWideLogit<TN>(15, b2, y, ld, r15); StoreWideLogit<TN>(16, b2, y, ld, r16);
            StoreWideLogit<TN>(17, b2, y, ld, r17); StoreWideLogit<TN>(18, b2, y, ld, r18); StoreWideLogit<TN>(19, b2, y, ld, r19);
            StoreWideLogit<TN>(20, b2, y, ld, r20); StoreWideLogit<TN>(21, b2, y, ld, r21); StoreWideLogit<TN>(22, b2, y, ld, r22);
            StoreWideLogit<TN>(23, b2, y, ld, r23); StoreWideLogit<TN>(24, b2, y, ld, r24); StoreWideLogit<TN>(25, b2, y, ld, r25);
            StoreWideLogit<TN>(26, b2, y, ld, r26); StoreWideLogit<TN>(27, b2, y, ld, r27); StoreWideLogit<TN>(28, b2, y, ld, r28);
            StoreWideLogit<TN>(29, b2, y, ld, r29); StoreWideLogit<TN>(30, b2, y, ld, r30);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Logit<TN>(int j, float* w2h, Vector512<float> a, ref Vector512<float> r)
        where TN : struct, ITileConstant
    {
        if (j < TN.Value) r = Vector512.FusedMultiplyAdd(Vector512.Create(w2h[j]), a, r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreWideLogit<TN>(int j, float* b2, float* y, nint ld, Vector512<float> r)
        where TN : struct, ITileConstant
    {
        if (j < TN.Value) (r + Vector512.Create(b2[j])).Store(y + j * ld);
    }

    /// <summary>
    /// The hidden layer's gradients for more than 8 classes, per block of 16 hidden units: the hidden gradient, then the
    /// input weights' and hidden biases' gradients from it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardWide<TK>(ref Arguments args)
        where TK : struct, ITileConstant
    {
        // Two loops of their own: vector registers live across a call are kept on the stack, and the JIT kept the
        // running sums there too when the calls shared a method with the loop that adds to them.
        for (int h0 = 0; h0 < args.Hidden; h0 += Width)
        {
            HiddenGradient(ref args, h0);
            BlockGradients<TK>(ref args, h0);
        }
    }

    /// <summary>
    /// For hidden units h0 to h0 + 15, from the hidden gradient <see cref="HiddenGradient"/> stored: the input weights' and
    /// hidden biases' gradients, over the samples in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void BlockGradients<TK>(ref Arguments args, int h0)
        where TK : struct, ITileConstant
    {
        nint k = TK.Value;
        int padded = args.Hidden;
        int rows = args.Rows;
        var zero = Vector512<float>.Zero;
        Vector512<float> e0 = zero, e1 = zero, e2 = zero, e3 = zero, e4 = zero, e5 = zero, e6 = zero, e7 = zero;
        Vector512<float> e8 = zero, e9 = zero, e10 = zero, e11 = zero, e12 = zero, e13 = zero, e14 = zero, e15 = zero;
        var s = zero;
        float* x = args.X;
        float* dzi = args.DZ;
        for (int i = 0; i < rows; i++, x += k, dzi += Width)
        {
            var dz = Vector512.Load(dzi);
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
        s.Store(args.GB1 + h0);
    }

    /// <summary>
    /// The hidden gradient of units h0 to h0 + 15 into <c>args.DZ</c> ([samples × 16]): <c>Σ_j dY[i, j]·w2[h, j]</c> from
    /// class 0 in order, kept where the ReLU's output is positive. Eight samples at a time: each sum is a chain of one
    /// multiply-add per class, and eight chains side by side keep the multiply-adders busy where one chain of 26 waited
    /// on each result. Samples past the batch (up to the next eight, within the row stride) are computed and never read.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void HiddenGradient(ref Arguments args, int h0)
    {
        int padded = args.Hidden;
        int classes = args.Classes;
        nint ld = args.Ld;
        var zero = Vector512<float>.Zero;
        for (int i = 0; i < args.Rows; i += 8)
        {
            Vector512<float> z0 = zero, z1 = zero, z2 = zero, z3 = zero, z4 = zero, z5 = zero, z6 = zero, z7 = zero;
            float* dj = args.GradientT + i;
            float* w2T = args.W2 + h0;
            for (int j = 0; j < classes; j++, dj += ld, w2T += padded)
            {
                var w = Vector512.Load(w2T);
                z0 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[0]), w, z0);
                z1 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[1]), w, z1);
                z2 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[2]), w, z2);
                z3 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[3]), w, z3);
                z4 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[4]), w, z4);
                z5 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[5]), w, z5);
                z6 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[6]), w, z6);
                z7 = Vector512.FusedMultiplyAdd(Vector512.Create(dj[7]), w, z7);
            }
            float* a = args.A + (nint)i * padded + h0;
            float* dz = args.DZ + (nint)i * Width;
            Masked(a, padded, 0, z0, dz); Masked(a, padded, 1, z1, dz); Masked(a, padded, 2, z2, dz); Masked(a, padded, 3, z3, dz);
            Masked(a, padded, 4, z4, dz); Masked(a, padded, 5, z5, dz); Masked(a, padded, 6, z6, dz); Masked(a, padded, 7, z7, dz);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Masked(float* a, int padded, int sample, Vector512<float> z, float* dz)
    {
        var mask = Vector512.GreaterThan(Vector512.Load(a + (nint)sample * padded), Vector512<float>.Zero);
        Vector512.ConditionalSelect(mask, z, Vector512<float>.Zero).Store(dz + sample * Width);
    }
}
