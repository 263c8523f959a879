using NNTrainer.Cli.Images;
using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Images;

/// <summary>
/// Images cut short (an interrupted copy or download): their header is whole, so only decoding the pixels shows the
/// damage. SkiaSharp, which ML.NET's LoadImages decodes with, fills the missing rows with grey and reports success, so
/// such files would train as half-grey pictures without a word if only the header were read.
/// </summary>
public sealed class TruncatedImageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-cli-truncated-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("cut.png")]
    [InlineData("cut.jpg")]
    public void An_image_cut_off_halfway_through_its_data_is_an_error_naming_the_file(string name)
    {
        var folder = Path.Combine(_directory, "folder");
        TestImages.WriteFolder(folder, perClass: 2, seed: 3, classes: 2);
        var cut = Path.Combine(folder, "vertical", name);
        TestImages.WriteImage(cut, 1, 64, 64, seed: 5);
        var bytes = File.ReadAllBytes(cut);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var classes = Assert.Throws<CliException>(() => ImageFolder.ReadClasses(folder));
        var all = Assert.Throws<CliException>(() => ImageFolder.ReadAll(folder));

        Assert.StartsWith($"Image {cut} is cut short: its data ends before the last row of pixels", classes.Message);
        Assert.Equal(classes.Message, all.Message);
    }

    [Fact]
    public void Whole_images_of_every_kind_in_the_test_folders_still_read()
    {
        var folder = Path.Combine(_directory, "whole");
        TestImages.WriteFolder(folder, perClass: 3, seed: 3, classes: 2);
        TestImages.WriteImage(Path.Combine(folder, "vertical", "grey.png"), 1, 40, 30, seed: 2, colour: false);

        var (classes, files) = ImageFolder.ReadClasses(folder);

        Assert.Equal(["horizontal", "vertical"], classes);
        Assert.Equal(7, files.Length);
    }

    [Fact]
    public void Train_names_the_cut_file_and_writes_no_model()
    {
        var folder = Path.Combine(_directory, "train");
        TestImages.WriteFolder(folder, perClass: 3, seed: 3, classes: 2);
        var cut = Path.Combine(folder, "horizontal", "cut.png");
        TestImages.WriteImage(cut, 0, 64, 64, seed: 5);
        var bytes = File.ReadAllBytes(cut);
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        var model = Path.Combine(_directory, "m.zip");

        var result = CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--out", model, "--no-plots");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: Image {cut} is cut short", result.Error);
        Assert.False(File.Exists(model));
    }
}
