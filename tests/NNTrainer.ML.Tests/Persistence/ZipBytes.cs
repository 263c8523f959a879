using System.Buffers.Binary;
using System.Text;

namespace NNTrainer.ML.Tests.Persistence;

/// <summary>Finds an entry's local header and central-directory record in a zip's bytes, to damage them precisely.</summary>
internal static class ZipBytes
{
    private const uint LocalHeader = 0x04034b50;
    private const uint DirectoryRecord = 0x02014b50;

    /// <summary>Offsets of the entry's local header and its central-directory record.</summary>
    public static (int Local, int Directory) Find(byte[] zip, string entryName)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        int local = -1, directory = -1;
        for (int i = 0; i + 46 <= zip.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == LocalHeader && NameAt(zip, i + 26, i + 30, name)) local = i;
            if (signature == DirectoryRecord && NameAt(zip, i + 28, i + 46, name)) directory = i;
        }
        if (local < 0 || directory < 0) throw new ArgumentException($"No entry '{entryName}' in the zip.", nameof(entryName));
        return (local, directory);
    }

    /// <summary>Where the entry's compressed data starts.</summary>
    public static int DataStart(byte[] zip, int local) =>
        local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 28));

    public static uint CompressedLength(byte[] zip, int directory) => BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(directory + 20));

    /// <summary>Rewrites a 32-bit field in both records: CRC-32 (local 14, directory 16), compressed (18, 20) or uncompressed length (22, 24).</summary>
    public static void Write(byte[] zip, (int Local, int Directory) entry, ZipField field, uint value)
    {
        int offset = (int)field;
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(entry.Local + offset), value);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(entry.Directory + offset + 2), value);
    }

    public static uint Read(byte[] zip, (int Local, int Directory) entry, ZipField field) =>
        BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(entry.Directory + (int)field + 2));

    private static bool NameAt(byte[] zip, int lengthOffset, int nameOffset, byte[] name) =>
        BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(lengthOffset)) == name.Length
        && nameOffset + name.Length <= zip.Length
        && zip.AsSpan(nameOffset, name.Length).SequenceEqual(name);
}

/// <summary>A 32-bit field of a zip entry, by its offset in the local header (the central directory's is 2 further).</summary>
internal enum ZipField
{
    Crc32 = 14,
    CompressedLength = 18,
    UncompressedLength = 22,
}
