using System.IO.Compression;
using Microsoft.ML;
using NNTrainer.ML;

namespace NNTrainer.Hardening.Tests.Persistence;

/// <summary>
/// The damaged zip that made ML.NET 5.0.1's own <c>mlContext.Model.Load</c> spin forever: case 636 of the zip fuzzer
/// (seed 20261124, the binary model; "bit flips" at bytes 231, 2406 and 2856 of 3,202, counted from 0: inside the
/// compressed data of TransformerChain/Transform_000/Model.key and of Schema, and in a central-directory file name).
/// The flipped bits still inflate, .NET's zip reader does not check CRC-32s, and ML.NET then loops reading a corrupted
/// array length (BinaryLoader → CodecFactory.TryReadCodec → Utils.ReadIntArray). Plain <c>Model.Load</c> is never
/// called on it here, since it would hang the test run; <c>LoadVerified</c> is the guard.
/// </summary>
public sealed class MlNetLoadHangTests : IDisposable
{
    private const string DamagedEntry = "TransformerChain/Transform_000/Model.key";

    private static readonly byte[] Zip = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Persistence", "Resources", "binary-model-case-636.zip"));

    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-hang-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Dotnets_zip_reader_reads_every_damaged_entry_without_an_error()
    {
        using var archive = new ZipArchive(new MemoryStream(Zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            using var data = entry.Open();
            Assert.Equal(entry.Length, Drain(data));
        }
        Assert.Contains(archive.Entries, e => e.FullName == DamagedEntry);
    }

    [Fact]
    public void LoadVerified_rejects_the_stream_naming_the_damaged_entry()
    {
        var error = Assert.Throws<ModelFormatException>(() => new MLContext().Model.LoadVerified(new MemoryStream(Zip, writable: false), out _));

        Assert.Matches($"^The model zip: entry '{DamagedEntry}' is damaged: its data has CRC-32 [0-9A-F]{{8}}, but the zip records [0-9A-F]{{8}}\\.$", error.Message);
    }

    [Fact]
    public void LoadVerified_rejects_the_file_naming_the_file_and_the_damaged_entry()
    {
        string path = Path.Combine(_directory, "model.zip");
        File.WriteAllBytes(path, Zip);

        var error = Assert.Throws<ModelFormatException>(() => new MLContext().Model.LoadVerified(path, out _));

        Assert.StartsWith($"Model file {path}: entry '{DamagedEntry}' is damaged: its data has CRC-32 ", error.Message);
    }

    private static long Drain(Stream stream)
    {
        var buffer = new byte[4096];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0) total += read;
        return total;
    }
}
