using System.Globalization;
using System.Text;
using NNTrainer.Cli.Output;

namespace NNTrainer.Cli.Tests.Output;

public sealed class CsvPredictionWriterTests
{
    [Fact]
    public void NumbersAreTheTextThePredictionsFileAlwaysHad()
    {
        var random = new Random(1);
        var values = new List<float> { 0f, -0f, 1f, -1f, 0.1f, 1e-45f, -1.17549435e-38f, float.MaxValue, float.MinValue, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 123456789f, 1e-7f };
        // Random bit patterns cover every exponent; random probabilities cover what predict mostly writes.
        for (int i = 0; i < 20_000; i++) values.Add(BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31)));
        for (int i = 0; i < 20_000; i++) values.Add((float)random.NextDouble());
        Span<byte> buffer = stackalloc byte[32];
        foreach (float value in values)
        {
            int written = CsvPredictionWriter.WriteNumber(value, buffer);
            Assert.InRange(written, 1, 16);
            Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer[..written]));
        }
    }
}
