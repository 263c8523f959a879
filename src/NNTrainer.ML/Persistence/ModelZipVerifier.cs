using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;

namespace NNTrainer.ML;

/// <summary>
/// Checks a model .zip before ML.NET reads it. .NET's <see cref="ZipArchive"/> does not compare an entry's data with
/// its recorded CRC-32, and ML.NET's loaders trust the lengths stored inside the entries: damaged compressed data that
/// still inflates can send <c>mlContext.Model.Load</c> into an endless loop reading a corrupted array length. So every
/// entry must open, inflate to exactly its recorded length and match its recorded CRC-32, and the recorded lengths
/// together must stay under a cap, which refuses a zip bomb before anything is inflated. This catches damage (disk,
/// transfer, truncation), not a file crafted to pass the checks.
/// </summary>
internal static class ModelZipVerifier
{
    private const int ChunkSize = 81920;

    /// <summary>Throws a <see cref="ModelFormatException"/> naming the file (when known), the entry and the damage.</summary>
    /// <param name="zip">The zip, read from its current position; the caller rewinds it afterwards.</param>
    /// <param name="fileName">The file's path for messages, or null for a stream.</param>
    /// <param name="maxUncompressedBytes">The most the entries may inflate to, all together.</param>
    public static void Verify(Stream zip, string? fileName, long maxUncompressedBytes)
    {
        string model = fileName is null ? "The model zip" : $"Model file {fileName}";
        using var archive = Open(zip, model);
        var entries = ReadDirectory(archive, model);
        if (entries.Count == 0) throw new ModelFormatException($"{model} is an empty zip, not an ML.NET model.");
        CheckTotalLength(entries, model, maxUncompressedBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            foreach (var entry in entries) CheckEntry(entry, model, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ZipArchive Open(Stream zip, string model)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (IsZipDamage(e))
        {
            throw new ModelFormatException($"{model} is not a readable zip: {e.Message}", e);
        }
    }

    private static IReadOnlyCollection<ZipArchiveEntry> ReadDirectory(ZipArchive archive, string model)
    {
        try
        {
            return archive.Entries;
        }
        catch (Exception e) when (IsZipDamage(e))
        {
            throw new ModelFormatException($"{model} has a damaged zip directory: {e.Message}", e);
        }
    }

    private static void CheckTotalLength(IReadOnlyCollection<ZipArchiveEntry> entries, string model, long maxUncompressedBytes)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            // Checked one entry at a time so that a huge recorded length cannot overflow the sum.
            if (entry.Length < 0 || entry.Length > maxUncompressedBytes - total)
            {
                throw new ModelFormatException(
                    $"{model}: entry '{entry.FullName}' records {entry.Length:N0} uncompressed bytes, which takes the model over the " +
                    $"{maxUncompressedBytes:N0} bytes allowed (a damaged length field or a zip bomb).");
            }
            total += entry.Length;
        }
    }

    private static void CheckEntry(ZipArchiveEntry entry, string model, byte[] buffer)
    {
        string where = $"{model}: entry '{entry.FullName}'";
        long length = 0;
        var running = new Crc32();
        try
        {
            using var data = entry.Open();
            int read;
            // Asks for at most one byte past the recorded length: enough to prove the entry is longer, never a bomb's worth
            // (.NET's entry stream already stops at the recorded length; the CRC then shows the difference).
            while ((read = data.Read(buffer, 0, (int)Math.Min(buffer.Length, entry.Length - length + 1))) > 0)
            {
                length += read;
                if (length > entry.Length) break;
                running.Append(buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (IsZipDamage(e))
        {
            throw new ModelFormatException($"{where} cannot be read: {e.Message}", e);
        }
        if (length > entry.Length) throw new ModelFormatException($"{where} inflates to more than the {entry.Length:N0} bytes the zip records.");
        if (length < entry.Length) throw new ModelFormatException($"{where} inflates to {length:N0} bytes, but the zip records {entry.Length:N0}.");
        uint crc = running.GetCurrentHashAsUInt32();
        if (crc != entry.Crc32)
        {
            throw new ModelFormatException($"{where} is damaged: its data has CRC-32 {crc:X8}, but the zip records {entry.Crc32:X8}.");
        }
    }

    /// <summary>The exceptions <see cref="ZipArchive"/> and its inflater throw on damaged input (offsets past the end, bad headers, bad deflate data).</summary>
    private static bool IsZipDamage(Exception e) =>
        e is InvalidDataException or IOException or ArgumentException or NotSupportedException or OverflowException;
}
