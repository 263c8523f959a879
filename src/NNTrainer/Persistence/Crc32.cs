namespace NNTrainer;

/// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the checksum of the model format and of zip entries.</summary>
internal static class Crc32
{
    /// <summary>The running value before any byte: pass it to the first <see cref="Append"/>.</summary>
    public const uint Initial = 0xFFFFFFFFu;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    /// <summary>Continues a running CRC over <paramref name="data"/>, so data read in chunks needs no buffer of its own.</summary>
    public static uint Append(uint running, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data) running = Table[(running ^ b) & 0xFF] ^ (running >> 8);
        return running;
    }

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
