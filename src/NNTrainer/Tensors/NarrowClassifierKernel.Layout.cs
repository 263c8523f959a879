namespace NNTrainer.Tensors;

/// <summary>
/// The backward pass's layout changes around <see cref="NarrowClassifierKernel"/>'s loop: the output weights to rows of
/// classes and back, in 8 × 8 blocks. Done one value at a time, with a stride of 7 or 8 floats on one side, they took
/// about as long as the loop itself on Shuttle's network.
/// </summary>
internal static unsafe partial class NarrowClassifierKernel
{
    /// <summary>
    /// <c>w2T[j·padded + h] = w2[h·classes + j]</c> for j &lt; 8 and h &lt; padded: zeros for the padding units, and
    /// rows j ≥ <paramref name="classes"/> hold whatever the blocks carried (the loop never reads them).
    /// </summary>
    private static void TransposeOutputWeights(float* w2, int hidden, int classes, float* w2T, int padded)
    {
        float* block = stackalloc float[64];
        long end = (long)hidden * classes;
        for (int h0 = 0; h0 < padded; h0 += 8)
        {
            for (int l = 0; l < 8; l++)
            {
                int h = h0 + l;
                float* row = block + l * 8;
                if (h >= hidden) Vector256<float>.Zero.Store(row);
                else if ((long)h * classes + 8 <= end) Vector256.Load(w2 + (nint)h * classes).Store(row);
                else
                {
                    Vector256<float>.Zero.Store(row);
                    for (int j = 0; j < classes; j++) row[j] = w2[(nint)h * classes + j];
                }
            }
            GemmPacking.Transpose8x8(block, 8, w2T + h0, padded);
        }
    }

    /// <summary>
    /// <c>dW2[h·classes + j] = gw2T[j·padded + h]</c> for h &lt; hidden, j &lt; classes (<paramref name="gw2T"/> has 8
    /// rows). Each row of 8 written spills into the next row's first values, which that row then overwrites.
    /// </summary>
    private static void TransposeOutputGradient(float* gw2T, int padded, int hidden, int classes, Span<float> dW2)
    {
        float* block = stackalloc float[64];
        long end = (long)hidden * classes;
        fixed (float* destination = dW2)
        {
            for (int h0 = 0; h0 < hidden; h0 += 8)
            {
                GemmPacking.Transpose8x8(gw2T + h0, padded, block, 8);
                int last = Math.Min(8, hidden - h0);
                for (int l = 0; l < last; l++)
                {
                    long at = (long)(h0 + l) * classes;
                    if (at + 8 <= end) Vector256.Load(block + l * 8).Store(destination + at);
                    else for (int j = 0; j < classes; j++) destination[at + j] = block[l * 8 + j];
                }
            }
        }
    }

    /// <summary>
    /// The output biases' gradient: each class's sum over the samples in order, from zero, the classes along the lanes
    /// (lanes past <paramref name="classes"/> read row 0 and are dropped).
    /// </summary>
    private static void OutputBiasGradient(float* gradientT, nint ld, int rows, int classes, Span<float> dB2)
    {
        var lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var offsets = Vector256.ConditionalSelect(Vector256.LessThan(lane, Vector256.Create(classes)), lane * (int)ld, Vector256<int>.Zero);
        var sum = Vector256<float>.Zero;
        for (int i = 0; i < rows; i++) sum += Avx2.GatherVector256(gradientT + i, offsets, 4);
        for (int j = 0; j < classes; j++) dB2[j] = sum.GetElement(j);
    }
}
