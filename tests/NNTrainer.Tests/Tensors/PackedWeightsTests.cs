namespace NNTrainer.Tests.Tensors;

/// <summary>
/// Inference over packed weights (<see cref="PackedWeights"/>, <see cref="InferenceTile512"/>): bit-identical to
/// <see cref="GemmKernels.MultiplyNN"/> with the same bias, with and without ReLU, for row counts that leave partial
/// tiles and widths that leave a partial 64-column panel.
/// </summary>
public class PackedWeightsTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 5, 3, 10 }, { 6, 784, 128 }, { 7, 20, 64 }, { 13, 50, 65 }, { 300, 128, 10 }, { 37, 513, 130 }, { 12, 0, 17 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void PackedProductsEqualTheGemm(int m, int k, int n)
    {
        if (!PackedWeights.IsSupported)
        {
            // Without AVX-512 the engine never packs: the packed route must report itself unavailable.
            var network = new Network();
            network.Add(new DenseLayer(3, 2));
            network.Build();
            Assert.Null(NNTrainer.Training.PackedInference.For(network, null));
            return;
        }
        var a = GemmKernelsTests.Random(m * k, seed: m + k);
        var w = GemmKernelsTests.Random(k * n, seed: k + n);
        var bias = GemmKernelsTests.Random(n, seed: n);
        // A NaN column stays NaN through ReLU, a −∞ one becomes 0.
        if (n > 2) (bias[0], bias[1]) = (float.NaN, float.NegativeInfinity);
        var packed = new PackedWeights();
        packed.Pack(w, bias, k, n);
        foreach (bool relu in new[] { false, true })
        {
            var expected = new float[m * n];
            GemmKernels.MultiplyNN(a, w, expected, m, k, n, accumulate: false, 1, bias, relu: relu);
            var actual = Enumerable.Repeat(42f, m * n + 3).ToArray();
            packed.Multiply(a, m, actual, relu);
            Assert.Equal(Bits(expected), Bits(actual.AsSpan(0, m * n).ToArray()));
            Assert.All(actual.AsSpan(m * n).ToArray(), v => Assert.Equal(42f, v));
        }
    }

    [Fact]
    public void TooShortBuffersAreErrorsNamingWhatWasExpected()
    {
        var packed = new PackedWeights();
        var e = Assert.Throws<ArgumentException>(() => packed.Pack(new float[5], new float[2], 3, 2));
        Assert.Contains("a 3x2 matrix needs 6", e.Message);
        packed.Pack(new float[6], new float[2], 3, 2);
        e = Assert.Throws<ArgumentException>(() => packed.Multiply(new float[6], 2, new float[3], relu: false));
        Assert.Contains("2 rows of 2 need 4", e.Message);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
