using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Images;

/// <summary>
/// A user's folder as it comes: several damaged files, an empty class folder, a class of one image, and single image
/// files given to <c>predict</c> and <c>evaluate</c>. Every error names the file and what was expected, in one run.
/// </summary>
public sealed class ImageMessyFolderTests(ImageModels models) : IClassFixture<ImageModels>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-cli-messy-images-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_damaged_image_is_named_in_one_error_and_nothing_is_written()
    {
        var folder = Path.Combine(_directory, "messy");
        TestImages.WriteFolder(folder, perClass: 4, seed: 1, classes: 2);
        var text = Path.Combine(folder, "horizontal", "notes.png");
        File.WriteAllText(text, "not an image");
        var empty = Path.Combine(folder, "vertical", "empty.jpg");
        File.WriteAllBytes(empty, []);
        var good = Directory.GetFiles(Path.Combine(folder, "vertical"), "*.png")[0];
        var cut = Path.Combine(folder, "vertical", "cut.png");
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var model = Path.Combine(_directory, "m.zip");

        var result = CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--out", model, "--no-plots");

        // Before, only the first (notes.png) was named: a run per damaged file.
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: 3 of 11 images cannot be used; copy them again or remove them:", result.ErrorLines[0]);
        Assert.Contains($"Image {text} cannot be decoded (", result.Error);
        Assert.Contains($"Image {empty} is empty (0 bytes): a PNG or JPEG file was expected.", result.Error);
        Assert.Contains($"Image {cut} is cut short: its data ends before the last row of pixels", result.Error);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void An_empty_class_folder_is_named_before_any_image_is_decoded()
    {
        var folder = Path.Combine(_directory, "messy");
        TestImages.WriteFolder(folder, perClass: 3, seed: 1, classes: 2);
        File.WriteAllText(Path.Combine(folder, "horizontal", "notes.png"), "not an image");
        var zebra = Directory.CreateDirectory(Path.Combine(folder, "zebra")).FullName;
        var yak = Directory.CreateDirectory(Path.Combine(folder, "yak")).FullName;

        var result = CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        // Before, the damaged file in the first class was reported, and the empty folders only on the next run.
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: Class folders {yak}, {zebra} have no images (.png, .jpg, .jpeg); every class needs at least one.", result.ErrorLines[0]);
    }

    [Fact]
    public void A_class_of_one_image_held_out_and_pictures_in_other_formats_are_noted()
    {
        var folder = Path.Combine(_directory, "messy");
        TestImages.WriteFolder(folder, perClass: 8, seed: 1, classes: 2);
        // Not read (PNG and JPEG only), as before, but no longer silently.
        File.WriteAllText(Path.Combine(folder, "horizontal", "scan.webp"), "a WebP picture");
        File.WriteAllText(Path.Combine(folder, "vertical", "old.BMP"), "a BMP picture");
        // "a-one" sorts first, so its image is image 0 of the split: pick a seed that holds it out.
        TestImages.WriteImage(Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "a-one")).FullName, "only.png"), 2, 12, 12, seed: 3);
        int seed = Enumerable.Range(0, 100).First(s => HoldOutSplit.Random(17, 0.2, s).Test.Contains(0));

        var result = CliRunner.Run(_directory, "train", folder, "--image-size", "12", "--epochs", "1", "--seed", $"{seed}", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("The held-out images hold class 'a-one' that none of the 14 training images has, so the metrics below score a class the network never saw", result.Output);
        Assert.Contains($"2 picture(s) in {folder} (horizontal/scan.webp, vertical/old.BMP) are not PNG or JPEG files, so they are not used; convert them to PNG or JPEG to use them.", result.Output);
    }

    [Fact]
    public void Predict_classifies_one_image_file_and_evaluate_says_to_use_predict()
    {
        var image = Directory.GetFiles(Path.Combine(models.TestFolder, "vertical"))[0];
        var predictions = Path.Combine(_directory, "one.csv");
        var broken = Path.Combine(_directory, "broken.jpg");
        File.WriteAllText(broken, "not an image");

        var predicted = CliRunner.Run(_directory, "predict", models.Model, image, "--out", predictions);
        var evaluated = CliRunner.Run(_directory, "evaluate", models.Model, image);
        var damaged = CliRunner.Run(_directory, "predict", models.Model, broken, "--out", Path.Combine(_directory, "two.csv"));

        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.Contains("1 image predicted with LeNet.", predicted.Output);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("file,predicted_class,probability_horizontal,probability_spot,probability_vertical", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{Path.GetFileName(image)},", lines[1]);
        Assert.Equal(1, evaluated.ExitCode);
        Assert.Contains($"{image} is one image, with no class to measure against: evaluate measures the model {models.Model}", evaluated.Error);
        Assert.Contains($"'predict {models.Model} {image}' classifies the image.", evaluated.Error);
        Assert.Equal(1, damaged.ExitCode);
        Assert.Contains($"Image {broken} cannot be decoded (", damaged.Error);
        Assert.False(File.Exists(Path.Combine(_directory, "two.csv")));
    }
}
