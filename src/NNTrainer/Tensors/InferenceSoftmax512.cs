namespace NNTrainer.Tensors;

/// <summary>
/// The softmax of a classifier's narrow rows (1 to 16 values each) for batches of inference on AVX-512: sixteen rows
/// at a time, one row per lane, with the same bits as <see cref="Kernels.Softmax"/>.
/// </summary>
/// <remarks>
/// <see cref="Kernels.Softmax"/> finds each row's maximum and sum with scalar loops (a data-dependent branch per value
/// for the maximum), which cost the 10-class MLP about a quarter of a millisecond per 10,000 rows. Here a column of
/// sixteen rows is one vector (two 8-lane gathers), so the maximum and the sum run down the columns in the same order
/// as the scalar loops, lane by lane: <c>max = x0; max = (v ≤ max) ? max : v</c> for each later column (a NaN taken
/// as the scalar loop takes it), then <c>sum = 0 + e0 + e1 + …</c>. The outputs are then written row after row:
/// <c>e^(x − max) / sum</c> with the row's maximum and sum moved to its lanes by a permutation, through
/// <see cref="ExpKernel"/>'s vector lanes (the same operations as its scalar ones), so each quotient is the one the
/// scalar route computes. Only a NaN's payload is not fixed (where two NaNs meet, which one a fused multiply-add keeps
/// depends on the operand order the JIT picks, as between <see cref="Kernels.Softmax"/>'s own vector and scalar lanes):
/// a NaN comes out exactly where the scalar route gives one.
/// </remarks>
internal static unsafe class InferenceSoftmax512
{
    /// <summary>Rows per block: one per lane.</summary>
    public const int Rows = 16;

    /// <summary>The widest row this kernel takes.</summary>
    public const int MaxColumns = 16;

    /// <summary>Whether this machine runs the kernel (AVX-512 and AVX2 for the gathers).</summary>
    public static bool IsSupported => Avx512F.IsSupported && Avx2.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>
    /// The softmax of each of <paramref name="rows"/> rows of <paramref name="columns"/> (1 to 16) values, into
    /// <paramref name="outputs"/> (which may be <paramref name="inputs"/>); bit-identical to <see cref="Kernels.Softmax"/>
    /// but for NaN payloads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ReadOnlySpan<float> inputs, Span<float> outputs, int rows, int columns)
    {
        if (!IsSupported) throw new PlatformNotSupportedException("The inference softmax needs AVX-512.");
        if ((uint)(columns - 1) >= MaxColumns) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"Rows of 1 to {MaxColumns} values are supported.");
        long length = (long)rows * columns;
        if (rows < 0 || inputs.Length < length || outputs.Length < length)
        {
            throw new ArgumentException($"{rows} rows of {columns} values need {length} values; the inputs hold {inputs.Length} and the outputs {outputs.Length}.", nameof(inputs));
        }
        int whole = rows / Rows * Rows;
        if (whole > 0)
        {
            // Lane l of vector v in a block's row-major values belongs to row (16 v + l) / columns.
            var rowOf = stackalloc int[Rows * MaxColumns];
            for (int i = 0; i < Rows * columns; i++) rowOf[i] = i / columns;
            var gathered = stackalloc Vector512<float>[MaxColumns];
            fixed (float* x = inputs, y = outputs)
            {
                for (int r = 0; r < whole; r += Rows)
                {
                    nint at = (nint)r * columns;
                    Block(x + at, y + at, columns, rowOf, gathered);
                }
            }
        }
        if (whole < rows)
        {
            int at = whole * columns;
            Kernels.Softmax(inputs.Slice(at), outputs.Slice(at), rows - whole, columns);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(float* x, float* y, int n, int* rowOf, Vector512<float>* columns)
    {
        var low = Vector256<int>.Indices * n;
        var high = (Vector256<int>.Indices + Vector256.Create(8)) * n;
        // Each column gathered once (the gathers are most of the cost), kept in L1 for the sum.
        var max = columns[0] = Column(x, low, high);
        for (int j = 1; j < n; j++)
        {
            var v = columns[j] = Column(x + j, low, high);
            // The scalar loop's "if (!(v <= max)) max = v", lane by lane: a NaN replaces the maximum as it does there.
            max = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(v, max), max, v);
        }
        var sum = Vector512<float>.Zero;
        for (int j = 0; j < n; j++) sum += ExpKernel.Exp<Vector512<float>, TileVector512>(columns[j] - max);
        for (int v = 0; v < n; v++)
        {
            var lanes = Vector512.Load(rowOf + v * Rows);
            var e = ExpKernel.Exp<Vector512<float>, TileVector512>(Vector512.Load(x + v * Rows) - Avx512F.PermuteVar16x32(max, lanes));
            (e / Avx512F.PermuteVar16x32(sum, lanes)).Store(y + v * Rows);
        }
    }

    /// <summary>The value at <paramref name="x"/> and at the offsets <paramref name="low"/> and <paramref name="high"/> (one per row) from it: a column of the sixteen rows as one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Column(float* x, Vector256<int> low, Vector256<int> high) =>
        Vector512.Create(Avx2.GatherVector256(x, low, 4), Avx2.GatherVector256(x, high, 4));
}
