using System.Runtime.Intrinsics;

namespace NNTrainer.Tests.Tensors;

public class LaneLoopTests
{
    public static TheoryData<int> Lengths => [0, 1, 7, 8, 9, 15, 16, 17, 24, 33];

    /// <summary>The width each index should be computed at: whole AVX-512 vectors, then whole AVX2 vectors, then one at a time.</summary>
    private static int[] ExpectedWidths(int n)
    {
        var widths = new int[n];
        int i = 0;
        foreach (int width in new[] { Vector512.IsHardwareAccelerated ? 16 : 0, Vector256.IsHardwareAccelerated ? 8 : 0, 1 })
        {
            for (; width > 0 && i + width <= n; i += width) Array.Fill(widths, width, i, width);
        }
        return widths;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void UnaryComputesEveryValueOnceAtTheWidestWidthThatFits(int n)
    {
        var x = Enumerable.Range(0, n).Select(i => 1000f * i).ToArray();
        var y = Enumerable.Repeat(-1f, n + 3).ToArray();
        LaneLoop.Apply(x, y, default(AddWidth));
        var widths = ExpectedWidths(n);
        for (int i = 0; i < n; i++) Assert.Equal(1000f * i + widths[i], y[i]);
        Assert.All(y[n..], v => Assert.Equal(-1f, v)); // nothing written past the source's length
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void BinaryReadsBothInputsAtTheSameIndexAndMayWriteInPlace(int n)
    {
        var a = Enumerable.Range(0, n).Select(i => 1000f * i).ToArray();
        var b = Enumerable.Range(0, n).Select(i => 100_000f * i).ToArray();
        LaneLoop.Apply(a, b, a, default(SumPlusWidth));
        var widths = ExpectedWidths(n);
        for (int i = 0; i < n; i++) Assert.Equal(101_000f * i + widths[i], a[i]);
    }

    [Fact]
    public void RejectsShortSpansWithTheirName()
    {
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => LaneLoop.Apply(new float[9], new float[8], default(AddWidth))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => LaneLoop.Apply(new float[9], new float[8], new float[9], default(SumPlusWidth))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => LaneLoop.Apply(new float[9], new float[9], new float[8], default(SumPlusWidth))).ParamName);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ActivationKernelsGiveTheScalarFormulaInEveryLane(int n)
    {
        float[] special = [float.NaN, -0f, 0f, float.NegativeInfinity, float.PositiveInfinity];
        var x = GemmKernelsTests.Random(n, seed: n).Select((v, i) => i % 6 == 5 ? special[i / 6 % special.Length] : v).ToArray();
        var d = GemmKernelsTests.Random(n, seed: n + 100);
        var y = new float[n];
        Kernels.ReLUForward(x, y);
        AssertLanes(y, i => x[i] < 0f ? 0f : x[i]);
        Kernels.ReLUBackward(x, d, y);
        AssertLanes(y, i => x[i] > 0f ? d[i] : 0f);
        Kernels.LeakyReLUForward(x, 0.1f, y);
        AssertLanes(y, i => x[i] > 0f ? x[i] : 0.1f * x[i]);
        Kernels.LeakyReLUBackward(x, d, 0.1f, y);
        AssertLanes(y, i => x[i] > 0f ? d[i] : 0.1f * d[i]);
        Kernels.SigmoidBackward(x, d, y);
        AssertLanes(y, i => d[i] * (1f - x[i]) * x[i]);
        Kernels.TanhBackward(x, d, y);
        AssertLanes(y, i => d[i] * (1f - x[i] * x[i]));
        Kernels.Scale(x, 0.3f, y);
        AssertLanes(y, i => x[i] * 0.3f);
    }

    private static void AssertLanes(float[] actual, Func<int, float> expected)
    {
        for (int i = 0; i < actual.Length; i++)
        {
            float e = expected(i);
            Assert.True(BitConverter.SingleToInt32Bits(e) == BitConverter.SingleToInt32Bits(actual[i]) || (float.IsNaN(e) && float.IsNaN(actual[i])), $"lane {i}: {actual[i]}, expected {e}");
        }
    }

    /// <summary>x plus the number of lanes it was computed in.</summary>
    private readonly struct AddWidth : IUnaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> x) => x + Vector512.Create(16f);

        public Vector256<float> Apply(Vector256<float> x) => x + Vector256.Create(8f);

        public float Apply(float x) => x + 1f;
    }

    /// <summary>a + b plus the number of lanes they were computed in.</summary>
    private readonly struct SumPlusWidth : IBinaryLaneOperation<float>
    {
        public Vector512<float> Apply(Vector512<float> a, Vector512<float> b) => a + b + Vector512.Create(16f);

        public Vector256<float> Apply(Vector256<float> a, Vector256<float> b) => a + b + Vector256.Create(8f);

        public float Apply(float a, float b) => a + b + 1f;
    }
}
