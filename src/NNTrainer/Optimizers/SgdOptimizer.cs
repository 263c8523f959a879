using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using NNTrainer.Layers;

namespace NNTrainer.Optimizers;

/// <summary>
/// Stochastic gradient descent, optionally with momentum: <c>update = momentum·update_prev − lr·g</c>,
/// <c>w += update</c> (the book's <c>Optimizer_SGD</c>); with <see cref="Nesterov"/>, the Keras form of Nesterov
/// momentum: <c>v = μv − lr·g</c>, <c>w += μv − lr·g</c>.
/// </summary>
/// <remarks>
/// PyTorch keeps the velocity without the learning rate (<c>b = μb + g</c>, <c>w −= lr·(g + μb)</c> with Nesterov,
/// <c>w −= lr·b</c> without). With a constant rate the two forms are the same algorithm, <c>v = −lr·b</c> at every step,
/// and give the same weights up to rounding; when the rate changes (decay, a schedule) the Keras form keeps the
/// velocity built up at the old rates while PyTorch rescales it to the new one.
/// </remarks>
public sealed class SgdOptimizer : Optimizer
{
    /// <summary>Creates the optimizer. The defaults are the book's.</summary>
    /// <param name="learningRate">Learning rate (default 1.0, the book's).</param>
    /// <param name="decay">Learning-rate decay per step (default 0).</param>
    /// <param name="momentum">Fraction of the previous update kept, in [0, 1) (default 0: plain SGD).</param>
    /// <param name="nesterov">Use Nesterov momentum (default false); needs a momentum &gt; 0.</param>
    public SgdOptimizer(float learningRate = 1.0f, float decay = 0f, float momentum = 0f, bool nesterov = false)
        : base(learningRate, decay)
    {
        if (!(momentum >= 0f && momentum < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1).");
        }
        if (nesterov && momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs a momentum > 0.", nameof(nesterov));
        }
        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>Fraction of the previous update kept.</summary>
    public float Momentum { get; }

    /// <summary>Whether the update looks ahead along the velocity (Nesterov momentum, Keras form).</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public override void Update(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        Step(parameter.Values, parameter.Gradients, Momentum > 0f ? parameter.EnsureMomentums() : default, CurrentLearningRate);
    }

    /// <inheritdoc />
    internal override bool UpdatesRows => true;

    /// <inheritdoc />
    /// <remarks>Each row gets the arithmetic <see cref="Update"/> gives it; without momentum that is the dense update bit for bit.</remarks>
    internal override void UpdateRows(Parameter parameter, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        float lr = CurrentLearningRate;
        int n = parameter.Columns;
        var m = Momentum > 0f ? parameter.EnsureMomentums() : null;
        foreach (int row in rows)
        {
            int at = row * n;
            Step(parameter.Values.AsSpan(at, n), parameter.Gradients.AsSpan(at, n), m is null ? default : m.AsSpan(at, n), lr);
        }
    }

    /// <summary>One update of the values <paramref name="w"/> (a whole parameter or one row of it); <paramref name="m"/> is empty without momentum.</summary>
    private void Step(Span<float> w, ReadOnlySpan<float> g, Span<float> m, float lr)
    {
        if (Nesterov)
        {
            NesterovStep(w, g, m, Momentum, lr);
        }
        else if (Momentum > 0f)
        {
            // m = momentum·m − lr·g; w += m
            TensorPrimitives.Multiply(m, Momentum, m);
            TensorPrimitives.MultiplyAdd(g, -lr, m, m);
            TensorPrimitives.Add(w, m, w);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(g, -lr, w, w);
        }
    }

    /// <summary>
    /// <c>v = μv − lr·g</c>, <c>w += μv − lr·g</c> in one pass; the vector and scalar loops do the same operations in the
    /// same order, so the result does not depend on which handles an element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void NesterovStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, float mu, float lr)
    {
        if (g.Length < w.Length || v.Length < w.Length) throw new ArgumentException("The parameter's buffers differ in length.", nameof(g));
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float gr = ref MemoryMarshal.GetReference(g);
        ref float vr = ref MemoryMarshal.GetReference(v);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var muV = Vector256.Create(mu);
            var nlr = Vector256.Create(-lr);
            for (; i <= w.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var step = nlr * Vector256.LoadUnsafe(ref gr, (nuint)i);
                var velocity = muV * Vector256.LoadUnsafe(ref vr, (nuint)i) + step;
                velocity.StoreUnsafe(ref vr, (nuint)i);
                (Vector256.LoadUnsafe(ref wr, (nuint)i) + (muV * velocity + step)).StoreUnsafe(ref wr, (nuint)i);
            }
        }
        for (; i < w.Length; i++)
        {
            float step = -lr * g[i];
            float velocity = mu * v[i] + step;
            v[i] = velocity;
            w[i] += mu * velocity + step;
        }
    }
}
