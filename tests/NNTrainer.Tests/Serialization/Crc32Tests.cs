using System.Text;

namespace NNTrainer.Tests.Serialization;

public sealed class Crc32Tests
{
    [Fact]
    public void TheStandardCheckValueOf123456789IsCBF43926()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void AppendingInChunksGivesTheSameChecksumAsComputingAtOnce()
    {
        var data = new byte[1000];
        new Random(1).NextBytes(data);
        uint running = Crc32.Initial;
        foreach (var chunk in data.Chunk(37)) running = Crc32.Append(running, chunk);

        Assert.Equal(Crc32.Compute(data), Crc32.Finish(running));
    }
}
