using System.Numerics;
using System.Runtime.InteropServices;

namespace NNTrainer.Tensors;

/// <summary>
/// <see cref="SoftmaxCrossEntropyKernel"/> for logits stored transposed, one row per class and one column per sample
/// (<c>[classes × ld]</c>, as <see cref="TransposedDense"/> computes them for a classifier with a handful of classes):
/// the softmax, the summed sample losses, the correct predictions and the gradient <c>(ŷ − y) / samples</c> (written
/// transposed too), with the samples along the vector lanes instead of a few classes per row.
/// </summary>
/// <remarks>
/// Each value goes through the operations <see cref="Kernels.Softmax"/>, <see cref="Kernels.ArgMax"/> and
/// <see cref="SoftmaxCrossEntropyKernel.Step"/> apply to it, in the same order (maximum, shift, <see cref="ExpKernel"/>,
/// sum from 0 over the classes in order, division; clamp, <see cref="LogKernel"/>, loss summed over samples in order),
/// so the results are bit-identical to those of the row-major kernels (<see cref="ExpKernel"/> gives a value the same
/// result in a vector lane or alone). Targets are class indices. The work is done in two passes over the batch (the
/// shifted exponentials, then the rest), each made of independent iterations.
/// </remarks>
internal static class TransposedSoftmaxCrossEntropyKernel
{
    [ThreadStatic]
    private static double[]? _confidences;

    /// <summary>The step for <paramref name="rows"/> samples; columns from <paramref name="rows"/> to <paramref name="ld"/> are ignored.</summary>
    /// <param name="logitsT">The logits, bias included, [classes × ld].</param>
    /// <param name="ld">Row stride of <paramref name="logitsT"/> and <paramref name="gradientT"/>.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="rows">Number of samples.</param>
    /// <param name="labels">One class index per sample.</param>
    /// <param name="gradientT">Destination of the gradient with respect to the logits, [classes × ld].</param>
    /// <param name="weights">Empty, or one weight per sample: the loss is then <c>Σ wᵣ·lᵣ</c> (the gradient stays unweighted).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double LossSum, long Correct) Step(ReadOnlySpan<float> logitsT, int ld, int classes, int rows, ReadOnlySpan<float> labels, Span<float> gradientT, ReadOnlySpan<float> weights = default)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "The fused classifier pass needs at least two classes.");
        if (ld < rows || logitsT.Length < (long)classes * ld || gradientT.Length < (long)classes * ld) throw new ArgumentException("The transposed buffers are smaller than classes × ld.", nameof(logitsT));
        if (labels.Length < rows) throw new ArgumentException($"{rows} outputs but {labels.Length} targets.", nameof(labels));
        CheckLabels(labels.Slice(0, rows), classes);
        if (_confidences is null || _confidences.Length < rows) _confidences = new double[rows];
        var confidences = _confidences.AsSpan(0, rows);
        ref float z = ref MemoryMarshal.GetReference(logitsT);
        ref float g = ref MemoryMarshal.GetReference(gradientT);
        ref float y = ref MemoryMarshal.GetReference(labels);
        ref double c = ref MemoryMarshal.GetReference(confidences);

