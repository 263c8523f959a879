namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>Format-independent damage: bit flips, truncation, overwritten runs, swapped sections, 32-bit fields set to huge values.</summary>
public static class ByteMutator
{
    public static byte[] FlipBits(Random random, byte[] source, int start = 0, int end = -1)
    {
        var bytes = (byte[])source.Clone();
        if (end < 0) end = bytes.Length;
        int flips = 1 + random.Next(4);
        for (int i = 0; i < flips; i++) bytes[start + random.Next(end - start)] ^= (byte)(1 << random.Next(8));
        return bytes;
    }

    public static byte[] Truncate(Random random, byte[] source) => source[..random.Next(source.Length)];

    public static byte[] OverwriteRun(Random random, byte[] source, int start = 0, int end = -1)
    {
        var bytes = (byte[])source.Clone();
        if (end < 0) end = bytes.Length;
        int at = start + random.Next(end - start);
        int length = Math.Min(1 + random.Next(16), end - at);
        byte fill = (byte)random.Next(3);
        for (int i = at; i < at + length; i++) bytes[i] = fill switch { 0 => 0x00, 1 => 0xFF, _ => (byte)random.Next(256) };
        return bytes;
    }

    /// <summary>Swaps two non-overlapping blocks of the same length (a whole section moved to another's place).</summary>
    public static byte[] SwapSections(Random random, byte[] source, int start = 0, int end = -1)
    {
        var bytes = (byte[])source.Clone();
        if (end < 0) end = bytes.Length;
        int span = end - start;
        if (span < 2) return FlipBits(random, source);
        int length = 1 + random.Next(Math.Max(1, span / 4));
        int a = start + random.Next(span - 2 * length + 1);
        int b = a + length + random.Next(end - (a + length) - length + 1);
        var block = bytes[a..(a + length)];
        Array.Copy(bytes, b, bytes, a, length);
        Array.Copy(block, 0, bytes, b, length);
        return bytes;
    }

    /// <summary>A 32-bit little-endian field at <paramref name="offset"/> set to a value far beyond the data's size (or negative).</summary>
    public static byte[] InflateInt32(Random random, byte[] source, int offset)
    {
        var bytes = (byte[])source.Clone();
        if (offset + 4 > bytes.Length) return bytes;
        uint value = random.Next(5) switch
        {
            0 => uint.MaxValue,
            1 => 0x7FFFFFFF,
            2 => 0x80000000,
            3 => (uint)(source.Length + 1 + random.Next(1 << 20)),
            _ => (uint)random.Next() << 1 | (uint)random.Next(2),
        };
        BitConverter.TryWriteBytes(bytes.AsSpan(offset), value);
        return bytes;
    }

    /// <summary>A 64-bit little-endian field at <paramref name="offset"/> set to a value far beyond the data's size (or negative).</summary>
    public static byte[] InflateInt64(Random random, byte[] source, int offset)
    {
        var bytes = (byte[])source.Clone();
        long value = random.Next(4) switch
        {
            0 => long.MaxValue,
            1 => long.MinValue,
            2 => int.MaxValue - 64 + random.Next(128),
            _ => source.Length + 1 + random.Next(1 << 20),
        };
        BitConverter.TryWriteBytes(bytes.AsSpan(offset), value);
        return bytes;
    }
}
