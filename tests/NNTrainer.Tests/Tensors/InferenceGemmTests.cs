namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The inference product (<see cref="InferenceGemm"/>, <see cref="InferenceTile512"/>): bit-identical to
/// <see cref="GemmKernels.MultiplyNN"/> with the same bias, with and without ReLU, for row counts that leave partial
/// tiles and widths with and without columns past the last whole 64-column strip; nothing past the product is written.
/// </summary>
public class InferenceGemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 5, 3, 10 }, { 6, 784, 128 }, { 7, 20, 64 }, { 13, 50, 65 }, { 300, 128, 10 }, { 37, 513, 130 }, { 12, 0, 17 }, { 64, 784, 128 }, { 9, 128, 47 }, { 8, 30, 16 }, { 64, 128, 10 }, { 3, 7, 111 }, { 20, 784, 100 }, { 7, 33, 36 }, { 6, 5, 63 }, { 11, 9, 17 }, { 5, 16, 32 }, { 13, 40, 49 }, { 4, 0, 100 }, { 40, 20, 13 }, { 33, 128, 16 }, { 16, 7, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheProductEqualsTheGemm(int m, int k, int n)
    {
        if (!InferenceGemm.IsSupported)
        {
            // Without AVX-512 the predictor never takes the wide route: it must report itself unavailable.
            var network = new Network();
            network.Add(new DenseLayer(3, 2));
            network.Build();
            Assert.Null(WideInference.For(network, null));
            return;
        }
        var a = GemmKernelsTests.Random(m * k, seed: m + k);
        var w = GemmKernelsTests.Random(k * n, seed: k + n);
        var bias = GemmKernelsTests.Random(n, seed: n);
        // A NaN column stays NaN through ReLU, a −∞ one becomes 0.
        if (n > 2) (bias[0], bias[n - 1]) = (float.NaN, float.NegativeInfinity);
        foreach (bool relu in new[] { false, true })
        {
            var expected = new float[m * n];
            GemmKernels.MultiplyNN(a, w, expected, m, k, n, accumulate: false, 1, bias, relu: relu);
            var actual = Enumerable.Repeat(42f, m * n + 3).ToArray();
            InferenceGemm.Multiply(a, m, w, bias, k, n, actual, relu);
            Assert.Equal(Bits(expected), Bits(actual.AsSpan(0, m * n).ToArray()));
            Assert.All(actual.AsSpan(m * n).ToArray(), v => Assert.Equal(42f, v));

            // Fused with the ReLU layer after it: the product unchanged, and beside it exactly ReLUForward of it.
            var activated = Enumerable.Repeat(42f, m * n + 3).ToArray();
            Array.Fill(actual, 42f);
            InferenceGemm.Multiply(a, m, w, bias, k, n, actual, relu, activated);
            Assert.Equal(Bits(expected), Bits(actual.AsSpan(0, m * n).ToArray()));
            var reluOfExpected = new float[m * n];
            Kernels.ReLUForward(expected, reluOfExpected);
            Assert.Equal(Bits(reluOfExpected), Bits(activated.AsSpan(0, m * n).ToArray()));
            Assert.All(activated.AsSpan(m * n).ToArray(), v => Assert.Equal(42f, v));
        }
    }

    [Fact]
    public void TooShortBuffersAreErrorsNamingWhatWasExpected()
    {
        if (!InferenceGemm.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => InferenceGemm.Multiply(new float[6], 2, new float[6], new float[2], 3, 2, new float[4], relu: false));
            return;
        }
        var e = Assert.Throws<ArgumentException>(() => InferenceGemm.Multiply(new float[6], 2, new float[5], new float[2], 3, 2, new float[4], relu: false));
        Assert.Contains("a 3x2 matrix needs 6", e.Message);
        e = Assert.Throws<ArgumentException>(() => InferenceGemm.Multiply(new float[6], 2, new float[6], new float[2], 3, 2, new float[3], relu: false));
        Assert.Contains("2 rows of 2 need 4", e.Message);
        e = Assert.Throws<ArgumentException>(() => InferenceGemm.Multiply(new float[6], 2, new float[6], new float[2], 3, 2, new float[4], relu: false, new float[3]));
        Assert.Contains("activations' destination holds 3 values; 2 rows of 2 need 4", e.Message);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
