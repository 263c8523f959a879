using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NNTrainer;

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
/// so the results are bit-identical to those of the row-major kernels. Targets are class indices.
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double LossSum, long Correct) Step(ReadOnlySpan<float> logitsT, int ld, int classes, int rows, ReadOnlySpan<float> labels, Span<float> gradientT)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "The fused classifier pass needs at least two classes.");
        if (ld < rows || logitsT.Length < (long)classes * ld || gradientT.Length < (long)classes * ld) throw new ArgumentException("The transposed buffers are smaller than classes × ld.", nameof(logitsT));
        if (labels.Length < rows) throw new ArgumentException($"{rows} outputs but {labels.Length} targets.", nameof(labels));
        if (_confidences is null || _confidences.Length < rows) _confidences = new double[rows];
        var confidences = _confidences.AsSpan(0, rows);
        float invSamples = 1f / rows;
        long correct = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= rows - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                correct += Group(logitsT, ld, classes, labels, gradientT, confidences, invSamples, i);
            }
        }
        for (; i < rows; i++) correct += Sample(logitsT, ld, classes, labels, gradientT, confidences, invSamples, i);
        LogKernel.Log(confidences);
        double loss = 0;
        foreach (double logConfidence in confidences) loss -= logConfidence;
        return (loss, correct);
    }

    /// <summary>Eight samples from column <paramref name="i"/>; returns how many are predicted right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Group(ReadOnlySpan<float> logitsT, int ld, int classes, ReadOnlySpan<float> labels, Span<float> gradientT, Span<double> confidences, float invSamples, int i)
    {
        ref float z = ref MemoryMarshal.GetReference(logitsT);
        ref float g = ref MemoryMarshal.GetReference(gradientT);
        var y = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(labels), (nuint)i);
        var label = Vector256.ConvertToInt32(y);
        var valid = Vector256.Equals(Vector256.ConvertToSingle(label), y).AsInt32()
            & Vector256.GreaterThanOrEqual(label, Vector256<int>.Zero)
            & Vector256.LessThan(label, Vector256.Create(classes));
        if (!Vector256.EqualsAll(valid, Vector256<int>.AllBitsSet))
        {
            for (int r = i; r < i + Vector256<float>.Count; r++) CategoricalCrossEntropyLoss.ClassIndex(labels[r], classes, r);
        }

        var max = Vector256.LoadUnsafe(ref z, (nuint)i);
        for (int j = 1; j < classes; j++)
        {
            var v = Vector256.LoadUnsafe(ref z, (nuint)(j * ld + i));
            // "!(v <= max)" also takes a NaN, as the row-major softmax does.
            max = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(v, max), max, v);
        }
        // The exponentials wait in the gradient's rows until the sum is known.
        var sum = Vector256<float>.Zero;
        for (int j = 0; j < classes; j++)
        {
            var e = ExpKernel.Exp(Vector256.LoadUnsafe(ref z, (nuint)(j * ld + i)) - max);
            e.StoreUnsafe(ref g, (nuint)(j * ld + i));
            sum += e;
        }

        var inv = Vector256.Create(invSamples);
        var confidence = Vector256<float>.Zero;
        var best = Vector256<float>.Zero;
        var index = Vector256<int>.Zero;
        var done = Vector256<int>.Zero;
        for (int j = 0; j < classes; j++)
        {
            var p = Vector256.LoadUnsafe(ref g, (nuint)(j * ld + i)) / sum;
            var column = Vector256.Create(j);
            if (j == 0)
            {
                best = p;
                done = Vector256.OnesComplement(Vector256.Equals(p, p).AsInt32());
            }
            else
            {
                // Kernels.ArgMax: the first NaN wins; otherwise the first maximum, +0 beating −0.
                var nan = Vector256.AndNot(Vector256.OnesComplement(Vector256.Equals(p, p).AsInt32()), done);
                var better = (Vector256.GreaterThan(p, best).AsInt32()
                    | (Vector256.Equals(p, best).AsInt32() & Vector256.LessThan(best.AsInt32(), Vector256<int>.Zero) & Vector256.GreaterThanOrEqual(p.AsInt32(), Vector256<int>.Zero)))
                    & Vector256.OnesComplement(done);
                index = Vector256.ConditionalSelect(nan | better, column, index);
                best = Vector256.ConditionalSelect(better.AsSingle(), p, best);
                done |= nan;
            }
            var isLabel = Vector256.Equals(label, column).AsSingle();
            confidence = Vector256.ConditionalSelect(isLabel, p, confidence);
            var d = p * inv;
            Vector256.ConditionalSelect(isLabel, d - inv, d).StoreUnsafe(ref g, (nuint)(j * ld + i));
        }
        const float Epsilon = CategoricalCrossEntropyLoss.Epsilon;
        confidence = Vector256.ConditionalSelect(Vector256.LessThan(confidence, Vector256.Create(Epsilon)), Vector256.Create(Epsilon),
            Vector256.ConditionalSelect(Vector256.GreaterThan(confidence, Vector256.Create(1f - Epsilon)), Vector256.Create(1f - Epsilon), confidence));
        var (low, high) = Vector256.Widen(confidence);
        ref double c = ref MemoryMarshal.GetReference(confidences);
        low.StoreUnsafe(ref c, (nuint)i);
        high.StoreUnsafe(ref c, (nuint)(i + Vector256<double>.Count));
        return BitOperations.PopCount(Vector256.Equals(index, label).ExtractMostSignificantBits());
    }

    /// <summary>One sample, by the scalar steps of the row-major kernels.</summary>
    private static int Sample(ReadOnlySpan<float> logitsT, int ld, int classes, ReadOnlySpan<float> labels, Span<float> gradientT, Span<double> confidences, float invSamples, int i)
    {
        int label = CategoricalCrossEntropyLoss.ClassIndex(labels[i], classes, i);
        float max = logitsT[i];
        for (int j = 1; j < classes; j++)
        {
            float v = logitsT[j * ld + i];
            if (!(v <= max)) max = v;
        }
        float sum = 0;
        for (int j = 0; j < classes; j++)
        {
            float e = ExpKernel.Exp(logitsT[j * ld + i] - max);
            gradientT[j * ld + i] = e;
            sum += e;
        }
        float best = 0, confidence = 0;
        int index = 0;
        bool done = false;
        for (int j = 0; j < classes; j++)
        {
            float p = gradientT[j * ld + i] / sum;
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
            gradientT[j * ld + i] = d;
        }
        confidences[i] = Math.Clamp(confidence, CategoricalCrossEntropyLoss.Epsilon, 1f - CategoricalCrossEntropyLoss.Epsilon);
        return index == label ? 1 : 0;
    }
}
