using System.Runtime.Intrinsics.X86;

namespace NNTrainer.Tests.Tensors;

public class Im2ColAvx512Tests
{
    // (channels, height, width, kernel, padTop, padLeft, outputHeight, outputWidth): stride-1 geometries.
    public static TheoryData<int, int, int, int, int, int, int, int> Geometries => new()
    {
        { 1, 28, 28, 5, 2, 2, 28, 28 },  // LeNet's first convolution: two 16-lane chunks a line
        { 20, 14, 14, 5, 2, 2, 14, 14 }, // LeNet's second
        { 3, 7, 33, 3, 1, 1, 7, 33 },    // three chunks, the last one lane wide
        { 2, 9, 20, 5, 0, 0, 5, 16 },    // "valid": output lines of exactly one chunk, narrower than the input
        { 2, 6, 5, 4, 1, 1, 6, 5 },      // even kernel, "same": one more padding after than before
        { 1, 1, 1, 1, 0, 0, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ExpandWritesTheScalarLoopsColumnsAndNothingElse(int channels, int height, int width, int kernel, int padTop, int padLeft, int oh, int ow)
    {
        var g = new ConvolutionGeometry(new ImageShape(channels, height, width), kernel, 1, padTop, padLeft, oh, ow);
        Assert.Equal(Avx512F.IsSupported, Im2ColAvx512.Supports(in g));
        if (!Im2ColAvx512.Supports(in g)) return;
        var random = new SeededRandom(channels * 1000 + width);
        var image = Enumerable.Range(0, g.InputSize).Select(_ => random.NextSingle() - 0.5f).ToArray();
        // Three samples side by side, this one in the middle: the neighbours' columns (NaN here) must stay untouched.
        int ld = 3 * g.Positions;
        var expected = Enumerable.Repeat(float.NaN, g.PatchSize * ld).ToArray();
        var actual = (float[])expected.Clone();
        Im2Col.Expand(image, in g, expected.AsSpan(g.Positions), ld);
        Im2ColAvx512.Expand(image, in g, actual.AsSpan(g.Positions), ld);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void GatherEqualsTheScatterOntoAClearedImageBitForBit(int channels, int height, int width, int kernel, int padTop, int padLeft, int oh, int ow)
    {
        var g = new ConvolutionGeometry(new ImageShape(channels, height, width), kernel, 1, padTop, padLeft, oh, ow);
        if (!Im2ColAvx512.Supports(in g))
        {
            Assert.False(Avx512F.IsSupported);
            return;
        }
        var random = new SeededRandom(channels * 7 + height);
        int ld = 3 * g.Positions;
        // Some negative zeros and pairs that cancel exactly: the sums' signs of zero must match too.
        var columns = Enumerable.Range(0, g.PatchSize * ld).Select(i => random.NextInt(8) switch { 0 => -0f, 1 => 0.25f, 2 => -0.25f, _ => random.NextSingle() - 0.5f }).ToArray();
        // The image sits between sentinels that must survive.
        var expected = Enumerable.Repeat(float.NaN, g.InputSize + 32).ToArray();
        var actual = Enumerable.Repeat(float.NaN, g.InputSize + 32).ToArray();
        expected.AsSpan(16, g.InputSize).Clear();
        Im2Col.Accumulate(columns.AsSpan(g.Positions), ld, in g, expected.AsSpan(16, g.InputSize));
        Im2ColAvx512.Gather(columns.AsSpan(g.Positions), ld, in g, actual.AsSpan(16, g.InputSize));
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void StridedOrVeryWideGeometriesAreLeftToTheScalarLoops()
    {
        Assert.False(Im2ColAvx512.Supports(new ConvolutionGeometry(new ImageShape(1, 8, 8), 3, 2, 1, 1, 4, 4)));
        // 5×5 kernels over rows of 193: 13 chunks × 5 masks > 64.
        Assert.False(Im2ColAvx512.Supports(new ConvolutionGeometry(new ImageShape(1, 5, 193), 5, 1, 0, 0, 1, 189)));
        Assert.Equal(Avx512F.IsSupported, Im2ColAvx512.Supports(new ConvolutionGeometry(new ImageShape(1, 5, 192), 5, 1, 0, 0, 1, 188)));
    }

    [Fact]
    public void ShortBuffersAreRejected()
    {
        var g = new ConvolutionGeometry(new ImageShape(2, 5, 5), 3, 1, 1, 1, 5, 5);
        if (!Im2ColAvx512.Supports(in g))
        {
            Assert.False(Avx512F.IsSupported);
            return;
        }
        var image = new float[g.InputSize];
        var columns = new float[g.PatchSize * g.Positions];
        Assert.Contains("needs 50", Assert.Throws<ArgumentException>(() => Im2ColAvx512.Expand(image.AsSpan(1), in g, columns, g.Positions)).Message);
        Assert.Contains("18 rows 25 apart", Assert.Throws<ArgumentException>(() => Im2ColAvx512.Gather(columns.AsSpan(1), g.Positions, in g, image)).Message);
    }
}
