using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class TableColumnTests
{
    [Fact]
    public void MissingCountIsTheNaNsWhateverTheLengthAndTheirPlace()
    {
        var random = new Random(3);
        float[] others = [0f, -0f, 1f, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.Epsilon];
        // Lengths around every vector width, NaNs of other payloads too (a negative quiet NaN, a signalling NaN).
        float[] nans = [float.NaN, -float.NaN, BitConverter.Int32BitsToSingle(0x7F800001)];
        for (int length = 0; length < 70; length++)
        {
            var values = new float[length];
            int expected = 0;
            for (int i = 0; i < length; i++)
            {
                bool missing = random.Next(3) == 0;
                values[i] = missing ? nans[random.Next(nans.Length)] : others[random.Next(others.Length)];
                if (missing) expected++;
            }

            Assert.Equal(expected, TableColumn.Numeric("x", values).MissingCount);
        }
    }

    [Fact]
    public void MissingCountOfTextsIsTheNulls()
    {
        Assert.Equal(2, TableColumn.Categorical("c", [null, "a", "", null]).MissingCount);
        Assert.Equal(0, TableColumn.Categorical("c", []).MissingCount);
    }
}
