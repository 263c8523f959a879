using Microsoft.ML;
using NNTrainer.ML.LoadCheck;
using NNTrainer.ML.Tests.Persistence;

namespace NNTrainer.ML.Tests.Catalog;

public sealed class VerifiedLoadCatalogTests : IDisposable
{
    private static readonly SavedModel Saved = new();
    private static readonly string[] Columns = ["Score", "Probability", "PredictedLabel"];

    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-verified-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private List<string> Expected => RowFormatter.Rows(Saved.Model.Transform(Saved.Data), Columns);

    [Fact]
    public void AValidModelFileLoadsAndScoresBitIdentically()
    {
        string path = Path.Combine(_directory, "model.zip");
        File.WriteAllBytes(path, Saved.Zip);

        var loaded = Saved.Context.Model.LoadVerified(path, out var inputSchema);

        Assert.Equal(Expected, RowFormatter.Rows(loaded.Transform(Saved.Data), Columns));
        Assert.Equal(Saved.Data.Schema.Select(c => $"{c.Name} {c.Type}"), inputSchema.Select(c => $"{c.Name} {c.Type}"));
    }

    [Fact]
    public void AValidModelStreamLoadsAndScoresBitIdenticallyEvenWhenItCannotSeek()
    {
        var fromSeekable = Saved.Context.Model.LoadVerified(new MemoryStream(Saved.Zip, writable: false), out _);
        var fromForwardOnly = Saved.Context.Model.LoadVerified(new ForwardOnlyStream(Saved.Zip), out _);

        Assert.Equal(Expected, RowFormatter.Rows(fromSeekable.Transform(Saved.Data), Columns));
        Assert.Equal(Expected, RowFormatter.Rows(fromForwardOnly.Transform(Saved.Data), Columns));
    }

    [Fact]
    public void ADamagedFileIsAModelFormatExceptionNamingTheFileAndTheEntry()
    {
        var zip = Saved.Copy();
        var entry = ZipBytes.Find(zip, Saved.LargestEntry);
        ZipBytes.Write(zip, entry, ZipField.Crc32, ZipBytes.Read(zip, entry, ZipField.Crc32) + 1);
        string path = Path.Combine(_directory, "damaged.zip");
        File.WriteAllBytes(path, zip);

        var error = Assert.Throws<ModelFormatException>(() => Saved.Context.Model.LoadVerified(path, out _));

        Assert.StartsWith($"Model file {path}: entry '{Saved.LargestEntry}' is damaged: its data has CRC-32 ", error.Message);
    }

    [Fact]
    public void ADamagedStreamIsAModelFormatExceptionNamingTheEntry()
    {
        var zip = Saved.Copy();
        var entry = ZipBytes.Find(zip, Saved.LargestEntry);
        ZipBytes.Write(zip, entry, ZipField.UncompressedLength, ZipBytes.Read(zip, entry, ZipField.UncompressedLength) + 1);

        var error = Assert.Throws<ModelFormatException>(() => Saved.Context.Model.LoadVerified(new MemoryStream(zip), out _));

        Assert.StartsWith($"The model zip: entry '{Saved.LargestEntry}' inflates to ", error.Message);
    }

    [Fact]
    public void AMissingFileIsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => Saved.Context.Model.LoadVerified(Path.Combine(_directory, "none.zip"), out _));
    }

    [Fact]
    public void ANegativeCapIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Saved.Context.Model.LoadVerified(new MemoryStream(Saved.Zip), out _, maxUncompressedBytes: -1));

        Assert.Equal("maxUncompressedBytes", error.ParamName);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
