using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NNTrainer.Cli.Images;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Images;

/// <summary>
/// <c>nntrainer export</c> of a model trained on an image folder: the file reads the pixels the model's image steps
/// prepare, and scores them as the saved model scores the images.
/// </summary>
public sealed class ImageOnnxExportTests(ImageModels models, ITestOutputHelper output) : IClassFixture<ImageModels>
{
    [Fact]
    public void AnImageModelExportsFromItsPixelColumnAndSaysHowToPrepareThePixels()
    {
        Assert.True(models.Train.ExitCode == 0, models.Train.ToString());
        var onnx = Path.Combine(models.Directory, "lenet-json.onnx");

        var result = CliRunner.Run(models.Directory, "export", models.Model, "--onnx", onnx, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(["Features"], json.RootElement.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Score", "PredictedLabel"], json.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()));
        var notes = string.Join("\n", json.RootElement.GetProperty("notes").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Input: Features, a [batch, 432] float tensor: each image stretched to 12×12", notes);
        Assert.Contains("its red, green and blue planes in that order", notes);
        Assert.Contains("PredictedLabel is the class number: 1 = horizontal, 2 = spot, 3 = vertical.", notes);
        using var session = new InferenceSession(onnx);
        Assert.Equal(["Features"], session.InputMetadata.Keys);
        Assert.Equal([-1, 432], session.InputMetadata["Features"].Dimensions);
    }

    [Fact]
    public void TheFileScoresThePixelsAsTheSavedModelScoresTheImages()
    {
        Assert.True(models.Train.ExitCode == 0, models.Train.ToString());
        var onnx = Path.Combine(models.Directory, "lenet.onnx");
        var result = CliRunner.Run(models.Directory, "export", models.Model, "--onnx", onnx);
        Assert.True(result.ExitCode == 0, result.ToString());

        var ml = new MLContext(seed: 0);
        var model = ModelFile.Load(models.Model, ml);
        var (_, files) = ImageFolder.ReadClasses(models.TestFolder, training: false);
        var scored = model.Transformer.Transform(ImageData.Rows(ml, files));
        var pixels = scored.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
        var scores = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
        int n = pixels.Length, length = pixels[0].Length;

        using var session = new InferenceSession(onnx);
        var input = new DenseTensor<float>(pixels.SelectMany(p => p).ToArray(), [n, length]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("Features", input)]);
        var onnxScores = results.Single(r => r.Name == "Score").AsTensor<float>().ToArray();
        var onnxLabels = results.Single(r => r.Name == "PredictedLabel").AsTensor<uint>().ToArray();

        double difference = 0;
        for (int r = 0; r < n; r++)
        {
            for (int k = 0; k < 3; k++) difference = Math.Max(difference, Math.Abs(onnxScores[r * 3 + k] - scores[r][k]));
            Assert.Equal(Array.IndexOf(scores[r], scores[r].Max()) + 1, (int)onnxLabels[r]);
        }
        output.WriteLine($"{n} test images: max |onnx - ML.NET| = {difference:E2}");
        Assert.InRange(difference, 0, 1e-5);
    }
}
