namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The inference softmax for narrow rows (<see cref="InferenceSoftmax512"/>): bit-identical to <see cref="Kernels.Softmax"/>
/// for every width it takes (a NaN where it has a NaN), for row counts with and without a partial block of sixteen,
/// with NaNs (of different payloads), infinities, −0 and values whose exponential underflows; in place as well;
/// nothing past the rows written.
/// </summary>
public class InferenceSoftmax512Tests
{
    public static TheoryData<int, int> Shapes()
    {
        var shapes = new TheoryData<int, int>();
        foreach (int columns in new[] { 1, 2, 3, 7, 10, 15, 16 })
        {
            foreach (int rows in new[] { 0, 1, 15, 16, 17, 48, 301 }) shapes.Add(rows, columns);
        }
        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheSoftmaxEqualsTheKernelsBitForBit(int rows, int columns)
    {
        if (!InferenceSoftmax512.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => InferenceSoftmax512.Softmax(new float[columns], new float[columns], 1, columns));
            return;
        }
        var inputs = Inputs(rows, columns, seed: rows * 31 + columns);
        var expected = new float[rows * columns];
        Kernels.Softmax(inputs, expected, rows, columns);

        var actual = Enumerable.Repeat(42f, rows * columns + 5).ToArray();
        InferenceSoftmax512.Softmax(inputs, actual, rows, columns);
        Assert.Equal(Bits(expected), Bits(actual.AsSpan(0, rows * columns).ToArray()));
        Assert.All(actual.AsSpan(rows * columns).ToArray(), v => Assert.Equal(42f, v));

        var inPlace = inputs.ToArray();
        InferenceSoftmax512.Softmax(inPlace, inPlace, rows, columns);
        Assert.Equal(Bits(expected), Bits(inPlace));
    }

    [Fact]
    public void RowsWithoutSpecialValuesSumToOne()
    {
        if (!InferenceSoftmax512.IsSupported) return;
        var random = new Random(4);
        var inputs = Enumerable.Range(0, 32 * 10).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        var outputs = new float[inputs.Length];
        InferenceSoftmax512.Softmax(inputs, outputs, 32, 10);
        for (int r = 0; r < 32; r++)
        {
            var row = outputs.AsSpan(r * 10, 10).ToArray();
            Assert.Equal(1.0, row.Sum(v => (double)v), 5);
            Assert.All(row, v => Assert.InRange(v, float.Epsilon, 1f));
        }
    }

    [Fact]
    public void BadShapesAreErrorsNamingWhatWasExpected()
    {
        if (!InferenceSoftmax512.IsSupported) return;
        var wide = Assert.Throws<ArgumentOutOfRangeException>(() => InferenceSoftmax512.Softmax(new float[17], new float[17], 1, 17));
        Assert.Equal("columns", wide.ParamName);
        Assert.Contains("1 to 16", wide.Message);
        var none = Assert.Throws<ArgumentOutOfRangeException>(() => InferenceSoftmax512.Softmax(new float[4], new float[4], 1, 0));
        Assert.Equal("columns", none.ParamName);
        var shortOutputs = Assert.Throws<ArgumentException>(() => InferenceSoftmax512.Softmax(new float[20], new float[19], 2, 10));
        Assert.Contains("2 rows of 10 values need 20", shortOutputs.Message);
        Assert.Contains("the outputs 19", shortOutputs.Message);
    }

    /// <summary>Values from −40 to 40, plus in some rows NaNs, infinities, −0 and values 100 or more below the rest.</summary>
    private static float[] Inputs(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 80 - 40);
        float negativeNaN = BitConverter.Int32BitsToSingle(unchecked((int)0xFFC00123));
        float[] specials = [float.NaN, negativeNaN, float.PositiveInfinity, float.NegativeInfinity, -0f, -95f, -120f, 88f, 89f];
        for (int r = 0; r < rows; r += 3)
        {
            values[r * columns + random.Next(columns)] = specials[random.Next(specials.Length)];
            if (columns > 2 && r % 2 == 0) values[r * columns + random.Next(columns)] = specials[random.Next(specials.Length)];
        }
        return values;
    }

    /// <summary>
    /// The bits of every value, a NaN's as one canonical NaN: which NaN's payload an operation with two NaN operands
    /// keeps depends on the operand order the JIT picks for a fused multiply-add, so <see cref="ExpKernel"/> does not
    /// fix it (nor does <see cref="Kernels.Softmax"/> between its own vector and scalar lanes); that the same positions
    /// are NaN is still checked.
    /// </summary>
    private static int[] Bits(float[] values) => values.Select(v => float.IsNaN(v) ? 0x7FC00000 : BitConverter.SingleToInt32Bits(v)).ToArray();
}
