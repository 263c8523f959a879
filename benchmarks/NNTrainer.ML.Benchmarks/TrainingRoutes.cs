using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace NNTrainer.ML.Benchmarks;

/// <summary>The ways to train the same network on the same in-memory rows.</summary>
public enum TrainingRoute
{
    /// <summary>The engine directly: copy the rows' feature arrays into a new <see cref="Matrix"/>, then <c>Network.Fit</c>.</summary>
    Engine,

    /// <summary>The ML.NET trainer's <c>Fit</c> on a view of the rows whose label is already a key.</summary>
    Trainer,

    /// <summary>A pipeline's <c>Fit</c>: <c>MapValueToKey</c> on the rows' numeric label, then the trainer.</summary>
    Pipeline,
}

/// <summary>One timed training.</summary>
/// <param name="Route">How it was trained.</param>
/// <param name="Seconds">Wall time of everything the route does, from the rows to the trained network.</param>
/// <param name="LoopSeconds">The part spent in the epochs' training steps (the history's epoch times).</param>
/// <param name="WeightsHash">A hash of every weight and bias, to check that all routes trained the same network.</param>
public sealed record RouteTiming(TrainingRoute Route, double Seconds, double LoopSeconds, ulong WeightsHash)
{
    /// <summary>Everything but the training steps: getting the data into the engine's matrix, building, checks.</summary>
    public double OutsideLoopSeconds => Seconds - LoopSeconds;
}

/// <summary>
/// Trains 784-128-128-10 (ReLU, softmax, Adam 0.001, batches of 128, the same seed) on the same rows by each
/// <see cref="TrainingRoute"/>. Every route starts from the rows as the user holds them (60,000 objects, each with its
/// own 784-float array) and ends with a trained network, so all of them include getting the data into one contiguous
/// float32 matrix.
/// </summary>
public static class TrainingRoutes
{
    public static RouteTiming Train(TrainingRoute route, MLContext mlContext, FashionMnistData data, int epochs, int threads, int seed) => route switch
    {
        TrainingRoute.Engine => Engine(data.TrainRows, epochs, threads, seed),
        TrainingRoute.Trainer => Trainer(mlContext, data.TrainKeyed, epochs, threads, seed),
        _ => Pipeline(mlContext, data.Train, epochs, threads, seed),
    };

    /// <summary>The engine route on the first <paramref name="count"/> rows: a warm-up that compiles the same code without touching much memory.</summary>
    public static void WarmUp(MLContext mlContext, FashionMnistData data, int count, int threads)
    {
        var rows = data.TrainRows.Take(count).ToList();
        Engine(rows, epochs: 1, threads, seed: 1);
        Trainer(mlContext, mlContext.Data.LoadFromEnumerable(rows.Select(r => new KeyedImageRow { Label = r.Label, Features = r.Features })), 1, threads, seed: 1);
        Pipeline(mlContext, mlContext.Data.LoadFromEnumerable(rows), 1, threads, seed: 1);
    }

    private static RouteTiming Engine(List<ImageRow> rows, int epochs, int threads, int seed)
    {
        var clock = Stopwatch.StartNew();
        var inputs = new Matrix(rows.Count, 784);
        var labels = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Features.CopyTo(inputs.Row(i));
            labels[i] = (int)rows[i].Label;
        }
        var network = new Network(seed) { NumberOfThreads = threads };
        network.Add(new DenseLayer(784, 128)).Add(new ReLUActivation())
            .Add(new DenseLayer(128, 128)).Add(new ReLUActivation())
            .Add(new DenseLayer(128, 10)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.001f));
        var history = network.Fit(inputs, labels, new FitOptions { Epochs = epochs, BatchSize = 128 });
        return new RouteTiming(TrainingRoute.Engine, clock.Elapsed.TotalSeconds, LoopSeconds(history), Hash(network));
    }

    private static RouteTiming Trainer(MLContext mlContext, IDataView keyed, int epochs, int threads, int seed)
    {
        var clock = Stopwatch.StartNew();
        var model = mlContext.MulticlassClassification.Trainers.NeuralNetwork(Options(epochs, threads, seed)).Fit(keyed);
        return new RouteTiming(TrainingRoute.Trainer, clock.Elapsed.TotalSeconds, LoopSeconds(model.History), Hash(model.Network));
    }

    private static RouteTiming Pipeline(MLContext mlContext, IDataView raw, int epochs, int threads, int seed)
    {
        var clock = Stopwatch.StartNew();
        // Keys in the order of the label values, so that key k+1 is class k as on the other routes.
        var model = mlContext.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(mlContext.MulticlassClassification.Trainers.NeuralNetwork(Options(epochs, threads, seed)))
            .Fit(raw).LastTransformer;
        return new RouteTiming(TrainingRoute.Pipeline, clock.Elapsed.TotalSeconds, LoopSeconds(model.History), Hash(model.Network));
    }

    private static NeuralNetworkMulticlassTrainer.Options Options(int epochs, int threads, int seed) =>
        new() { HiddenLayers = [128, 128], NumberOfEpochs = epochs, BatchSize = 128, LearningRate = 0.001f, Seed = seed, NumberOfThreads = threads };

    private static double LoopSeconds(TrainingHistory history) => history.Epochs.Sum(e => e.Elapsed.TotalSeconds);

    // FNV-1a over the bit patterns of every parameter value, in layer order.
    private static ulong Hash(Network network)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var parameter in network.Parameters)
        {
            foreach (float value in parameter.Values)
            {
                hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(value)) * 1099511628211UL;
            }
        }
        return hash;
    }
}
