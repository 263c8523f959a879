using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace NNTrainer.Tensors;

/// <summary>
/// Element-wise kernels that <see cref="TensorPrimitives"/> does not provide directly (masked and
/// row-broadcast operations). Everything else element-wise goes through <see cref="TensorPrimitives"/>.
/// </summary>
internal static partial class Kernels
{
    /// <summary>
    /// Column sums, <c>destination[j] = Σᵢ matrix[i, j]</c>, summed over i in order: four vectors of columns stay in
    /// registers across all rows, so the matrix is read once and the destination written once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumColumns(ReadOnlySpan<float> matrix, int rows, Span<float> destination)
    {
        int n = destination.Length;
        if (matrix.Length < (long)rows * n) throw new ArgumentException("The matrix is smaller than rows × columns.", nameof(matrix));
        ref float m = ref MemoryMarshal.GetReference(matrix);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            int w = Vector512<float>.Count;
            for (; j + 4 * w <= n; j += 4 * w)
            {
                Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (int r = 0; r < rows; r++)
                {
                    nuint o = (nuint)(r * n + j);
                    s0 += Vector512.LoadUnsafe(ref m, o);
                    s1 += Vector512.LoadUnsafe(ref m, o + (nuint)w);
                    s2 += Vector512.LoadUnsafe(ref m, o + (nuint)(2 * w));
                    s3 += Vector512.LoadUnsafe(ref m, o + (nuint)(3 * w));
                }
                s0.StoreUnsafe(ref d, (nuint)j);
                s1.StoreUnsafe(ref d, (nuint)(j + w));
                s2.StoreUnsafe(ref d, (nuint)(j + 2 * w));
                s3.StoreUnsafe(ref d, (nuint)(j + 3 * w));
            }
            for (; j + w <= n; j += w)
            {
                Vector512<float> s0 = default;
                for (int r = 0; r < rows; r++) s0 += Vector512.LoadUnsafe(ref m, (nuint)(r * n + j));
                s0.StoreUnsafe(ref d, (nuint)j);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            int w = Vector256<float>.Count;
            for (; j + 2 * w <= n; j += 2 * w)
            {
                Vector256<float> s0 = default, s1 = default;
                for (int r = 0; r < rows; r++)
                {
                    nuint o = (nuint)(r * n + j);
                    s0 += Vector256.LoadUnsafe(ref m, o);
                    s1 += Vector256.LoadUnsafe(ref m, o + (nuint)w);
                }
                s0.StoreUnsafe(ref d, (nuint)j);
                s1.StoreUnsafe(ref d, (nuint)(j + w));
            }
            for (; j + w <= n; j += w)
            {
                Vector256<float> s0 = default;
                for (int r = 0; r < rows; r++) s0 += Vector256.LoadUnsafe(ref m, (nuint)(r * n + j));
                s0.StoreUnsafe(ref d, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float s = 0;
            for (int r = 0; r < rows; r++) s += Unsafe.Add(ref m, r * n + j);
            Unsafe.Add(ref d, j) = s;
        }
    }

    /// <summary><c>gradients += l1 · (w &lt; 0 ? −1 : 1)</c>: the book's L1 derivative, which takes sign(0) as 1.</summary>
    public static void AddL1Gradient(ReadOnlySpan<float> values, float l1, Span<float> gradients)
    {
        for (int i = 0; i < values.Length; i++) gradients[i] += values[i] < 0f ? -l1 : l1;
    }

    /// <summary>
    /// Stable softmax of one row: <c>exp(x − max) / Σ exp(x − max)</c>, so large logits cannot overflow.
    /// </summary>
    public static void SoftmaxRow(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        float max = TensorPrimitives.Max(inputs);
        TensorPrimitives.Subtract(inputs, max, outputs);
        TensorPrimitives.Exp(outputs, outputs);
        float sum = TensorPrimitives.Sum(outputs);
        TensorPrimitives.Divide(outputs, sum, outputs);
    }

    /// <summary>
    /// Stable softmax of each of the <paramref name="rows"/> rows of <paramref name="columns"/> values. Narrow rows
    /// (a classifier's handful of classes) would spend their time in per-row call overhead, so they are shifted row
    /// by row, exponentiated in one call over the whole batch, then normalised row by row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ReadOnlySpan<float> inputs, Span<float> outputs, int rows, int columns)
    {
        int n = columns;
        if (n >= 32)
        {
            for (int r = 0; r < rows; r++) SoftmaxRow(inputs.Slice(r * n, n), outputs.Slice(r * n, n));
            return;
        }
        int length = rows * n;
        if (inputs.Length < length || outputs.Length < length) throw new ArgumentException("The spans are shorter than rows × columns.", nameof(inputs));
        ref float x = ref MemoryMarshal.GetReference(inputs);
        ref float y = ref MemoryMarshal.GetReference(outputs);
        for (int r = 0; r < rows; r++)
        {
            int o = r * n;
            float max = Unsafe.Add(ref x, o);
            for (int j = 1; j < n; j++)
            {
                float v = Unsafe.Add(ref x, o + j);
                // "!(v <= max)" also takes a NaN, which then spreads to the whole row as in the wide path.
                if (!(v <= max)) max = v;
            }
            for (int j = 0; j < n; j++) Unsafe.Add(ref y, o + j) = Unsafe.Add(ref x, o + j) - max;
        }
        var all = outputs.Slice(0, length);
        ExpKernel.Exp(all, all);
        // Each row's sum, repeated across the row, so that the divisions run as one vector pass (same IEEE quotients).
        if (_divisors is null || _divisors.Length < length) _divisors = new float[length];
        ref float d = ref MemoryMarshal.GetArrayDataReference(_divisors);
        for (int r = 0; r < rows; r++)
        {
            int o = r * n;
            float sum = 0;
            for (int j = 0; j < n; j++) sum += Unsafe.Add(ref y, o + j);
            for (int j = 0; j < n; j++) Unsafe.Add(ref d, o + j) = sum;
        }
        Divide(all, _divisors.AsSpan(0, length));
    }

    [ThreadStatic]
    private static float[]? _divisors;

    /// <summary><c>values[i] /= divisors[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Divide(Span<float> values, ReadOnlySpan<float> divisors) =>
        LaneLoop.Apply(values, divisors, values, default(Quotient));

    /// <summary><c>destination[i] = source[i] · factor</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(ReadOnlySpan<float> source, float factor, Span<float> destination) =>
        LaneLoop.Apply(source, destination, new Product(factor));

    private readonly struct Quotient : IBinaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> a, Vector512<float> b) => a / b;

        public Vector256<float> Apply(Vector256<float> a, Vector256<float> b) => a / b;

        public float Apply(float a, float b) => a / b;
    }

