using System.Globalization;
using System.IO.Compression;
using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Images;

public sealed class ImageCommandTests(ImageModels models, ITestOutputHelper output) : IClassFixture<ImageModels>
{
    [Fact]
    public void Train_on_a_folder_learns_the_classes_and_saves_a_zip_that_records_the_image_shape()
    {
        output.WriteLine(models.Train.Output);
        Assert.True(models.Train.ExitCode == 0, models.Train.ToString());
        Assert.Contains("60 images of 3 classes (horizontal, spot, vertical); lenet on 3×12×12 RGB images", models.Train.Output);
        using var zip = ZipFile.OpenRead(models.Model);
        using var reader = new StreamReader(zip.GetEntry("nntrainer/schema.json")!.Open());
        var schema = reader.ReadToEnd();
        Assert.Contains("\"Architecture\": \"lenet\"", schema);
        Assert.Contains("\"Channels\": 3", schema);
    }

    [Fact]
    public void Evaluate_on_a_folder_measures_the_model()
    {
        var result = CliRunner.Run(models.Directory, "evaluate", models.Model, models.TestFolder, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        output.WriteLine(result.Output);
        var accuracy = System.Text.Json.JsonDocument.Parse(result.Output).RootElement.GetProperty("results")[0].GetProperty("metrics").GetProperty("Accuracy").GetDouble();
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy}");
    }

    [Fact]
    public void Predict_on_a_folder_writes_one_row_per_image_with_its_file_class_and_scores()
    {
        var folder = Path.Combine(models.Directory, "unlabelled");
        Directory.CreateDirectory(folder);
        TestImages.WriteImage(Path.Combine(folder, "a.png"), 0, 40, 17, seed: 5);
        TestImages.WriteImage(Path.Combine(folder, "b.jpg"), 1, 13, 29, seed: 6, colour: false);
        Directory.CreateDirectory(Path.Combine(folder, "more"));
        TestImages.WriteImage(Path.Combine(folder, "more", "c.png"), 2, 20, 20, seed: 7);
        var csv = Path.Combine(models.Directory, "predictions.csv");

        var result = CliRunner.Run(models.Directory, "predict", models.Model, folder, "--out", csv);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("file,predicted_class,probability_horizontal,probability_spot,probability_vertical", lines[0]);
        Assert.Equal(["a.png", "b.jpg", Path.Combine("more", "c.png")], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal(["horizontal", "vertical", "spot"], lines[1..].Select(l => l.Split(',')[1]));
        foreach (var line in lines[1..])
        {
            Assert.Equal(1.0, line.Split(',')[2..].Sum(f => double.Parse(f, CultureInfo.InvariantCulture)), 4);
        }
    }

    [Fact]
    public void Compare_on_a_folder_runs_the_network_and_the_stock_trainers_on_the_pixels()
    {
        var result = CliRunner.Run(models.Directory, "compare", "--csv", models.TrainFolder, "--trainers", "nn,sdca", "--architecture", "shallownet",
            "--image-size", "8", "--epochs", "5", "--patience", "0", "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ShallowNet", result.Output);
        Assert.Contains("SdcaMaximumEntropy", result.Output);
    }
}
