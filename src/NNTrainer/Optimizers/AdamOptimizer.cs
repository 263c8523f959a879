using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NNTrainer;

/// <summary>
/// Adam: momentum on the gradient and RMSProp's cache, both bias-corrected:
/// <c>m = β₁m + (1 − β₁)g</c>, <c>c = β₂c + (1 − β₂)g²</c>,
/// <c>w −= lr · (m / (1 − β₁ᵗ)) / (√(c / (1 − β₂ᵗ)) + ε)</c> with t = iterations + 1 (the book's <c>Optimizer_Adam</c>).
/// </summary>
public sealed class AdamOptimizer : Optimizer
{
    /// <summary>Creates the optimizer. The defaults are the book's.</summary>
    /// <param name="learningRate">Learning rate (default 0.001).</param>
    /// <param name="decay">Learning-rate decay per step (default 0).</param>
    /// <param name="epsilon">Added to the denominator to avoid division by zero (default 1e−7).</param>
    /// <param name="beta1">Decay of the gradient's moving average, in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Decay of the squared gradient's moving average, in [0, 1) (default 0.999).</param>
    public AdamOptimizer(float learningRate = 0.001f, float decay = 0f, float epsilon = 1e-7f, float beta1 = 0.9f, float beta2 = 0.999f)
        : base(learningRate, decay)
    {
        if (!float.IsFinite(epsilon) || epsilon <= 0f) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be a finite number > 0.");
        if (!(beta1 >= 0f && beta1 < 1f)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "Beta1 must be in [0, 1).");
        if (!(beta2 >= 0f && beta2 < 1f)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "Beta2 must be in [0, 1).");
        Epsilon = epsilon;
        Beta1 = beta1;
        Beta2 = beta2;
    }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon { get; }

    /// <summary>Decay of the gradient's moving average.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the squared gradient's moving average.</summary>
    public float Beta2 { get; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var m = parameter.EnsureMomentums();
        var c = parameter.EnsureCache();
        var (correction1, correction2) = Corrections(Iterations + 1);
        var w = parameter.Values;
        if (NumberOfThreads > 1 && w.Length >= ParallelThreshold)
        {
            var job = _job ??= new StepJob();
            job.Set(parameter, CurrentLearningRate, Beta1, Beta2, Epsilon, correction1, correction2);
            WorkerPool.Shared.Run(job, NumberOfThreads, NumberOfThreads);
            return;
        }
        Step(w, parameter.Gradients, m, c, CurrentLearningRate, Beta1, Beta2, Epsilon, correction1, correction2);
    }

    private long _correctionsStep = -1;
    private float _correction1, _correction2;

    /// <summary>The bias corrections 1 / (1 − βᵗ) of step t, computed once per step rather than once per parameter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (float, float) Corrections(long t)
    {
        if (t != _correctionsStep)
        {
            _correction1 = (float)(1.0 / (1.0 - Math.Pow(Beta1, t)));
            _correction2 = (float)(1.0 / (1.0 - Math.Pow(Beta2, t)));
            _correctionsStep = t;
        }
        return (_correction1, _correction2);
    }

    // Below this many values a second thread costs more than it saves.
    private const int ParallelThreshold = 32 * 1024;

    private StepJob? _job;

