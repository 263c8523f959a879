namespace NNTrainer.Tensors;

/// <summary>
/// The backward pass's layout changes around <see cref="NarrowClassifierKernel"/>'s loop: the output weights to rows of
/// classes and back, in 8 × 8 blocks. Done one value at a time, with a stride of 7 or 8 floats on one side, they took
/// about as long as the loop itself on Shuttle's network.
/// </summary>
internal static unsafe partial class NarrowClassifierKernel
{
    /// <summary>Rows of classes in the transposed output weights and their gradient: whole blocks of 8.</summary>
    private static int ClassRows(int classes) => (classes + 7) / 8 * 8;

    /// <summary>
    /// <c>w2T[j·padded + h] = w2[h·classes + j]</c> for j &lt; <see cref="ClassRows"/> and h &lt; padded: zeros for the
    /// padding units, and rows j ≥ <paramref name="classes"/> hold whatever the blocks carried (the loops never read them).
    /// </summary>
    private static void TransposeOutputWeights(float* w2, int hidden, int classes, float* w2T, int padded)
    {
        float* block = stackalloc float[64];
        long end = (long)hidden * classes;
        for (int c0 = 0; c0 < classes; c0 += 8)
        {
            int count = Math.Min(8, classes - c0);
            for (int h0 = 0; h0 < padded; h0 += 8)
            {
                for (int l = 0; l < 8; l++)
                {
                    int h = h0 + l;
                    float* row = block + l * 8;
                    long at = (long)h * classes + c0;
                    if (h >= hidden) Vector256<float>.Zero.Store(row);
                    else if (at + 8 <= end) Vector256.Load(w2 + at).Store(row);
                    else
                    {
                        Vector256<float>.Zero.Store(row);
                        for (int j = 0; j < count; j++) row[j] = w2[at + j];
                    }
                }
                GemmPacking.Transpose8x8(block, 8, w2T + (nint)c0 * padded + h0, padded);
            }
        }
    }

    /// <summary>
    /// <c>dW2[h·classes + j] = gw2T[j·padded + h]</c> for h &lt; hidden, j &lt; classes. Each row of 8 written spills
    /// past its block into the values after it, which a later write then overwrites: the class blocks run from the last
    /// to the first, so a short last block spills only into the next unit's first classes, written after it.
    /// </summary>
    private static void TransposeOutputGradient(float* gw2T, int padded, int hidden, int classes, Span<float> dW2)
    {
        float* block = stackalloc float[64];
        long end = (long)hidden * classes;
        fixed (float* destination = dW2)
        {
            for (int c0 = (classes - 1) / 8 * 8; c0 >= 0; c0 -= 8)
            {
                int count = Math.Min(8, classes - c0);
                for (int h0 = 0; h0 < hidden; h0 += 8)
                {
                    GemmPacking.Transpose8x8(gw2T + (nint)c0 * padded + h0, padded, block, 8);
                    int last = Math.Min(8, hidden - h0);
                    for (int l = 0; l < last; l++)
                    {
                        long at = (long)(h0 + l) * classes + c0;
                        if (at + 8 <= end) Vector256.Load(block + l * 8).Store(destination + at);
                        else for (int j = 0; j < count; j++) destination[at + j] = block[l * 8 + j];
                    }
                }
            }
        }
    }

    /// <summary>
    /// The output biases' gradient: each class's sum over the samples in order, from zero, 8 classes at a time along
    /// the lanes (lanes past <paramref name="classes"/> read row 0 and are dropped).
    /// </summary>
    private static void OutputBiasGradient(float* gradientT, nint ld, int rows, int classes, Span<float> dB2)
    {
        var lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        for (int c0 = 0; c0 < classes; c0 += 8)
        {
            int count = Math.Min(8, classes - c0);
            var offsets = Vector256.ConditionalSelect(Vector256.LessThan(lane, Vector256.Create(count)), lane * (int)ld, Vector256<int>.Zero);
            float* first = gradientT + c0 * ld;
            var sum = Vector256<float>.Zero;
            for (int i = 0; i < rows; i++) sum += Avx2.GatherVector256(first + i, offsets, 4);
            for (int j = 0; j < count; j++) dB2[c0 + j] = sum.GetElement(j);
        }
    }
}
