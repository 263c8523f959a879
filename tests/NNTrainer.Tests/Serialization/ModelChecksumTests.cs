using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace NNTrainer.Tests.Serialization;

/// <summary>
/// The model format's checksum is the standard CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): files written
/// before System.IO.Hashing replaced the hand-written table must still load, so the library's CRC is pinned to a
/// bit-by-bit reference here and a saved model's trailer is checked against it.
/// </summary>
public sealed class ModelChecksumTests
{
    [Fact]
    public void TheLibraryCrcIsTheStandardCrc32()
    {
        Assert.Equal(0xCBF43926u, Crc32.HashToUInt32(Encoding.ASCII.GetBytes("123456789")));
        var data = new byte[10_007];
        new Random(1).NextBytes(data);
        Assert.Equal(BitwiseCrc32(data), Crc32.HashToUInt32(data));
    }

    [Fact]
    public void ASavedModelEndsWithTheCrc32OfItsPayload()
    {
        var stream = new MemoryStream();
        NetworkSerializerTests.EveryLayerNetwork(seed: 3).Save(stream);
        var bytes = stream.ToArray();
        const int header = 20;
        var payload = bytes.AsSpan(header, bytes.Length - header - 4);

        Assert.Equal(BitwiseCrc32(payload), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)));
    }

    private static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
