using System.Runtime.InteropServices;

namespace NNTrainer.Tensors;

/// <summary>The activations' element-wise kernels: ReLU, leaky ReLU, and the backward passes of sigmoid and tanh.</summary>
internal static partial class Kernels
{
    /// <summary>
    /// <c>outputs = max(0, inputs)</c>, the book's <c>np.maximum(0, inputs)</c>: written as "x &lt; 0 ? 0 : x" so a
    /// NaN passes through (and training's divergence check sees it) instead of being turned into 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLUForward(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        if (outputs.Length < inputs.Length) throw new ArgumentException("The destination is too short.", nameof(outputs));
        ref float x = ref MemoryMarshal.GetReference(inputs);
        ref float o = ref MemoryMarshal.GetReference(outputs);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= inputs.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x, (nuint)i);
                Vector512.ConditionalSelect(Vector512.LessThan(v, Vector512<float>.Zero), Vector512<float>.Zero, v).StoreUnsafe(ref o, (nuint)i);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= inputs.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref x, (nuint)i);
                Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<float>.Zero), Vector256<float>.Zero, v).StoreUnsafe(ref o, (nuint)i);
            }
        }
        for (; i < inputs.Length; i++)
        {
            float v = Unsafe.Add(ref x, i);
            Unsafe.Add(ref o, i) = v < 0f ? 0f : v;
        }
    }

    /// <summary><c>dInputs = inputs &gt; 0 ? dValues : 0</c> (ReLU's derivative, as the book masks it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLUBackward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> dValues, Span<float> dInputs)
    {
        if (dValues.Length < inputs.Length || dInputs.Length < inputs.Length) throw new ArgumentException("The spans differ in length.", nameof(dValues));
        ref float x = ref MemoryMarshal.GetReference(inputs);
        ref float d = ref MemoryMarshal.GetReference(dValues);
        ref float o = ref MemoryMarshal.GetReference(dInputs);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= inputs.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var mask = Vector512.GreaterThan(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512<float>.Zero);
                Vector512.BitwiseAnd(mask, Vector512.LoadUnsafe(ref d, (nuint)i)).StoreUnsafe(ref o, (nuint)i);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= inputs.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var mask = Vector256.GreaterThan(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256<float>.Zero);
                Vector256.BitwiseAnd(mask, Vector256.LoadUnsafe(ref d, (nuint)i)).StoreUnsafe(ref o, (nuint)i);
            }
        }
        for (; i < inputs.Length; i++) Unsafe.Add(ref o, i) = Unsafe.Add(ref x, i) > 0f ? Unsafe.Add(ref d, i) : 0f;
    }

    /// <summary><c>outputs = inputs &gt; 0 ? inputs : alpha · inputs</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeakyReLUForward(ReadOnlySpan<float> inputs, float alpha, Span<float> outputs)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var a = Vector256.Create(alpha);
            ref float x = ref MemoryMarshal.GetReference(inputs);
            ref float o = ref MemoryMarshal.GetReference(outputs);
            for (; i <= inputs.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref x, (nuint)i);
                Vector256.ConditionalSelect(Vector256.GreaterThan(v, Vector256<float>.Zero), v, v * a).StoreUnsafe(ref o, (nuint)i);
            }
        }
        for (; i < inputs.Length; i++) outputs[i] = inputs[i] > 0f ? inputs[i] : alpha * inputs[i];
    }

    /// <summary><c>dInputs = inputs &gt; 0 ? dValues : alpha · dValues</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeakyReLUBackward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> dValues, float alpha, Span<float> dInputs)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var a = Vector256.Create(alpha);
            ref float x = ref MemoryMarshal.GetReference(inputs);
            ref float d = ref MemoryMarshal.GetReference(dValues);
            ref float o = ref MemoryMarshal.GetReference(dInputs);
            for (; i <= inputs.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var dv = Vector256.LoadUnsafe(ref d, (nuint)i);
                var mask = Vector256.GreaterThan(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256<float>.Zero);
                Vector256.ConditionalSelect(mask, dv, dv * a).StoreUnsafe(ref o, (nuint)i);
            }
        }
        for (; i < inputs.Length; i++) dInputs[i] = inputs[i] > 0f ? dValues[i] : alpha * dValues[i];
    }

    /// <summary><c>dInputs = dValues · (1 − s) · s</c> where <c>s</c> is the sigmoid's output.</summary>
    public static void SigmoidBackward(ReadOnlySpan<float> outputs, ReadOnlySpan<float> dValues, Span<float> dInputs) =>
        BackwardFromOutputs<SigmoidDerivative>(outputs, dValues, dInputs);

    /// <summary><c>dInputs = dValues · (1 − t²)</c> where <c>t</c> is tanh's output.</summary>
    public static void TanhBackward(ReadOnlySpan<float> outputs, ReadOnlySpan<float> dValues, Span<float> dInputs) =>
        BackwardFromOutputs<TanhDerivative>(outputs, dValues, dInputs);

    /// <summary>The backward pass of an activation whose derivative is a function of its own output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardFromOutputs<TDerivative>(ReadOnlySpan<float> outputs, ReadOnlySpan<float> dValues, Span<float> dInputs)
        where TDerivative : struct, IOutputDerivative
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float y = ref MemoryMarshal.GetReference(outputs);
            ref float d = ref MemoryMarshal.GetReference(dValues);
            ref float o = ref MemoryMarshal.GetReference(dInputs);
            for (; i <= outputs.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                TDerivative.Chain(Vector256.LoadUnsafe(ref d, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i)).StoreUnsafe(ref o, (nuint)i);
            }
        }
        for (; i < outputs.Length; i++) dInputs[i] = TDerivative.Chain(dValues[i], outputs[i]);
    }

    /// <summary>
    /// <c>d · f′</c> with f′ written in the activation's output y; vector and scalar lanes multiply in the same order,
    /// so a value's gradient does not depend on where it sits in the span.
    /// </summary>
    private interface IOutputDerivative
    {
        static abstract Vector256<float> Chain(Vector256<float> d, Vector256<float> y);

        static abstract float Chain(float d, float y);
    }

    private readonly struct SigmoidDerivative : IOutputDerivative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Chain(Vector256<float> d, Vector256<float> s) => d * (Vector256<float>.One - s) * s;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Chain(float d, float s) => d * (1f - s) * s;
    }

    private readonly struct TanhDerivative : IOutputDerivative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Chain(Vector256<float> d, Vector256<float> t) => d * (Vector256<float>.One - t * t);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Chain(float d, float t) => d * (1f - t * t);
    }
}
