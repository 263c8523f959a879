using System.Globalization;
using Microsoft.ML;
using NNTrainer.ML.LoadCheck;
using NNTrainer.ML.Tests.Persistence;
using NNTrainer.Tests.Images;

namespace NNTrainer.ML.Tests.Images;

public sealed class ImagePersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-image-zip-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(NeuralNetworkArchitecture.LeNet)]
    [InlineData(NeuralNetworkArchitecture.MiniVGGNet)]
    public void An_image_pipeline_reloads_in_a_fresh_process_decodes_the_files_itself_and_scores_identically(NeuralNetworkArchitecture architecture)
    {
        var mlContext = new MLContext(seed: 1);
        var data = ImagePipeline.Load(mlContext, TestImages.WriteFolder(Path.Combine(_directory, "images"), perClass: 6, seed: 11));
        var model = ImagePipeline.Create(mlContext, architecture, side: 12, epochs: 3).Fit(data);
        string[] columns = ["Score", "PredictedLabel", "PredictedClass"];
        var scored = model.Transform(data);

        string modelPath = Path.Combine(_directory, "model.zip"), dataPath = Path.Combine(_directory, "files.idv");
        mlContext.Model.Save(model, data.Schema, modelPath);
        // The fresh process gets file names and labels only: the saved model loads, resizes and extracts the pixels.
        using (var stream = File.Create(dataPath)) mlContext.Data.SaveAsBinary(data, stream);
        var fresh = LoadCheckProcess.Run("multiclass", modelPath, dataPath, columns);

        Assert.Equal(RowFormatter.Rows(scored, columns), fresh.Rows);
        Assert.Equal("Score Vector<Single, 3>", fresh.Types[0]);
        Assert.Equal("PredictedClass String", fresh.Types[2]);
        var metrics = RowFormatter.Metrics(mlContext.MulticlassClassification.Evaluate(scored)).Split(' ').Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.Equal(metrics.OrderBy(p => p.Key), fresh.Metrics.OrderBy(p => p.Key));
    }

    [Fact]
    public void A_reloaded_image_model_keeps_its_architecture_and_batch_statistics_bit_for_bit()
    {
        var mlContext = new MLContext(seed: 1);
        var data = ImagePipeline.Load(mlContext, TestImages.WriteFolder(Path.Combine(_directory, "images"), perClass: 4, seed: 12));
        var model = ImagePipeline.Create(mlContext, NeuralNetworkArchitecture.MiniVGGNet, side: 8, epochs: 2).Fit(data);
        string path = Path.Combine(_directory, "model.zip");
        mlContext.Model.Save(model, data.Schema, path);

        var loaded = NeuralNetworkModel.FindNetwork(mlContext.Model.Load(path, out _)).Network;
        var trained = NeuralNetworkModel.FindNetwork(model).Network;

        Assert.Equal(trained.Layers.Select(l => l.GetType()), loaded.Layers.Select(l => l.GetType()));
        var norms = trained.Layers.OfType<BatchNormalizationLayer>().Zip(loaded.Layers.OfType<BatchNormalizationLayer>()).ToArray();
        Assert.Equal(5, norms.Length);
        foreach (var (a, b) in norms)
        {
            Assert.Equal(a.RunningMean.Select(BitConverter.SingleToInt32Bits), b.RunningMean.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(a.RunningVariance.Select(BitConverter.SingleToInt32Bits), b.RunningVariance.Select(BitConverter.SingleToInt32Bits));
        }
    }
}
