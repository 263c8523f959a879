using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Samples;

/// <summary>
/// Example weights and continued training: a rare positive class (one row in ten) weighted up so that the network
/// finds it, the model saved and loaded back in the same process, then trained further on new rows with
/// <c>trainer.Fit(newData, network)</c>, where the network comes out of the reloaded model.
/// </summary>
public static class WeightedAndIncremental
{
    public static void Example()
    {
        var mlContext = new MLContext(seed: 0);
        var january = mlContext.Data.LoadFromEnumerable(GenerateRows(count: 2000, seed: 1));
        var february = mlContext.Data.LoadFromEnumerable(GenerateRows(count: 2000, seed: 2));
        var test = mlContext.Data.LoadFromEnumerable(GenerateRows(count: 2000, seed: 3));

        NeuralNetworkBinaryTrainer Trainer(string? weights, int epochs) => mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [16],
            NumberOfEpochs = epochs,
            LearningRate = 0.01f,
            // The column ML.NET's stock trainers call exampleWeightColumnName: a positive row counts nine times.
            ExampleWeightColumnName = weights,
        });

        var plain = Trainer(weights: null, epochs: 10).Fit(january);
        var weighted = Trainer(weights: "Weight", epochs: 10).Fit(january);
        Report("Without weights", plain, test, mlContext);
        Report("With weights", weighted, test, mlContext);

        // Save and load in the same process: the reloaded model is ML.NET's own chain of stock transforms.
        using var file = new MemoryStream();
        mlContext.Model.Save(weighted, january.Schema, file);
        file.Position = 0;
        var reloaded = mlContext.Model.Load(file, out _);
        Report("Reloaded", reloaded, test, mlContext);

        // Continue training on February's rows from the reloaded network: Fit(trainData, modelParameters).
        var network = NeuralNetworkModel.FindNetwork(reloaded).Network;
        var continued = Trainer(weights: "Weight", epochs: 5).Fit(february, network);
        Console.WriteLine($"Continued for {continued.History.Epochs.Count} epochs: loss {continued.History.Epochs[0].Loss:F3} -> {continued.History.Epochs[^1].Loss:F3}");
        Report("Continued", continued, test, mlContext);
    }

    private static void Report(string name, ITransformer model, IDataView test, MLContext mlContext)
    {
        var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(test));
        Console.WriteLine($"{name,-16} accuracy {metrics.Accuracy:F3}, positive recall {metrics.PositiveRecall:F3}, positive precision {metrics.PositivePrecision:F3}, AUC {metrics.AreaUnderRocCurve:F3}");
    }

    private static IEnumerable<Row> GenerateRows(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            // One row in ten is positive; the two classes overlap, so a model that ignores the rare class scores 90 %.
            bool positive = random.NextDouble() < 0.1;
            float shift = positive ? 1.5f : 0f;
            yield return new Row
            {
                Label = positive,
                Features = [Gaussian(random) + shift, Gaussian(random) + shift, Gaussian(random)],
                Weight = positive ? 9f : 1f,
            };
        }
    }

    private static float Gaussian(Random random) => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private sealed class Row
    {
        public bool Label { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public float Weight { get; set; }
    }
}

// Expected output:
//   Without weights  accuracy 0.933, positive recall 0.555, positive precision 0.771, AUC 0.935
//   With weights     accuracy 0.854, positive recall 0.858, positive precision 0.416, AUC 0.936
//   Reloaded         accuracy 0.854, positive recall 0.858, positive precision 0.416, AUC 0.936
//   Continued for 5 epochs: loss 0.369 -> 0.361
//   Continued        accuracy 0.848, positive recall 0.867, positive precision 0.406, AUC 0.934
