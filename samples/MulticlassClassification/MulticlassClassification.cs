using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Samples;

/// <summary>
/// Multiclass classification with <c>mlContext.MulticlassClassification.Trainers.NeuralNetwork()</c> at its defaults:
/// text labels mapped to keys, measurements gathered and normalised, the network trained, evaluated with the stock
/// evaluator, saved, loaded back and used through a <c>PredictionEngine</c>.
/// </summary>
public static class MulticlassClassification
{
    public static void Example()
    {
        // A seeded context makes training reproducible bit for bit.
        var mlContext = new MLContext(seed: 0);

        var trainingData = mlContext.Data.LoadFromEnumerable(GenerateBeans(count: 900, seed: 1));
        var testData = mlContext.Data.LoadFromEnumerable(GenerateBeans(count: 300, seed: 2));

        // The label is text: MapValueToKey turns it into the key type the trainer needs, and MapKeyToValue turns
        // the predicted key back into text. The measurements have very different scales, so they are normalised.
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Bean.Label))
            .Append(mlContext.Transforms.Concatenate("Features", nameof(Bean.Acidity), nameof(Bean.Caffeine), nameof(Bean.Density), nameof(Bean.Moisture)))
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(mlContext.MulticlassClassification.Trainers.NeuralNetwork(labelColumnName: "LabelKey"))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var model = pipeline.Fit(trainingData);
        var network = model.OfType<NeuralNetworkMulticlassTransformer>().Single();
        Console.WriteLine($"Trained for {network.History.Epochs.Count} epochs; last training loss {network.History.Last!.Loss:F3}");

        var predictions = model.Transform(testData);
        foreach (var p in mlContext.Data.CreateEnumerable<Prediction>(predictions, reuseRowObject: false).Take(5))
        {
            Console.WriteLine($"Label: {p.Label,-8} Prediction: {p.PredictedLabel,-8} Probabilities: {string.Join(" ", p.Score.Select(s => s.ToString("F2")))}");
        }

        var metrics = mlContext.MulticlassClassification.Evaluate(predictions, labelColumnName: "LabelKey");
        Console.WriteLine($"Micro Accuracy: {metrics.MicroAccuracy:F2}");
        Console.WriteLine($"Macro Accuracy: {metrics.MacroAccuracy:F2}");
        Console.WriteLine($"Log Loss: {metrics.LogLoss:F2}");

        // The saved .zip holds the whole pipeline, network included: loading it needs only Microsoft.ML and this
        // library's assembly, as for a stock trainer.
        string path = Path.Combine(Path.GetTempPath(), "nntrainer-beans.zip");
        mlContext.Model.Save(model, trainingData.Schema, path);
        var loaded = mlContext.Model.Load(path, out _);
        File.Delete(path);

        var engine = mlContext.Model.CreatePredictionEngine<Bean, Prediction>(loaded);
        var bean = new Bean { Acidity = 5.2f, Caffeine = 2.4f, Density = 0.71f, Moisture = 11.5f };
        Console.WriteLine($"A bean with acidity 5.2 and caffeine 2.4% is predicted to be {engine.Predict(bean).PredictedLabel}");
    }

    private static IEnumerable<Bean> GenerateBeans(int count, int seed)
    {
        string[] kinds = ["Arabica", "Robusta", "Liberica"];
        float[] acidity = [5.0f, 5.6f, 5.3f], caffeine = [1.3f, 2.4f, 1.5f], density = [0.70f, 0.68f, 0.60f], moisture = [11f, 12f, 11.5f];
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int k = random.Next(3);
            yield return new Bean
            {
                Label = kinds[k],
                Acidity = acidity[k] + 0.25f * Gaussian(random),
                Caffeine = caffeine[k] + 0.2f * Gaussian(random),
                Density = density[k] + 0.03f * Gaussian(random),
                Moisture = moisture[k] + 0.8f * Gaussian(random),
            };
        }
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private sealed class Bean
    {
        public string Label { get; set; } = "";

        public float Acidity { get; set; }

        public float Caffeine { get; set; }

        public float Density { get; set; }

        public float Moisture { get; set; }
    }

    private sealed class Prediction
    {
        public string Label { get; set; } = "";

        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }
}

// Expected output:
//   Trained for 200 epochs; last training loss 0.080
//   Label: Liberica Prediction: Liberica Probabilities: 0.00 0.15 0.85
//   Label: Arabica  Prediction: Arabica  Probabilities: 0.99 0.00 0.01
//   Label: Liberica Prediction: Liberica Probabilities: 0.21 0.00 0.79
//   Label: Liberica Prediction: Liberica Probabilities: 0.00 0.17 0.82
//   Label: Liberica Prediction: Liberica Probabilities: 0.00 0.00 1.00
//   Micro Accuracy: 0.98
//   Macro Accuracy: 0.98
//   Log Loss: 0.08
//   A bean with acidity 5.2 and caffeine 2.4% is predicted to be Robusta
