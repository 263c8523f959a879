using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace NNTrainer.ML.Benchmarks;

/// <summary>The models whose scoring is compared, each a pipeline from raw rows: key-mapped label and the trainer.</summary>
public sealed class TrainedModels
{
    public const string NeuralNetwork = "NNTrainer NeuralNetwork 784-128-128-10";
    public const string NeuralNetworkReloaded = "NNTrainer NeuralNetwork, reloaded from .zip";
    public const string Sdca = "ML.NET SdcaMaximumEntropy";
    public const string LightGbm = "ML.NET LightGbm";

    public required IReadOnlyDictionary<string, ITransformer> Models { get; init; }

    public required IReadOnlyDictionary<string, double> TrainSeconds { get; init; }

    /// <param name="neuralNetworkEpochs">Epochs of the network; scoring cost does not depend on it.</param>
    /// <param name="lightGbmIterations">Boosting iterations; scoring cost grows with it (100 is LightGbm's default).</param>
    public static TrainedModels Train(MLContext mlContext, FashionMnistData data, int neuralNetworkEpochs, int lightGbmIterations, int threads)
    {
        var prepare = mlContext.Transforms.Conversion.MapValueToKey("Label");
        var pipelines = new Dictionary<string, IEstimator<ITransformer>>
        {
            [NeuralNetwork] = prepare.Append(mlContext.MulticlassClassification.Trainers.NeuralNetwork(
                new NeuralNetworkMulticlassTrainer.Options { HiddenLayers = [128, 128], NumberOfEpochs = neuralNetworkEpochs, NumberOfThreads = threads })),
            [Sdca] = prepare.AppendCacheCheckpoint(mlContext).Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = threads })),
            [LightGbm] = prepare.AppendCacheCheckpoint(mlContext).Append(mlContext.MulticlassClassification.Trainers.LightGbm(
                new LightGbmMulticlassTrainer.Options { NumberOfThreads = threads, NumberOfIterations = lightGbmIterations })),
        };
        var models = new Dictionary<string, ITransformer>();
        var seconds = new Dictionary<string, double>();
        foreach (var (name, pipeline) in pipelines)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            models[name] = pipeline.Fit(data.Train);
            seconds[name] = clock.Elapsed.TotalSeconds;
        }
        string path = Path.Combine(Path.GetTempPath(), $"nntrainer-bench-{Environment.ProcessId}.zip");
        mlContext.Model.Save(models[NeuralNetwork], data.Train.Schema, path);
        models[NeuralNetworkReloaded] = mlContext.Model.Load(path, out _);
        File.Delete(path);
        return new TrainedModels { Models = models, TrainSeconds = seconds };
    }
}
