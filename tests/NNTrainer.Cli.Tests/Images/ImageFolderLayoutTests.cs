using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Images;

/// <summary>Image folders as users have them: classes sorted into sub-folders, and the hidden files other systems leave behind.</summary>
public sealed class ImageFolderLayoutTests(ImageModels models) : IClassFixture<ImageModels>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-cli-image-layout-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Images_in_sub_folders_of_a_class_folder_belong_to_that_class()
    {
        var folder = Path.Combine(_directory, "sorted");
        TestImages.WriteFolder(folder, perClass: 6, seed: 1, classes: 2);
        // Half of one class moved one level down, one image two levels down: still that class.
        var horizontal = Path.Combine(folder, "horizontal");
        var year = Directory.CreateDirectory(Path.Combine(horizontal, "2019", "march")).FullName;
        foreach (var file in Directory.GetFiles(horizontal).Take(3)) File.Move(file, Path.Combine(year, Path.GetFileName(file)));

        var result = CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--test-fraction", "0.25", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("12 images of 2 classes (horizontal, vertical)", result.Output);
    }

    [Fact]
    public void Hidden_files_and_folders_are_not_read_as_images_or_classes()
    {
        var folder = Path.Combine(_directory, "copied-from-a-mac");
        TestImages.WriteFolder(folder, perClass: 6, seed: 1, classes: 2);
        // macOS resource forks carry the image's name and extension but hold no image; notebooks leave checkpoints.
        File.WriteAllBytes(Path.Combine(folder, "vertical", "._vertical-000.png"), [0, 5, 22, 7, 0, 2, 0, 0]);
        Directory.CreateDirectory(Path.Combine(folder, ".ipynb_checkpoints"));
        Directory.CreateDirectory(Path.Combine(folder, "horizontal", ".thumbnails"));
        File.WriteAllBytes(Path.Combine(folder, "horizontal", ".thumbnails", "a.png"), [1, 2, 3]);

        var result = CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--test-fraction", "0.25", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("12 images of 2 classes (horizontal, vertical)", result.Output);
    }

    [Fact]
    public void Predict_reads_images_at_any_depth_and_names_them_by_their_relative_path()
    {
        var folder = Path.Combine(_directory, "unlabelled");
        var deep = Directory.CreateDirectory(Path.Combine(folder, "camera", "day1")).FullName;
        TestImages.WriteImage(Path.Combine(folder, "a.png"), 0, 20, 20, seed: 5);
        TestImages.WriteImage(Path.Combine(deep, "b.png"), 1, 20, 20, seed: 6);
        File.WriteAllBytes(Path.Combine(deep, "._b.png"), [0, 5, 22, 7]);
        var csv = Path.Combine(_directory, "predictions.csv");

        var result = CliRunner.Run(_directory, "predict", models.Model, folder, "--out", csv);

        Assert.True(result.ExitCode == 0, result.ToString());
        var files = File.ReadAllLines(csv)[1..].Select(l => l.Split(',')[0]);
        Assert.Equal(["a.png", Path.Combine("camera", "day1", "b.png")], files);
    }

    [Fact]
    public void A_model_is_evaluated_on_a_folder_of_one_class_as_on_a_csv_file_of_one_label()
    {
        // Training needs two classes; measuring a model on one class's images is a question users ask (how well are
        // cats recognised?), and evaluate on a CSV file whose rows all have one label answers it.
        var folder = Path.Combine(_directory, "only-vertical");
        var vertical = Directory.CreateDirectory(Path.Combine(folder, "vertical")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(models.TestFolder, "vertical"))) File.Copy(file, Path.Combine(vertical, Path.GetFileName(file)));
        var csv = Path.Combine(_directory, "only-vertical.csv");

        var evaluate = CliRunner.Run(_directory, "evaluate", models.Model, folder, "--json");
        var predict = CliRunner.Run(_directory, "predict", models.Model, folder, "--out", csv);

        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var metrics = System.Text.Json.JsonDocument.Parse(evaluate.Output).RootElement.GetProperty("results")[0].GetProperty("metrics");
        var predicted = File.ReadAllLines(csv)[1..].Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(6, predicted.Length);
        Assert.Equal(predicted.Count(p => p == "vertical") / 6.0, metrics.GetProperty("Accuracy").GetDouble(), 12);
    }

    [Fact]
    public void Images_beside_the_class_folders_are_named_as_unused_in_train_and_evaluate()
    {
        var folder = Path.Combine(_directory, "with-strays");
        TestImages.WriteFolder(folder, perClass: 6, seed: 1, classes: 2);
        TestImages.WriteImage(Path.Combine(folder, "forgot-to-sort.png"), 0, 20, 20, seed: 5);
        var model = Path.Combine(_directory, "strays.zip");

        var train = CliRunner.Run(_directory, "train", folder, "--epochs", "1", "--test-fraction", "0.25", "--out", model, "--no-plots");
        var evaluate = CliRunner.Run(_directory, "evaluate", model, folder);

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("12 images of 2 classes", train.Output);
        var note = $"1 image(s) directly in {folder} (forgot-to-sort.png) are in no class sub-folder, so they are not used";
        Assert.Contains(note, train.Output);
        Assert.Contains(note, evaluate.Output);
    }
}