    private readonly struct Product(float factor) : IUnaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> x) => x * factor;

        public Vector256<float> Apply(Vector256<float> x) => x * factor;

        public float Apply(float x) => x * factor;
    }

    /// <summary>Index of the first non-finite value, or −1 when all are finite.</summary>
    /// <remarks>Runs once per call on the caller's data: left to tiered compilation (on-stack replacement optimises a long scan).</remarks>
    public static long IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float v = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var x = Vector256.LoadUnsafe(ref v, (nuint)i);
                // x − x is 0 for finite x and NaN for NaN or ±∞.
                if (!Vector256.EqualsAll(x - x, Vector256<float>.Zero)) break;
            }
        }
        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i])) return i;
        }
        return -1;
    }

    /// <summary>
    /// Index of the largest value, the first one on ties; a NaN wins (its first index is returned), and +0 beats −0:
    /// <see cref="TensorPrimitives.IndexOfMax{T}(ReadOnlySpan{T})"/>'s rules, in a loop sized for a row of class scores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        if (row.IsEmpty) return -1;
        float max = row[0];
        if (float.IsNaN(max)) return 0;
        int index = 0;
        for (int i = 1; i < row.Length; i++)
        {
            float v = row[i];
            if (float.IsNaN(v)) return i;
            if (v > max || (v == max && float.IsNegative(max) && !float.IsNegative(v)))
            {
                max = v;
                index = i;
            }
        }
        return index;
    }
}
