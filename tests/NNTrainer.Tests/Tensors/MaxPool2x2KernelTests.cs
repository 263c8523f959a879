namespace NNTrainer.Tests.Tensors;

public class MaxPool2x2KernelTests
{
    [Theory]
    [InlineData(28, 28)] // 14 outputs a row: 8 + 6 masked (AVX2); 4 + 4 + 4 (SSE) + 2 scalar
    [InlineData(14, 14)] // 7: 7 masked; 4 + 3
    [InlineData(35, 9)] // odd sides: the last row and column are not pooled
    [InlineData(6, 3)] // 3 outputs, one row: the masked loads stop at the plane's end
    [InlineData(2, 34)] // 17: 8 + 8 + 1
    public unsafe void TheVectorPathsGiveTheScalarLoopsMaximaAndPositionsWithTiesAndNaN(int width, int height)
    {
        var random = new SeededRandom(width * 100 + height);
        // Few distinct values, so windows hold ties; some NaN, which never wins a comparison.
        var plane = Enumerable.Range(0, width * height).Select(_ => random.NextInt(10) switch { 0 => float.NaN, int v => v % 4 * 0.5f }).ToArray();
        int oh = height / 2, ow = width / 2;
        var (vector, vectorAt) = (new float[oh * ow], new int[oh * ow]);
        var (scalar, scalarAt) = (new float[oh * ow], new int[oh * ow]);
        var (narrow, narrowAt) = (new float[oh * ow], new int[oh * ow]);
        fixed (float* x = plane, v = vector, s = scalar, n = narrow)
        fixed (int* vi = vectorAt, si = scalarAt, ni = narrowAt)
        {
            MaxPool2x2Kernel.Plane(x, width, oh, ow, v, vi, 1000);
            MaxPool2x2Kernel.Plane(x, width, oh, ow, s, si, 1000, vectors: false);
            MaxPool2x2Kernel.Plane(x, width, oh, ow, n, ni, 1000, wide: false);
        }
        Assert.Equal(scalar.Select(BitConverter.SingleToInt32Bits), vector.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(scalarAt, vectorAt);
        Assert.Equal(scalar.Select(BitConverter.SingleToInt32Bits), narrow.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(scalarAt, narrowAt);
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

    [Theory]
    [InlineData(28, 28)] // 14 outputs a row: 8 + 6 masked (AVX2); 4 + 4 + 4 (SSE) + 2 scalar
    [InlineData(14, 14)] // 7: 7 masked; 4 + 3
    [InlineData(35, 9)] // odd sides: the last row and column are left to the caller
    [InlineData(2, 34)] // 17: 8 + 8 + 1
    public unsafe void BackwardPutsEachGradientAtItsRecordedPositionAndZeroElsewhereOnEveryPath(int width, int height)
    {
        var random = new SeededRandom(width * 31 + height);
        // Ties in the input so positions other than the top-left are recorded; gradients with negative zeros and NaN.
        var plane = Enumerable.Range(0, width * height).Select(_ => random.NextInt(5) * 0.5f).ToArray();
        int oh = height / 2, ow = width / 2;
        var maxima = new float[oh * ow];
        var at = new int[oh * ow];
        var dy = Enumerable.Range(0, oh * ow).Select(_ => random.NextInt(6) switch { 0 => -0f, 1 => float.NaN, _ => random.NextSingle() - 0.5f }).ToArray();
        // The layer's former backward pass is the definition: clear the plane, add each gradient at its position.
        var expected = new float[width * height];
        var vector = Enumerable.Repeat(99f, width * height).ToArray();
        var scalar = Enumerable.Repeat(99f, width * height).ToArray();
        var narrow = Enumerable.Repeat(99f, width * height).ToArray();
        fixed (float* x = plane, y = maxima, g = dy, v = vector, s = scalar, n = narrow)
        fixed (int* index = at)
        {
            MaxPool2x2Kernel.Plane(x, width, oh, ow, y, index, 500);
            for (int o = 0; o < at.Length; o++) expected[at[o] - 500] += dy[o];
            MaxPool2x2Kernel.Backward(g, index, 500, width, oh, ow, v);
            MaxPool2x2Kernel.Backward(g, index, 500, width, oh, ow, s, vectors: false);
            MaxPool2x2Kernel.Backward(g, index, 500, width, oh, ow, n, wide: false);
        }
        Assert.Contains(at, i => (i - 500) % width % 2 == 1); // the test reaches the odd columns
        for (int row = 0; row < height; row++)
        {
            for (int column = 0; column < width; column++)
            {
                int i = row * width + column;
                bool covered = row < 2 * oh && column < 2 * ow;
                int want = BitConverter.SingleToInt32Bits(covered ? expected[i] : 99f);
                Assert.True(want == BitConverter.SingleToInt32Bits(vector[i]), $"vector path, row {row}, column {column}: {vector[i]} instead of {(covered ? expected[i] : 99f)}");
                Assert.True(want == BitConverter.SingleToInt32Bits(scalar[i]), $"scalar path, row {row}, column {column}: {scalar[i]} instead of {(covered ? expected[i] : 99f)}");
                Assert.True(want == BitConverter.SingleToInt32Bits(narrow[i]), $"SSE path, row {row}, column {column}: {narrow[i]} instead of {(covered ? expected[i] : 99f)}");
            }
        }
    }

    [Theory]
    [InlineData(28, 28)]
    [InlineData(14, 14)]
    [InlineData(35, 9)]
    public unsafe void RectifiedPoolingIsTheReLUThenThePoolOnEveryPath(int width, int height)
    {
        var random = new SeededRandom(width * 7 + height);
        // Negative values, negative and positive zeros, NaN: every case of the ReLU's select and mask.
        var plane = Enumerable.Range(0, width * height).Select(_ => random.NextInt(8) switch { 0 => -0f, 1 => 0f, 2 => float.NaN, int v => (v - 5) * 0.5f }).ToArray();
        var relu = plane.Select(v => v < 0f ? 0f : v).ToArray();
        int oh = height / 2, ow = width / 2;
        var dy = Enumerable.Range(0, oh * ow).Select(i => i % 5 == 0 ? -0f : (i % 13 - 6) * 0.1f).ToArray();
        var (expected, expectedAt, pooledGradient) = (new float[oh * ow], new int[oh * ow], new float[width * height]);
        fixed (float* r = relu, y = expected, g = dy, d = pooledGradient)
        fixed (int* index = expectedAt)
        {
            MaxPool2x2Kernel.Plane(r, width, oh, ow, y, index, 0, vectors: false);
            MaxPool2x2Kernel.Backward(g, index, 0, width, oh, ow, d, vectors: false);
        }
        // The ReLU's backward pass after the pool's, as the two layers run it.
        var expectedGradient = pooledGradient.Select((v, i) => plane[i] > 0f ? v : 0f).ToArray();
        foreach (var (vectors, wide) in new[] { (true, true), (true, false), (false, false) })
        {
            var (maxima, at, gradient) = (new float[oh * ow], new int[oh * ow], new float[width * height]);
            fixed (float* x = plane, y = maxima, g = dy, d = gradient)
            fixed (int* index = at)
            {
                MaxPool2x2Kernel.Plane(x, width, oh, ow, y, index, 0, vectors, wide, rectify: true);
                MaxPool2x2Kernel.Backward(g, index, 0, width, oh, ow, d, vectors, wide, rectified: x);
            }
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), maxima.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(expectedAt, at);
            Assert.Equal(expectedGradient.Select(BitConverter.SingleToInt32Bits), gradient.Select(BitConverter.SingleToInt32Bits));
        }
    }
}
