using System.Runtime.InteropServices;
using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Optimizers;

/// <summary>
/// The update of <see cref="AdamOptimizer"/> and <see cref="AdamWOptimizer"/> in one fused pass over a parameter's four
/// arrays (values, gradients, first moments, cache), optionally split over threads: <c>m = β₁m + (1 − β₁)g</c>,
/// <c>c = β₂c + (1 − β₂)g²</c>, <c>w = w·keep − lr·(m·k₁) / (√(c·k₂) + ε)</c>, where k₁, k₂ are the bias corrections and
/// keep is AdamW's decoupled decay <c>1 − lr·λ</c> (1 for Adam, which leaves w unchanged bit for bit).
/// </summary>
internal sealed class AdamKernel
{
    // Below this many values a second thread costs more than it saves.
    private const int ParallelThreshold = 32 * 1024;

    private StepJob? _job;
    private AdamCorrections _corrections = AdamCorrections.None;

    /// <summary>Checks and keeps the hyperparameters both optimizers share.</summary>
    public AdamKernel(float epsilon, float beta1, float beta2)
    {
        Epsilon = OptimizerArguments.Epsilon(epsilon);
        Beta1 = OptimizerArguments.UnitDecay(beta1, nameof(beta1));
        Beta2 = OptimizerArguments.UnitDecay(beta2, nameof(beta2));
    }

    /// <summary>Added to the denominator to avoid division by zero.</summary>
    public float Epsilon { get; }

    /// <summary>Decay of the gradient's moving average.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the squared gradient's moving average.</summary>
    public float Beta2 { get; }

    /// <summary>Updates <paramref name="parameter"/> in place with step <paramref name="t"/>'s bias corrections (t = iterations + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(Parameter parameter, long t, float lr, float keep, int threads)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var (correction1, correction2) = _corrections.For(t, Beta1, Beta2);
        float beta1 = Beta1, beta2 = Beta2, epsilon = Epsilon;
        var m = parameter.EnsureMomentums();
        var c = parameter.EnsureCache();
        var w = parameter.Values;
        if (threads > 1 && w.Length >= ParallelThreshold)
        {
            var job = _job ??= new StepJob();
            job.Set(parameter, lr, beta1, beta2, epsilon, correction1, correction2, keep);
            WorkerPool.Shared.Run(job, threads, threads);
            return;
        }
        Step(w, parameter.Gradients, m, c, lr, beta1, beta2, epsilon, correction1, correction2, keep);
    }

    /// <summary>
    /// The update of <see cref="Update"/> on the rows <paramref name="rows"/> of a [rows × columns] parameter only, with
    /// step <paramref name="t"/>'s bias corrections: the other rows' moments do not decay (the "lazy" Adam of sparse inputs).
    /// </summary>
    public void UpdateRows(Parameter parameter, ReadOnlySpan<int> rows, long t, float lr, float keep)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var (correction1, correction2) = _corrections.For(t, Beta1, Beta2);
        var m = parameter.EnsureMomentums();
        var c = parameter.EnsureCache();
        var w = parameter.Values;
        var g = parameter.Gradients;
        int n = parameter.Columns;
        foreach (int row in rows)
        {
            int at = row * n;
            Step(w.AsSpan(at, n), g.AsSpan(at, n), m.AsSpan(at, n), c.AsSpan(at, n), lr, Beta1, Beta2, Epsilon, correction1, correction2, keep);
        }
    }

    // The vector and scalar loops evaluate the same IEEE operations in the same order (no contraction into FMA), so
    // every element gets the same result whichever loop handles it.
    internal static void Step(Span<float> w, ReadOnlySpan<float> g, Span<float> m, Span<float> c,
        float lr, float beta1, float beta2, float epsilon, float correction1, float correction2, float keep)
    {
        if (g.Length < w.Length || m.Length < w.Length || c.Length < w.Length) throw new ArgumentException("The parameter's buffers differ in length.", nameof(g));
        StepCore(ref MemoryMarshal.GetReference(w), ref MemoryMarshal.GetReference(g), ref MemoryMarshal.GetReference(m), ref MemoryMarshal.GetReference(c),
            w.Length, lr, beta1, beta2, epsilon, correction1, correction2, keep);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StepCore(ref float wr, ref float gr, ref float mr, ref float cr, int length,
        float lr, float beta1, float beta2, float epsilon, float correction1, float correction2, float keep)
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
        var kp = Vector512.Create(keep);
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
                (Vector512.LoadUnsafe(ref wr, (nuint)i) * kp + update).StoreUnsafe(ref wr, (nuint)i);
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
                (Vector256.LoadUnsafe(ref wr, (nuint)i) * kp.GetLower() + update).StoreUnsafe(ref wr, (nuint)i);
            }
        }
        for (; i < end; i++)
        {
            float gi = Unsafe.Add(ref gr, i);
            float mi = beta1 * Unsafe.Add(ref mr, i) + oneMinusBeta1 * gi;
            float ci = beta2 * Unsafe.Add(ref cr, i) + oneMinusBeta2 * (gi * gi);
            Unsafe.Add(ref mr, i) = mi;
            Unsafe.Add(ref cr, i) = ci;
            float update = -lr * (mi * correction1) / (MathF.Sqrt(ci * correction2) + epsilon);
            Unsafe.Add(ref wr, i) = Unsafe.Add(ref wr, i) * keep + update;
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
        private float _lr, _beta1, _beta2, _epsilon, _correction1, _correction2, _keep;

        public void Set(Parameter parameter, float lr, float beta1, float beta2, float epsilon, float correction1, float correction2, float keep)
        {
            _parameter = parameter;
            (_lr, _beta1, _beta2, _epsilon, _correction1, _correction2, _keep) = (lr, beta1, beta2, epsilon, correction1, correction2, keep);
        }

        public override void Run(int part, int parts)
        {
            var p = _parameter!;
            int length = p.Values.Length;
            int start = Boundary(length, part, parts);
            int count = Boundary(length, part + 1, parts) - start;
            Step(p.Values.AsSpan(start, count), p.Gradients.AsSpan(start, count), p.Momentums.AsSpan(start, count), p.Cache.AsSpan(start, count),
                _lr, _beta1, _beta2, _epsilon, _correction1, _correction2, _keep);
        }

        private static int Boundary(int length, int part, int parts) =>
            part == parts ? length : (int)((long)length * part / parts) & ~15;
    }
}