    // One fused pass over the four arrays: each value is read and written once per step. The vector and scalar
    // loops evaluate the same IEEE operations in the same order (no contraction into FMA), so every element gets
    // the same result whichever loop handles it.
    internal static void Step(Span<float> w, ReadOnlySpan<float> g, Span<float> m, Span<float> c,
        float lr, float beta1, float beta2, float epsilon, float correction1, float correction2)
    {
        if (g.Length < w.Length || m.Length < w.Length || c.Length < w.Length) throw new ArgumentException("The parameter's buffers differ in length.", nameof(g));
        StepCore(ref MemoryMarshal.GetReference(w), ref MemoryMarshal.GetReference(g), ref MemoryMarshal.GetReference(m), ref MemoryMarshal.GetReference(c),
            w.Length, lr, beta1, beta2, epsilon, correction1, correction2);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StepCore(ref float wr, ref float gr, ref float mr, ref float cr, int length,
        float lr, float beta1, float beta2, float epsilon, float correction1, float correction2)
    {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        var b1 = Vector512.Create(beta1);
        var b2 = Vector512.Create(beta2);
        var ob1 = Vector512.Create(oneMinusBeta1);
        var ob2 = Vector512.Create(oneMinusBeta2);
        var eps = Vector512.Create(epsilon);
        var k1 = Vector512.Create(correction1);
        var k2 = Vector512.Create(correction2);
        var nlr = Vector512.Create(-lr);
        int i = 0;
        int end = length;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= end - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var gv = Vector512.LoadUnsafe(ref gr, (nuint)i);
                var mv = b1 * Vector512.LoadUnsafe(ref mr, (nuint)i) + ob1 * gv;
                var cv = b2 * Vector512.LoadUnsafe(ref cr, (nuint)i) + ob2 * (gv * gv);
                mv.StoreUnsafe(ref mr, (nuint)i);
                cv.StoreUnsafe(ref cr, (nuint)i);
                var update = nlr * (mv * k1) / (Vector512.Sqrt(cv * k2) + eps);
                (Vector512.LoadUnsafe(ref wr, (nuint)i) + update).StoreUnsafe(ref wr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
                var mv = b1.GetLower() * Vector256.LoadUnsafe(ref mr, (nuint)i) + ob1.GetLower() * gv;
                var cv = b2.GetLower() * Vector256.LoadUnsafe(ref cr, (nuint)i) + ob2.GetLower() * (gv * gv);
                mv.StoreUnsafe(ref mr, (nuint)i);
                cv.StoreUnsafe(ref cr, (nuint)i);
                var update = nlr.GetLower() * (mv * k1.GetLower()) / (Vector256.Sqrt(cv * k2.GetLower()) + eps.GetLower());
                (Vector256.LoadUnsafe(ref wr, (nuint)i) + update).StoreUnsafe(ref wr, (nuint)i);
            }
        }
        for (; i < end; i++)
        {
            float gi = Unsafe.Add(ref gr, i);
            float mi = beta1 * Unsafe.Add(ref mr, i) + oneMinusBeta1 * gi;
            float ci = beta2 * Unsafe.Add(ref cr, i) + oneMinusBeta2 * (gi * gi);
            Unsafe.Add(ref mr, i) = mi;
            Unsafe.Add(ref cr, i) = ci;
            Unsafe.Add(ref wr, i) += -lr * (mi * correction1) / (MathF.Sqrt(ci * correction2) + epsilon);
        }
    }

    /// <summary>
    /// One parameter's update split into one contiguous range per thread (on 16-value boundaries) for the
    /// <see cref="WorkerPool"/>: contiguous, because two threads writing neighbouring values of one cache line make the
    /// line bounce between cores. The update is element-wise with the same arithmetic in every loop, so the split cannot
    /// change a result.
    /// </summary>
    private sealed class StepJob : ParallelWork
    {
        private Parameter? _parameter;
        private float _lr, _beta1, _beta2, _epsilon, _correction1, _correction2;

        public void Set(Parameter parameter, float lr, float beta1, float beta2, float epsilon, float correction1, float correction2)
        {
            _parameter = parameter;
            (_lr, _beta1, _beta2, _epsilon, _correction1, _correction2) = (lr, beta1, beta2, epsilon, correction1, correction2);
        }

        public override void Run(int part, int parts)
        {
            var p = _parameter!;
            int length = p.Values.Length;
            int start = Boundary(length, part, parts);
            int count = Boundary(length, part + 1, parts) - start;
            Step(p.Values.AsSpan(start, count), p.Gradients.AsSpan(start, count), p.Momentums.AsSpan(start, count), p.Cache.AsSpan(start, count),
                _lr, _beta1, _beta2, _epsilon, _correction1, _correction2);
        }

        private static int Boundary(int length, int part, int parts) =>
            part == parts ? length : (int)((long)length * part / parts) & ~15;
    }
}
