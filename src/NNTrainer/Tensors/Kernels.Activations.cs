namespace NNTrainer.Tensors;

/// <summary>The activations' element-wise kernels: ReLU, leaky ReLU, and the backward passes of sigmoid and tanh.</summary>
internal static partial class Kernels
{
    /// <summary>
    /// <c>outputs = max(0, inputs)</c>, the book's <c>np.maximum(0, inputs)</c>: written as "x &lt; 0 ? 0 : x" so a
    /// NaN passes through (and training's divergence check sees it) instead of being turned into 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLUForward(ReadOnlySpan<float> inputs, Span<float> outputs) =>
        LaneLoop.Apply(inputs, outputs, default(ReLU));

    /// <summary><c>dInputs = inputs &gt; 0 ? dValues : 0</c> (ReLU's derivative, as the book masks it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLUBackward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> dValues, Span<float> dInputs) =>
        LaneLoop.Apply(inputs, dValues, dInputs, default(ReLUGradient));

    /// <summary><c>outputs = inputs &gt; 0 ? inputs : alpha · inputs</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeakyReLUForward(ReadOnlySpan<float> inputs, float alpha, Span<float> outputs) =>
        LaneLoop.Apply(inputs, outputs, new LeakyReLU(alpha));

    /// <summary><c>dInputs = inputs &gt; 0 ? dValues : alpha · dValues</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeakyReLUBackward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> dValues, float alpha, Span<float> dInputs) =>
        LaneLoop.Apply(inputs, dValues, dInputs, new LeakyReLUGradient(alpha));

    /// <summary><c>dInputs = dValues · (1 − s) · s</c> where <c>s</c> is the sigmoid's output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SigmoidBackward(ReadOnlySpan<float> outputs, ReadOnlySpan<float> dValues, Span<float> dInputs) =>
        LaneLoop.Apply(outputs, dValues, dInputs, default(SigmoidGradient));

    /// <summary><c>dInputs = dValues · (1 − t²)</c> where <c>t</c> is tanh's output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TanhBackward(ReadOnlySpan<float> outputs, ReadOnlySpan<float> dValues, Span<float> dInputs) =>
        LaneLoop.Apply(outputs, dValues, dInputs, default(TanhGradient));

    private readonly struct ReLU : IUnaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), Vector512<float>.Zero, x);

        public Vector256<float> Apply(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), Vector256<float>.Zero, x);

        public float Apply(float x) => x < 0f ? 0f : x;
    }

    /// <summary>The gradient <c>d</c> where the input <c>x</c> is positive, +0 elsewhere (a NaN input included).</summary>
    private readonly struct ReLUGradient : IBinaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> x, Vector512<float> d) => Vector512.BitwiseAnd(Vector512.GreaterThan(x, Vector512<float>.Zero), d);

        public Vector256<float> Apply(Vector256<float> x, Vector256<float> d) => Vector256.BitwiseAnd(Vector256.GreaterThan(x, Vector256<float>.Zero), d);

        public float Apply(float x, float d) => x > 0f ? d : 0f;
    }

    private readonly struct LeakyReLU(float alpha) : IUnaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, x * alpha);

        public Vector256<float> Apply(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, x * alpha);

        public float Apply(float x) => x > 0f ? x : alpha * x;
    }

    private readonly struct LeakyReLUGradient(float alpha) : IBinaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> x, Vector512<float> d) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), d, d * alpha);

        public Vector256<float> Apply(Vector256<float> x, Vector256<float> d) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), d, d * alpha);

        public float Apply(float x, float d) => x > 0f ? d : alpha * d;
    }

    /// <summary><c>d · (1 − s) · s</c> from the sigmoid's output s, multiplied in the same order in every lane.</summary>
    private readonly struct SigmoidGradient : IBinaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> s, Vector512<float> d) => d * (Vector512<float>.One - s) * s;

        public Vector256<float> Apply(Vector256<float> s, Vector256<float> d) => d * (Vector256<float>.One - s) * s;

        public float Apply(float s, float d) => d * (1f - s) * s;
    }

    /// <summary><c>d · (1 − t²)</c> from tanh's output t.</summary>
    private readonly struct TanhGradient : IBinaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> t, Vector512<float> d) => d * (Vector512<float>.One - t * t);

        public Vector256<float> Apply(Vector256<float> t, Vector256<float> d) => d * (Vector256<float>.One - t * t);

        public float Apply(float t, float d) => d * (1f - t * t);
    }
}
