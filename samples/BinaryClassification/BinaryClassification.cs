using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Samples;

/// <summary>
/// Binary classification with the options overload of <c>mlContext.BinaryClassification.Trainers.NeuralNetwork</c>:
/// a chosen architecture, a held-out validation fraction with early stopping, and a progress callback. The
/// label depends on the features non-linearly (inside or outside a ring), which a linear model cannot learn.
/// </summary>
public static class BinaryClassification
{
    public static void Example()
    {
        var mlContext = new MLContext(seed: 0);

        var trainingData = mlContext.Data.LoadFromEnumerable(GeneratePoints(count: 2000, seed: 1));
        var testData = mlContext.Data.LoadFromEnumerable(GeneratePoints(count: 500, seed: 2));

        var options = new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [32, 16],
            NumberOfEpochs = 100,
            BatchSize = 64,
            LearningRate = 0.005f,
            // Hold out 20% of the rows and stop when their loss has not improved for 5 epochs, keeping the best weights.
            ValidationSetFraction = 0.2f,
            EarlyStoppingPatience = 5,
            EpochEnded = epoch =>
            {
                if (epoch.Epoch % 10 == 0) Console.WriteLine($"Epoch {epoch.Epoch}: validation loss {epoch.ValidationLoss:F3}, validation accuracy {epoch.ValidationAccuracy:F3}");
            },
        };
        var pipeline = mlContext.Transforms.NormalizeMeanVariance("Features")
            .Append(mlContext.BinaryClassification.Trainers.NeuralNetwork(options));

        var model = pipeline.Fit(trainingData);
        var history = model.LastTransformer.History;
        Console.WriteLine($"Stopped: {history.StopReason} after {history.Epochs.Count} epochs, best epoch {history.BestEpoch}");

        var predictions = model.Transform(testData);
        foreach (var p in mlContext.Data.CreateEnumerable<Prediction>(predictions, reuseRowObject: false).Take(5))
        {
            Console.WriteLine($"Label: {p.Label,-5} Prediction: {p.PredictedLabel,-5} Probability: {p.Probability:F3} Score: {p.Score:F3}");
        }

        var metrics = mlContext.BinaryClassification.Evaluate(predictions);
        Console.WriteLine($"Accuracy: {metrics.Accuracy:F2}");
        Console.WriteLine($"AUC: {metrics.AreaUnderRocCurve:F2}");
        Console.WriteLine($"F1 Score: {metrics.F1Score:F2}");
        Console.WriteLine($"Log Loss: {metrics.LogLoss:F2}");
    }

    private static IEnumerable<Point> GeneratePoints(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            float x = (float)(random.NextDouble() * 4 - 2), y = (float)(random.NextDouble() * 4 - 2);
            float radius = MathF.Sqrt(x * x + y * y);
            // Points on the ring between radius 0.8 and 1.6 are positive; 5% of the labels are flipped as noise.
            bool onRing = radius > 0.8f && radius < 1.6f;
            yield return new Point { Label = random.NextDouble() < 0.05 ? !onRing : onRing, Features = [x, y] };
        }
    }

    private sealed class Point
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public bool Label { get; set; }

        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }
}

// Expected output:
//   Epoch 10: validation loss 0.447, validation accuracy 0.823
//   Epoch 20: validation loss 0.342, validation accuracy 0.902
//   Stopped: EarlyStopped after 29 epochs, best epoch 24
//   Label: True  Prediction: True  Probability: 0.946 Score: 2.871
//   Label: False Prediction: False Probability: 0.002 Score: -6.274
//   Label: True  Prediction: True  Probability: 0.950 Score: 2.949
//   Label: True  Prediction: False Probability: 0.005 Score: -5.201
//   Label: False Prediction: False Probability: 0.039 Score: -3.199
//   Accuracy: 0.93
//   AUC: 0.96
//   F1 Score: 0.91
//   Log Loss: 0.40
