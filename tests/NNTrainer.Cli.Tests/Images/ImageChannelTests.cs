using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;
using SkiaSharp;

namespace NNTrainer.Cli.Tests.Images;

/// <summary>
/// Folders that mix grey and colour images, and models asked to read images of the other kind: the default channels
/// keep the colour, and every conversion is said.
/// </summary>
public sealed class ImageChannelTests(ImageModels models) : IClassFixture<ImageModels>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-cli-image-channels-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_folder_whose_first_class_is_grey_trains_on_colour_when_other_images_are_in_colour()
    {
        // "bw" sorts first and holds grey-encoded PNGs: going by the first image made this a grey model.
        var folder = Path.Combine(_directory, "mixed");
        WriteGrey(Path.Combine(folder, "bw"), count: 6, stripesAcross: true);
        Directory.CreateDirectory(Path.Combine(folder, "tinted"));
        for (int i = 0; i < 6; i++) TestImages.WriteImage(Path.Combine(folder, "tinted", $"t{i}.png"), 1, 16, 16, seed: i);

        var result = CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--image-size", "12", "--test-fraction", "0.25",
            "--out", Path.Combine(_directory, "mixed.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("lenet on 3×12×12 RGB images", result.Output);
        Assert.Contains("6 of 12 images are grey; the network reads RGB images, so each of them is read as R = G = B.", result.Output);
    }

    [Fact]
    public void Predicting_grey_images_with_a_colour_model_says_they_are_read_as_RGB()
    {
        var folder = Path.Combine(_directory, "grey-photos");
        WriteGrey(folder, count: 2, stripesAcross: false);
        var csv = Path.Combine(_directory, "p.csv");

        var result = CliRunner.Run(_directory, "predict", models.Model, folder, "--out", csv);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"2 of 2 images are grey; the model {models.Model} reads RGB images, so each of them is read as R = G = B.", result.Output);
        Assert.Equal(3, File.ReadAllLines(csv).Length);
    }

    [Fact]
    public void A_grey_model_says_which_colour_images_it_converts_to_grey_in_predict_and_evaluate()
    {
        var train = Path.Combine(_directory, "grey-train");
        WriteGrey(Path.Combine(train, "across"), count: 6, stripesAcross: true);
        WriteGrey(Path.Combine(train, "down"), count: 6, stripesAcross: false);
        var model = Path.Combine(_directory, "grey.zip");
        var trained = CliRunner.Run(_directory, "train", train, "--epochs", "1", "--image-size", "12", "--test-fraction", "0.25", "--out", model, "--no-plots");
        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.Contains("lenet on 1×12×12 grey images", trained.Output);
        Assert.DoesNotContain("converted", trained.Output);
        var colour = Path.Combine(_directory, "colour-test");
        Directory.CreateDirectory(Path.Combine(colour, "across"));
        TestImages.WriteImage(Path.Combine(colour, "across", "c.png"), 0, 20, 20, seed: 3);
        WriteGrey(Path.Combine(colour, "down"), count: 2, stripesAcross: false);

        var predicted = CliRunner.Run(_directory, "predict", model, colour, "--out", Path.Combine(_directory, "g.csv"));
        var evaluated = CliRunner.Run(_directory, "evaluate", model, colour);

        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        var note = $"1 of 3 images are in colour; the model {model} reads grey images, so they are converted to grey.";
        Assert.Contains(note, predicted.Output);
        Assert.Contains(note, evaluated.Output);
    }

    /// <summary>PNGs encoded as grey (one channel), with stripes across or down: TestImages writes RGB files even for grey pixels.</summary>
    private static void WriteGrey(string folder, int count, bool stripesAcross)
    {
        Directory.CreateDirectory(folder);
        for (int i = 0; i < count; i++)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(14 + i, 16, SKColorType.Gray8, SKAlphaType.Opaque));
            for (int y = 0; y < bitmap.Height; y++)
            {
                for (int x = 0; x < bitmap.Width; x++)
                {
                    byte level = (byte)(((stripesAcross ? y : x) + i) % 4 < 2 ? 220 : 30);
                    bitmap.SetPixel(x, y, new SKColor(level, level, level));
                }
            }
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            using var stream = File.Create(Path.Combine(folder, $"g{i}.png"));
            data.SaveTo(stream);
        }
    }
}
