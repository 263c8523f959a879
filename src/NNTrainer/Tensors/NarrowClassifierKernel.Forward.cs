namespace NNTrainer.Tensors;

/// <summary>
/// The forward pass of <see cref="NarrowClassifierKernel"/>, samples along the lanes in groups of 32: two hidden units at
/// a time from the inputs (read from memory), each stored and added to the first eight classes' logits, which stay in registers.
/// </summary>
internal static unsafe partial class NarrowClassifierKernel
{
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
            int h = 0;
            // Two hidden units at a time: each value is a chain of one multiply-add per input, and two units' chains side
            // by side keep the multiply-adders busy where one unit's waited on each result.
            for (; h + 1 < hidden; h += 2, w2h += 2 * c)
            {
                // The hidden value: Σ_p x_p·w1[p, h] from 0 in order, + b1[h], ReLU (DenseLayer's chain and epilogue).
                float* w1h = w1 + h;
                Vector512<float> za = zero, zb = zero, ya = zero, yb = zero;
                AddInputs<TK>(0, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(1, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                AddInputs<TK>(2, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(3, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                AddInputs<TK>(4, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(5, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                AddInputs<TK>(6, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(7, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                AddInputs<TK>(8, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(9, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                AddInputs<TK>(10, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(11, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                AddInputs<TK>(12, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(13, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                AddInputs<TK>(14, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb); AddInputs<TK>(15, x, ld, w1h, hidden, ref za, ref zb, ref ya, ref yb);
                var bias = Vector512.Create(b1[h]);
                za = ReLU(za + bias);
                zb = ReLU(zb + bias);
                bias = Vector512.Create(b1[h + 1]);
                ya = ReLU(ya + bias);
                yb = ReLU(yb + bias);
                za.Store(args.A + h * ld + i);
                zb.Store(args.A + h * ld + i + Width);
                ya.Store(args.A + (h + 1) * ld + i);
                yb.Store(args.A + (h + 1) * ld + i + Width);
                AddLogits<TC>(w2h, za, zb, ref l0a, ref l0b, ref l1a, ref l1b, ref l2a, ref l2b, ref l3a, ref l3b, ref l4a, ref l4b, ref l5a, ref l5b, ref l6a, ref l6b, ref l7a, ref l7b);
                AddLogits<TC>(w2h + c, ya, yb, ref l0a, ref l0b, ref l1a, ref l1b, ref l2a, ref l2b, ref l3a, ref l3b, ref l4a, ref l4b, ref l5a, ref l5b, ref l6a, ref l6b, ref l7a, ref l7b);
            }
            if (h < hidden)
            {
                float* w1h = w1 + h;
                Vector512<float> za = zero, zb = zero;
                AddInput<TK>(0, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(1, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(2, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(3, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(4, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(5, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(6, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(7, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(8, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(9, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(10, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(11, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(12, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(13, x, ld, w1h, hidden, ref za, ref zb);
                AddInput<TK>(14, x, ld, w1h, hidden, ref za, ref zb); AddInput<TK>(15, x, ld, w1h, hidden, ref za, ref zb);
                var bias = Vector512.Create(b1[h]);
                za = ReLU(za + bias);
                zb = ReLU(zb + bias);
                za.Store(args.A + h * ld + i);
                zb.Store(args.A + h * ld + i + Width);
                AddLogits<TC>(w2h, za, zb, ref l0a, ref l0b, ref l1a, ref l1b, ref l2a, ref l2b, ref l3a, ref l3b, ref l4a, ref l4b, ref l5a, ref l5b, ref l6a, ref l6b, ref l7a, ref l7b);
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

    /// <summary>Input <paramref name="p"/>'s products for hidden units h and h + 1 (<paramref name="w1h"/> points at w1[0, h]), added to their chains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddInputs<TK>(int p, float* x, nint ld, float* w1h, int hidden, ref Vector512<float> za, ref Vector512<float> zb,
        ref Vector512<float> ya, ref Vector512<float> yb)
        where TK : struct, ITileConstant
    {
        if (p >= TK.Value) return;
        var xa = Vector512.Load(x + p * ld);
        var xb = Vector512.Load(x + p * ld + Width);
        var w = Vector512.Create(w1h[p * hidden]);
        za = Vector512.FusedMultiplyAdd(xa, w, za);
        zb = Vector512.FusedMultiplyAdd(xb, w, zb);
        var v = Vector512.Create(w1h[p * hidden + 1]);
        ya = Vector512.FusedMultiplyAdd(xa, v, ya);
        yb = Vector512.FusedMultiplyAdd(xb, v, yb);
    }

    /// <summary>One hidden unit's outputs <paramref name="za"/>, <paramref name="zb"/> times its row of output weights, added to every class's logits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddLogits<TC>(float* w2h, Vector512<float> za, Vector512<float> zb, ref Vector512<float> l0a, ref Vector512<float> l0b,
        ref Vector512<float> l1a, ref Vector512<float> l1b, ref Vector512<float> l2a, ref Vector512<float> l2b, ref Vector512<float> l3a, ref Vector512<float> l3b,
        ref Vector512<float> l4a, ref Vector512<float> l4b, ref Vector512<float> l5a, ref Vector512<float> l5b, ref Vector512<float> l6a, ref Vector512<float> l6b,
        ref Vector512<float> l7a, ref Vector512<float> l7b)
        where TC : struct, ITileConstant
    {
        AddLogit<TC>(0, w2h, za, zb, ref l0a, ref l0b); AddLogit<TC>(1, w2h, za, zb, ref l1a, ref l1b);
        AddLogit<TC>(2, w2h, za, zb, ref l2a, ref l2b); AddLogit<TC>(3, w2h, za, zb, ref l3a, ref l3b);
        AddLogit<TC>(4, w2h, za, zb, ref l4a, ref l4b); AddLogit<TC>(5, w2h, za, zb, ref l5a, ref l5b);
        AddLogit<TC>(6, w2h, za, zb, ref l6a, ref l6b); AddLogit<TC>(7, w2h, za, zb, ref l7a, ref l7b);
    }

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
}
