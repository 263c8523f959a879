using System.Buffers.Binary;
using System.IO.Hashing;

namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>
/// Damage to the engine's model format (8-byte magic, version, reserved, payload length, payload, CRC-32 of the
/// payload). Half the cases damage the bytes as a disk or a transfer would; the other half repair the checksum and
/// length afterwards, so the damage gets past the checksum and tests the parser's own checks.
/// </summary>
public static class EngineFileMutator
{
    private const int Header = 20;

    public static Mutation Next(Random random, byte[] file)
    {
        int payloadEnd = file.Length - 4;
        switch (random.Next(10))
        {
            case 0: return new("bit flips", ByteMutator.FlipBits(random, file), false);
            case 1: return new("truncation", ByteMutator.Truncate(random, file), false);
            case 2: return new("inflated header length", ByteMutator.InflateInt64(random, file, 12), false);
            case 3: return new("overwritten run", ByteMutator.OverwriteRun(random, file), false);
            case 4: return new("swapped sections", ByteMutator.SwapSections(random, file, Header, payloadEnd), false);
            case 5: return new("payload bit flips, checksum repaired", Repair(ByteMutator.FlipBits(random, file, Header, payloadEnd)), true);
            case 6: return new("inflated count, checksum repaired", Repair(ByteMutator.InflateInt32(random, file, Header + random.Next(payloadEnd - Header - 4))), true);
            case 7: return new("swapped sections, checksum repaired", Repair(ByteMutator.SwapSections(random, file, Header, payloadEnd)), true);
            case 8: return new("overwritten run, checksum repaired", Repair(ByteMutator.OverwriteRun(random, file, Header, payloadEnd)), true);
            default:
                // A payload cut short, with the length and checksum made consistent with the cut.
                int keep = random.Next(payloadEnd - Header);
                var cut = new byte[Header + keep + 4];
                Array.Copy(file, cut, Header + keep);
                BinaryPrimitives.WriteInt64LittleEndian(cut.AsSpan(12), keep);
                return new("payload truncated, length and checksum repaired", Repair(cut), true);
        }
    }

    /// <summary>Rewrites the trailing CRC-32 to match the (damaged) payload.</summary>
    public static byte[] Repair(byte[] file)
    {
        var payload = file.AsSpan(Header, file.Length - Header - 4);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), Crc32.HashToUInt32(payload));
        return file;
    }
}
