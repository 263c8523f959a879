using NNTrainer.Hardening.Tests.Fuzzing;

namespace NNTrainer.Hardening.Tests.Serialization;

/// <summary><c>Network.Save(path)</c> interrupted at every byte of its write: the previous file survives, no temporary file is left.</summary>
public sealed class InterruptedSaveTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-save-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_save_that_fails_at_any_byte_leaves_the_previous_file_intact()
    {
        var networks = FuzzNetworks.All().ToArray();
        var path = Path.Combine(_directory, "model.nnt");
        networks[0].Save(path);
        var previous = File.ReadAllBytes(path);
        var replacement = networks[1];
        int length = ModelFileFuzzTests.Bytes(replacement).Length;

        for (int failAt = 0; failAt < length; failAt++)
        {
            int at = failAt;
            var error = Assert.Throws<IOException>(() => NetworkSerializer.Save(NetworkFile.Contents(replacement), path,
                temporary => new FailingStream(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write), at)));

            Assert.Contains($"after {at} bytes", error.Message);
            Assert.Equal(previous, File.ReadAllBytes(path));
            Assert.Equal(["model.nnt"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        }

        NetworkSerializer.Save(NetworkFile.Contents(replacement), path, temporary => new FailingStream(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write), length));
        Assert.Equal(ModelFileFuzzTests.Bytes(replacement), File.ReadAllBytes(path));
        Assert.Equal(ModelFileFuzzTests.Bytes(replacement), ModelFileFuzzTests.Bytes(Network.Load(path)));
    }

    [Fact]
    public void A_partial_stream_save_never_loads()
    {
        var network = FuzzNetworks.All().First();
        int length = ModelFileFuzzTests.Bytes(network).Length;
        for (int failAt = 0; failAt < length; failAt++)
        {
            var written = new MemoryStream();
            Assert.Throws<IOException>(() => network.Save(new FailingStream(written, failAt)));
            Assert.Throws<ModelFormatException>(() => Network.Load(new MemoryStream(written.ToArray())));
        }
    }
}