        // Pass 1: the exponential of each logit minus its sample's maximum, written where the probabilities will be.
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= rows - TileVector512.Width; i += TileVector512.Width) Shift<Vector512<float>, TileVector512>(ref z, ref g, ld, classes, i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= rows - TileVector256.Width; i += TileVector256.Width) Shift<Vector256<float>, TileVector256>(ref z, ref g, ld, classes, i);
        }
        for (; i < rows; i++) Shift(ref z, ref g, ld, classes, i);

        // Pass 2: probabilities, prediction, gradient and the label's clamped probability.
        float invSamples = 1f / rows;
        long correct = 0;
        i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= rows - TileVector512.Width; i += TileVector512.Width) correct += Finish<Vector512<float>, TileVector512>(ref g, ref y, ref c, ld, classes, invSamples, i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= rows - TileVector256.Width; i += TileVector256.Width) correct += Finish<Vector256<float>, TileVector256>(ref g, ref y, ref c, ld, classes, invSamples, i);
        }
        for (; i < rows; i++) correct += Finish(ref g, ref y, ref c, ld, classes, invSamples, i);

        LogKernel.Log(confidences);
        if (!weights.IsEmpty) return (SoftmaxCrossEntropyKernel.SumLosses(confidences, weights), correct);
        double loss = 0;
        foreach (double logConfidence in confidences) loss -= logConfidence;
        return (loss, correct);
    }

    /// <summary>Throws, naming the first row whose label is not a class index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckLabels(ReadOnlySpan<float> labels, int classes)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref float y = ref MemoryMarshal.GetReference(labels);
            var limit = Vector512.Create(classes);
            for (; i <= labels.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.LoadUnsafe(ref y, (nuint)i);
                var index = Vector512.ConvertToInt32(v);
                var valid = Vector512.Equals(Vector512.ConvertToSingle(index), v).AsInt32()
                    & Vector512.GreaterThanOrEqual(index, Vector512<int>.Zero) & Vector512.LessThan(index, limit);
                if (!Vector512.EqualsAll(valid, Vector512<int>.AllBitsSet)) break;
            }
        }
        for (int r = i; r < labels.Length; r++)
        {
            float label = labels[r];
            // "!(label >= 0)" also catches a NaN.
            if (!(label >= 0) || label >= classes || label != (int)label) Probabilities.ClassIndex(label, classes, r);
        }
    }

    /// <summary>Pass 1 for one vector of samples from column <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Shift<TVector, TIsa>(ref float z, ref float g, int ld, int classes, int i)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
    {
        var max = TIsa.Load(ref z, (nuint)i);
        for (int j = 1; j < classes; j++)
        {
            // "!(v <= max)" also takes a NaN, as the row-major softmax does.
            var v = TIsa.Load(ref z, (nuint)(j * ld + i));
            max = TIsa.Select(TIsa.LessThanOrEqual(v, max), max, v);
        }
        for (int j = 0; j < classes; j++)
        {
            var shifted = TIsa.Subtract(TIsa.Load(ref z, (nuint)(j * ld + i)), max);
            TIsa.Store(ExpKernel.Exp<TVector, TIsa>(shifted), ref g, (nuint)(j * ld + i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Shift(ref float z, ref float g, int ld, int classes, int i)
    {
        float max = Unsafe.Add(ref z, i);
        for (int j = 1; j < classes; j++)
        {
            float v = Unsafe.Add(ref z, j * ld + i);
            if (!(v <= max)) max = v;
        }
        for (int j = 0; j < classes; j++) Unsafe.Add(ref g, j * ld + i) = ExpKernel.Exp(Unsafe.Add(ref z, j * ld + i) - max);
    }

    /// <summary>Pass 2 for one vector of samples from column <paramref name="i"/>; returns how many are predicted right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Finish<TVector, TIsa>(ref float g, ref float y, ref double c, int ld, int classes, float invSamples, int i)
        where TVector : struct
        where TIsa : struct, ITileVector<TVector>
    {
        var label = TIsa.TruncateToInt32(TIsa.Load(ref y, (nuint)i));
        var sum = TIsa.Broadcast(0f);
        for (int j = 0; j < classes; j++) sum = TIsa.Add(sum, TIsa.Load(ref g, (nuint)(j * ld + i)));
        var inv = TIsa.Broadcast(invSamples);
        var confidence = TIsa.Broadcast(0f);
        var best = confidence;
        var index = TIsa.BroadcastInt32(0);
        var done = index;
        for (int j = 0; j < classes; j++)
        {
            var p = TIsa.Divide(TIsa.Load(ref g, (nuint)(j * ld + i)), sum);
            var column = TIsa.BroadcastInt32(j);
            var nan = TIsa.IsNaN(p);
            if (j == 0)
            {
                best = p;
                done = nan;
            }
            else
            {
                // Kernels.ArgMax: the first NaN wins; otherwise the first maximum, +0 beating −0.
                nan = TIsa.AndNot(nan, done);
                var better = TIsa.AndNot(TIsa.Or(TIsa.GreaterThan(p, best),
                    TIsa.AndNot(TIsa.And(TIsa.Equals(p, best), TIsa.IsNegative(best)), TIsa.IsNegative(p))), done);
                index = TIsa.Select(TIsa.Or(nan, better), column, index);
                best = TIsa.Select(better, p, best);
                done = TIsa.Or(done, nan);
            }
            var isLabel = TIsa.EqualsInt32(label, column);
            confidence = TIsa.Select(isLabel, p, confidence);
            var d = TIsa.Multiply(p, inv);
            TIsa.Store(TIsa.Select(isLabel, TIsa.Subtract(d, inv), d), ref g, (nuint)(j * ld + i));
        }
        var low = TIsa.Broadcast(Probabilities.Epsilon);
        var high = TIsa.Broadcast(1f - Probabilities.Epsilon);
        confidence = TIsa.Select(TIsa.LessThan(confidence, low), low, TIsa.Select(TIsa.GreaterThan(confidence, high), high, confidence));
        TIsa.StoreWidened(confidence, ref c, (nuint)i);
        return TIsa.CountSet(TIsa.EqualsInt32(index, label));
    }

    /// <summary>Pass 2 for one sample, by the scalar steps of the row-major kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Finish(ref float g, ref float y, ref double c, int ld, int classes, float invSamples, int i)
    {
        int label = (int)Unsafe.Add(ref y, i);
        float sum = 0;
        for (int j = 0; j < classes; j++) sum += Unsafe.Add(ref g, j * ld + i);
        float best = 0, confidence = 0;
        int index = 0;
        bool done = false;
        for (int j = 0; j < classes; j++)
        {
            ref float slot = ref Unsafe.Add(ref g, j * ld + i);
            float p = slot / sum;
            if (j == 0)
            {
                best = p;
                done = float.IsNaN(p);
            }
            else if (!done)
            {
                if (float.IsNaN(p))
                {
                    index = j;
                    done = true;
                }
                else if (p > best || (p == best && float.IsNegative(best) && !float.IsNegative(p)))
                {
                    best = p;
                    index = j;
                }
            }
            float d = p * invSamples;
            if (j == label)
            {
                confidence = p;
                d -= invSamples;
            }
            slot = d;
        }
        Unsafe.Add(ref c, i) = Math.Clamp(confidence, Probabilities.Epsilon, 1f - Probabilities.Epsilon);
        return index == label ? 1 : 0;
    }
}
