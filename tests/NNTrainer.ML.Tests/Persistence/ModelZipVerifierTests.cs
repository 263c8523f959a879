using System.IO.Compression;

namespace NNTrainer.ML.Tests.Persistence;

public sealed class ModelZipVerifierTests
{
    private static readonly SavedModel Saved = new();

    private static ModelFormatException Rejects(byte[] zip, long cap = VerifiedLoadCatalog.DefaultMaxUncompressedBytes) =>
        Assert.Throws<ModelFormatException>(() => ModelZipVerifier.Verify(new MemoryStream(zip, writable: false), "m.zip", cap));

    [Fact]
    public void AnUndamagedModelZipPasses()
    {
        ModelZipVerifier.Verify(new MemoryStream(Saved.Zip), "m.zip", VerifiedLoadCatalog.DefaultMaxUncompressedBytes);
    }

    [Fact]
    public void DamagedCompressedDataThatStillInflatesIsCaughtByTheCrc()
    {
        var zip = Saved.Copy();
        var entry = ZipBytes.Find(zip, Saved.LargestEntry);
        int start = ZipBytes.DataStart(zip, entry.Local);
        // Flip bits until the damage still inflates to the recorded length: the case .NET's zip reader passes silently.
        var random = new Random(5);
        ModelFormatException? error = null;
        for (int attempt = 0; attempt < 200 && error?.Message.Contains("CRC-32") != true; attempt++)
        {
            var damaged = (byte[])zip.Clone();
            damaged[start + random.Next((int)ZipBytes.CompressedLength(zip, entry.Directory))] ^= (byte)(1 << random.Next(8));
            error = Rejects(damaged);
        }

        Assert.NotNull(error);
        Assert.Matches($"^Model file m.zip: entry '{Saved.LargestEntry}' is damaged: its data has CRC-32 [0-9A-F]{{8}}, but the zip records [0-9A-F]{{8}}\\.$", error!.Message);
    }

    [Fact]
    public void ARecordedCrcThatDiffersFromTheDataIsNamed()
    {
        var zip = Saved.Copy();
        var entry = ZipBytes.Find(zip, Saved.LargestEntry);
        uint crc = ZipBytes.Read(zip, entry, ZipField.Crc32);
        ZipBytes.Write(zip, entry, ZipField.Crc32, crc ^ 0x00010000);

        var error = Rejects(zip);

        Assert.Equal($"Model file m.zip: entry '{Saved.LargestEntry}' is damaged: its data has CRC-32 {crc:X8}, but the zip records {crc ^ 0x00010000:X8}.", error.Message);
    }

    [Fact]
    public void AnEntryLongerThanRecordedIsNamed()
    {
        var zip = Saved.Copy();
        var entry = ZipBytes.Find(zip, Saved.LargestEntry);
        uint length = ZipBytes.Read(zip, entry, ZipField.UncompressedLength);
        ZipBytes.Write(zip, entry, ZipField.UncompressedLength, length - 1);

        var error = Rejects(zip);

        // .NET's entry stream stops at the recorded length, so the surplus shows as data that no longer matches its CRC.
        Assert.StartsWith($"Model file m.zip: entry '{Saved.LargestEntry}' is damaged: its data has CRC-32 ", error.Message);
    }

    [Fact]
    public void AnEntryShorterThanRecordedIsNamed()
    {
        var zip = Saved.Copy();
        var entry = ZipBytes.Find(zip, Saved.LargestEntry);
        uint length = ZipBytes.Read(zip, entry, ZipField.UncompressedLength);
        ZipBytes.Write(zip, entry, ZipField.UncompressedLength, length + 10);

        var error = Rejects(zip);

        Assert.Equal($"Model file m.zip: entry '{Saved.LargestEntry}' inflates to {length:N0} bytes, but the zip records {length + 10:N0}.", error.Message);
    }

    [Fact]
    public void AnEntryWhoseCompressedDataIsCutShortIsNamed()
    {
        var zip = Saved.Copy();
        var entry = ZipBytes.Find(zip, Saved.LargestEntry);
        uint compressed = ZipBytes.Read(zip, entry, ZipField.CompressedLength);
        ZipBytes.Write(zip, entry, ZipField.CompressedLength, compressed / 2);

        var error = Rejects(zip);

        Assert.StartsWith($"Model file m.zip: entry '{Saved.LargestEntry}' ", error.Message);
    }

    [Fact]
    public void ATruncatedFileIsNotAReadableZip()
    {
        var error = Rejects(Saved.Zip[..(Saved.Zip.Length * 2 / 3)]);

        Assert.StartsWith("Model file m.zip is not a readable zip: ", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public void EntriesOverTheCapAreRefusedBeforeAnythingIsInflated()
    {
        var error = Rejects(Saved.Zip, cap: 100);

        Assert.Matches("^Model file m.zip: entry '.+' records [0-9,]+ uncompressed bytes, which takes the model over the 100 bytes allowed \\(a damaged length field or a zip bomb\\)\\.$", error.Message);
    }

    [Fact]
    public void AZipBombWithAHonestHugeLengthIsRefusedByTheCap()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("zeros", CompressionLevel.Optimal).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) entry.Write(zeros);
        }

        var error = Rejects(stream.ToArray(), cap: 32L << 20);

        Assert.Equal("Model file m.zip: entry 'zeros' records 67,108,864 uncompressed bytes, which takes the model over the 33,554,432 bytes allowed (a damaged length field or a zip bomb).", error.Message);
    }

    [Fact]
    public void AnEmptyZipIsNotAModel()
    {
        using var stream = new MemoryStream();
        new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true).Dispose();

        var error = Assert.Throws<ModelFormatException>(() => ModelZipVerifier.Verify(new MemoryStream(stream.ToArray()), null, 1000));

        Assert.Equal("The model zip is an empty zip, not an ML.NET model.", error.Message);
    }
}
