namespace NNTrainer.Tensors;

/// <summary>
/// The portable GEMM path for machines without vector FMA, and the reference the tests hold the vector paths to:
/// each output is the same chain of <see cref="MathF.FusedMultiplyAdd"/> in the same order, and the same epilogue,
/// so it is bit-identical.
/// </summary>
internal static unsafe class GemmScalar
{
    /// <summary>Computes rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>) and columns [<paramref name="columnStart"/>, <paramref name="columnEnd"/>) of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(in GemmProblem problem, int rowStart, int rowEnd, int columnStart, int columnEnd)
    {
        float* a = problem.A;
        float* b = problem.B;
        ref readonly var e = ref problem.Epilogue;
        for (int i = rowStart; i < rowEnd; i++)
        {
            float* ai = a + i * problem.ARowStride;
            float* ci = problem.C + i * problem.Ldc;
            for (int j = columnStart; j < columnEnd; j++)
            {
                float acc = problem.Accumulate ? ci[j] : 0f;
                float* bj = b + j;
                nint offset = 0;
                for (int p = 0; p < problem.K; p++)
                {
                    acc = MathF.FusedMultiplyAdd(ai[offset], bj[p * problem.Ldb], acc);
                    offset += problem.AColumnStride;
                }
                ci[j] = Finish(acc, in e, i, j);
            }
        }
        if (problem.SumsKind == TileSums.ColumnsOfB && rowStart == 0)
        {
            for (int j = columnStart; j < columnEnd; j++)
            {
                float sum = 0f;
                for (int p = 0; p < problem.K; p++) sum += b[p * problem.Ldb + j];
                problem.Sums[j] = sum;
            }
        }
        if (problem.SumsKind == TileSums.RowsOfA && columnStart == 0)
        {
            for (int i = rowStart; i < rowEnd; i++)
            {
                float sum = 0f;
                for (int p = 0; p < problem.K; p++) sum += a[i * problem.ARowStride + p * problem.AColumnStride];
                problem.Sums[i] = sum;
            }
        }
    }

    /// <summary>The epilogue of <see cref="TileEpilogue"/> for one value, in its order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Finish(float value, in TileEpilogue e, nint row, nint column)
    {
        if (e.Bias != null) value += e.Bias[column];
        if (e.RowBias != null) value += e.RowBias[row];
        if (e.ReLU && value < 0f) value = 0f;
        if (e.Mask != null && !(e.Mask[row * e.Ldm + column] > 0f)) value = 0f;
        return value;
    }
}
