namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>
/// Damage to a model .zip as ML.NET writes it: the generic kinds, plus the zip format's own length and offset fields
/// (local headers, central directory, end record) set to impossible values.
/// </summary>
public static class ZipMutator
{
    private static readonly (uint Signature, int[] Fields)[] LengthFields =
    [
        (0x04034b50, [18, 22, 26, 28]),          // local header: compressed, uncompressed size; name, extra length
        (0x02014b50, [20, 24, 28, 30, 32, 42]),  // central directory: sizes, name/extra/comment lengths, local header offset
        (0x06054b50, [12, 16, 20]),              // end record: directory size, directory offset, comment length
    ];

    public static Mutation Next(Random random, byte[] zip, int[] fieldOffsets) => random.Next(6) switch
    {
        0 => new("bit flips", ByteMutator.FlipBits(random, zip), false),
        1 => new("truncation", ByteMutator.Truncate(random, zip), false),
        2 => new("overwritten run", ByteMutator.OverwriteRun(random, zip), false),
        3 => new("swapped sections", ByteMutator.SwapSections(random, zip), false),
        _ => new("inflated zip length/offset field", ByteMutator.InflateInt32(random, zip, fieldOffsets[random.Next(fieldOffsets.Length)]), false),
    };

    /// <summary>Where the zip's length and offset fields are (their 2-byte fields are inflated as 4 bytes, taking the neighbour along).</summary>
    public static int[] FindLengthFields(byte[] zip)
    {
        var offsets = new List<int>();
        for (int i = 0; i + 4 <= zip.Length; i++)
        {
            uint value = BitConverter.ToUInt32(zip, i);
            foreach (var (signature, fields) in LengthFields)
            {
                if (value == signature) offsets.AddRange(fields.Select(f => i + f).Where(o => o + 4 <= zip.Length));
            }
        }
        return offsets.ToArray();
    }
}
