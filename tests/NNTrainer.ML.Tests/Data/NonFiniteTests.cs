namespace NNTrainer.ML.Tests.Data;

public class NonFiniteTests
{
    [Fact]
    public void FindsTheFirstNaNOrInfinity()
    {
        var values = new float[40];
        for (int i = 0; i < values.Length; i++) values[i] = i - 20.5f;
        Assert.Equal(-1, NonFinite.IndexOf(values));
        values[33] = float.NaN;
        values[37] = float.PositiveInfinity;
        Assert.Equal(33, NonFinite.IndexOf(values));
        values[5] = float.NegativeInfinity;
        Assert.Equal(5, NonFinite.IndexOf(values));
        Assert.Equal(-1, NonFinite.IndexOf(ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void FiniteValuesWhoseSquaresOverflowAreFinite()
    {
        // 3e38² overflows float: the whole-row test says "maybe", the search finds no such slot.
        var values = new[] { 1f, 3e38f, -3e38f, 2f };
        Assert.Equal(-1, NonFinite.IndexOf(values));
        values[3] = float.NaN;
        Assert.Equal(3, NonFinite.IndexOf(values));
    }
}
