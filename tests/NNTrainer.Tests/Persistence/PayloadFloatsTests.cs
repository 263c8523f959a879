using System.Buffers.Binary;
using NNTrainer.Persistence;

namespace NNTrainer.Tests.Persistence;

/// <summary>
/// Weights are written and read as whole spans (the floats' memory on a little-endian machine) and checked for NaN and
/// infinity a vector at a time: the bytes must stay the format's little-endian IEEE values, and a bad value must still
/// be named by its index and byte wherever it falls, in a vector or in the tail.
/// </summary>
public sealed class PayloadFloatsTests
{
    [Fact]
    public void FloatsAreWrittenAsLittleEndianIeeeAndReadBackBitForBit()
    {
        var random = new Random(5);
        for (int length = 0; length <= 70; length++)
        {
            var values = new float[length];
            for (int i = 0; i < length; i++) values[i] = BitConverter.Int32BitsToSingle(FiniteBits(random));
            var writer = new PayloadWriter();
            writer.Write(values);
            var bytes = writer.Written.ToArray();

            Assert.Equal(length * 4, bytes.Length);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(values[i]), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4)));
            }
            var read = new float[length];
            new PayloadReader(bytes).ReadFinite(read, "the weights");
            Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), read.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void ANonFiniteValueAnywhereIsNamedByItsIndexAndByte(float bad)
    {
        const int Length = 53;
        for (int at = 0; at < Length; at++)
        {
            var values = Enumerable.Range(0, Length).Select(i => i * 0.25f - 3f).ToArray();
            values[at] = bad;
            var writer = new PayloadWriter();
            writer.Write(7);
            writer.Write(values);
            var bytes = writer.Written.ToArray();

            var e = Assert.Throws<ModelFormatException>(() =>
            {
                var reader = new PayloadReader(bytes);
                reader.ReadInt32("a prefix");
                reader.ReadFinite(new float[Length], "the weights of layer 2");
            });
            Assert.Equal($"Model payload byte {4 + at * 4}: value {at} of the weights of layer 2 is {bad}; saved values must be finite.", e.Message);
        }
    }

    private static int FiniteBits(Random random)
    {
        // Every finite pattern is fair game: subnormals, negative zero and the largest values included.
        while (true)
        {
            int bits = random.Next() ^ (random.Next(2) << 31);
            if (float.IsFinite(BitConverter.Int32BitsToSingle(bits))) return bits;
        }
    }
}
