namespace NNTrainer.Tests.Tensors;

public class MaxPool2x2KernelTests
{
    [Theory]
    [InlineData(28, 28)] // 14 outputs a row: 8 (AVX2) + 4 (SSE) + 2 scalar
    [InlineData(14, 14)] // 7: 4 + 3
    [InlineData(35, 9)] // odd sides: the last row and column are not pooled
    [InlineData(2, 34)] // 17: 8 + 8 + 1
    public unsafe void TheVectorPathsGiveTheScalarLoopsMaximaAndPositionsWithTiesAndNaN(int width, int height)
    {
        var random = new SeededRandom(width * 100 + height);
        // Few distinct values, so windows hold ties; some NaN, which never wins a comparison.
        var plane = Enumerable.Range(0, width * height).Select(_ => random.NextInt(10) switch { 0 => float.NaN, int v => v % 4 * 0.5f }).ToArray();
        int oh = height / 2, ow = width / 2;
        var (vector, vectorAt) = (new float[oh * ow], new int[oh * ow]);
        var (scalar, scalarAt) = (new float[oh * ow], new int[oh * ow]);
        fixed (float* x = plane, v = vector, s = scalar)
        fixed (int* vi = vectorAt, si = scalarAt)
        {
            MaxPool2x2Kernel.Plane(x, width, oh, ow, v, vi, 1000);
            MaxPool2x2Kernel.Plane(x, width, oh, ow, s, si, 1000, vectors: false);
        }
        Assert.Equal(scalar.Select(BitConverter.SingleToInt32Bits), vector.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(scalarAt, vectorAt);
        // And the scalar loop is the definition: the first strict maximum in reading order, the top-left value if none.
        for (int oy = 0; oy < oh; oy++)
        {
            for (int ox = 0; ox < ow; ox++)
            {
                int at = 2 * oy * width + 2 * ox, best = at;
                foreach (int p in new[] { at + 1, at + width, at + width + 1 })
                {
                    if (plane[p] > plane[best]) best = p;
                }
                // Pairwise selects and the sequential scan agree except when NaN sits in a pair; compare only NaN-free windows.
                if (new[] { at, at + 1, at + width, at + width + 1 }.Any(p => float.IsNaN(plane[p]))) continue;
                Assert.Equal(1000 + best, scalarAt[oy * ow + ox]);
            }
        }
    }
}
