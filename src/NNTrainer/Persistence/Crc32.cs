namespace NNTrainer.Persistence;

/// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the checksum of the model format and of zip entries.</summary>
/// <remarks>Public so that NNTrainer.ML can verify the entries of a saved ML.NET model zip with the same checksum.</remarks>
public static class Crc32
{
    /// <summary>The running value before any byte: pass it to the first <see cref="Append"/>.</summary>
    public const uint Initial = 0xFFFFFFFFu;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes to check.</param>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    /// <summary>Continues a running CRC over <paramref name="data"/>, so data read in chunks needs no buffer of its own.</summary>
    /// <param name="running">The value so far: <see cref="Initial"/>, or what the previous call returned.</param>
    /// <param name="data">The next bytes.</param>
    public static uint Append(uint running, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data) running = Table[(running ^ b) & 0xFF] ^ (running >> 8);
        return running;
    }

    /// <summary>The checksum of the bytes a running value has seen.</summary>
    /// <param name="running">What the last <see cref="Append"/> returned.</param>
    public static uint Finish(uint running) => ~running;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
