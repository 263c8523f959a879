using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NNTrainer.Cli.Tests.Support;

/// <summary>Copies of a model zip with one entry's recorded CRC-32 wrong: the damage ML.NET's own load does not notice.</summary>
public static class DamagedModel
{
    /// <summary>Writes the damaged copy to <paramref name="target"/> and returns the damaged entry's name (the largest).</summary>
    public static string WithWrongCrc(string model, string target)
    {
        var zip = File.ReadAllBytes(model);
        string name;
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read)) name = archive.Entries.MaxBy(e => e.Length)!.FullName;
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (int i = 0; i + 46 <= zip.Length; i++)
        {
            // A central-directory record: the CRC-32 is at 16, the name's length at 28, the name at 46.
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == 0x02014b50
                && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28)) == nameBytes.Length
                && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                zip[i + 16] ^= 0x01;
                File.WriteAllBytes(target, zip);
                return name;
            }
        }
        throw new InvalidOperationException($"No central-directory record for {name} in {model}.");
    }
}
