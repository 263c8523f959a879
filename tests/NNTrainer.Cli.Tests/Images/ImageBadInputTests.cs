using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Images;

public sealed class ImageBadInputTests(ImageModels models) : IClassFixture<ImageModels>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-cli-bad-images-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_image_that_cannot_be_decoded_is_named_and_no_model_is_written()
    {
        var folder = Path.Combine(_directory, "broken");
        TestImages.WriteFolder(folder, perClass: 3, seed: 1, classes: 2);
        var bad = Path.Combine(folder, "vertical", "not-really.png");
        File.WriteAllText(bad, "this is text, not a PNG");
        var model = Path.Combine(_directory, "model.zip");

        var result = Train(folder, model);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Image {bad} cannot be decoded", result.Error);
        Assert.False(File.Exists(model));
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void An_empty_class_folder_is_named()
    {
        var folder = Path.Combine(_directory, "empty");
        TestImages.WriteFolder(folder, perClass: 3, seed: 1, classes: 2);
        var empty = Directory.CreateDirectory(Path.Combine(folder, "zebra")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "no images here");

        var result = Train(folder, Path.Combine(_directory, "model.zip"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Class folder {empty} has no images (.png, .jpg, .jpeg)", result.Error);
    }

    [Fact]
    public void A_folder_with_one_class_is_refused()
    {
        var folder = Path.Combine(_directory, "one");
        TestImages.WriteFolder(folder, perClass: 3, seed: 1, classes: 1);

        var result = Train(folder, Path.Combine(_directory, "model.zip"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{folder} has one class sub-folder ('horizontal'); a classifier needs at least two classes", result.Error);
    }

    [Fact]
    public void A_folder_of_loose_images_cannot_train()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "loose")).FullName;
        TestImages.WriteImage(Path.Combine(folder, "a.png"), 0, 10, 10, seed: 1);

        var result = Train(folder, Path.Combine(_directory, "model.zip"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{folder} has no class sub-folders", result.Error);
    }

    [Fact]
    public void An_image_shape_that_does_not_match_the_model_names_the_option_and_nothing_is_written()
    {
        var csv = Path.Combine(_directory, "predictions.csv");

        var size = CliRunner.Run(_directory, "predict", models.Model, models.TestFolder, "--image-size", "28", "--out", csv);
        var channels = CliRunner.Run(_directory, "evaluate", models.Model, models.TestFolder, "--channels", "1");

        Assert.Equal(2, size.ExitCode);
        Assert.Contains($"--image-size 28x28 does not match the model {models.Model}, which reads 12x12 images", size.Error);
        Assert.Equal(2, channels.ExitCode);
        Assert.Contains($"--channels 1 does not match the model {models.Model}, which reads 3-channel images", channels.Error);
        Assert.False(File.Exists(csv));
    }

    [Fact]
    public void An_image_size_too_small_for_the_architecture_names_the_option()
    {
        var folder = Path.Combine(_directory, "small");
        TestImages.WriteFolder(folder, perClass: 5, seed: 1, classes: 2);

        var result = CliRunner.Run(_directory, "train", folder, "--architecture", "lenet", "--image-size", "8", "--epochs", "1", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--image-size 8x8", result.Error);
        Assert.Contains("kernelSize 5 is larger than its input", result.Error);
    }

    [Fact]
    public void Mixing_csv_and_image_inputs_and_models_is_refused_with_what_to_give()
    {
        var csv = Path.Combine(_directory, "rows.csv");
        File.WriteAllLines(csv, ["a,b", "1,2"]);

        var label = CliRunner.Run(_directory, "train", models.TrainFolder, "--label", "b", "--out", Path.Combine(_directory, "m.zip"));
        var csvWithImageModel = CliRunner.Run(_directory, "evaluate", models.Model, csv);
        var architectureWithCsv = CliRunner.Run(_directory, "train", csv, "--label", "b", "--architecture", "lenet", "--out", Path.Combine(_directory, "m.zip"));
        var noLabel = CliRunner.Run(_directory, "train", csv, "--out", Path.Combine(_directory, "m.zip"));

        Assert.Contains("--label applies to CSV files", label.Error);
        Assert.Contains($"The model {models.Model} was trained on a folder of images (lenet on 3×12×12 RGB images); give it a folder of images", csvWithImageModel.Error);
        Assert.Contains("--architecture, --image-size and --channels apply to folders of images", architectureWithCsv.Error);
        Assert.Contains("Option '--label' is required.", noLabel.Error);
        Assert.Equal([2, 1, 2, 2], new[] { label.ExitCode, csvWithImageModel.ExitCode, architectureWithCsv.ExitCode, noLabel.ExitCode });
    }

    [Fact]
    public void Predict_refuses_an_out_file_in_a_folder_that_does_not_exist_before_reading_images()
    {
        var missing = Path.Combine(_directory, "no-such-folder", "predictions.csv");

        var result = CliRunner.Run(_directory, "predict", models.Model, models.TestFolder, "--out", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --out {missing}: the folder {Path.GetDirectoryName(missing)} does not exist.", result.ErrorLines[0]);
    }

    private CliResult Train(string folder, string model) =>
        CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--out", model, "--no-plots");
}
