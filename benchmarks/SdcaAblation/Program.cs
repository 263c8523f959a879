using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace SdcaAblation;

/// <summary>
/// usage: SdcaAblation --data DIR/iris --splits 40 --out FILE.jsonl VARIANT [VARIANT ...]
/// Writes one JSON line per variant and split: test accuracy, every test row's predicted class, the penalty and
/// iteration counts SDCA chose (from its log), and the weights and biases in the normalised feature space, so that a
/// replication in numpy can be compared decision by decision (benchmarks/defaults/sdca_replicate.py).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string data = "", output = "";
        int splits = 40;
        var variants = new List<Variant>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data": data = args[++i]; break;
                case "--splits": splits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                default: variants.Add(Variant.Parse(args[i])); break;
            }
        }
        if (data.Length == 0 || output.Length == 0 || variants.Count == 0)
        {
            Console.Error.WriteLine("usage: SdcaAblation --data DIR/iris --splits 40 --out FILE.jsonl VARIANT [VARIANT ...]");
            return 2;
        }
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "meta.json"))).RootElement;
        string[] numeric = meta.GetProperty("numeric").EnumerateArray().Select(v => v.GetString()!).ToArray();
        string[] classes = meta.GetProperty("classes").EnumerateArray().Select(v => v.GetString()!).ToArray();
        using var writer = new StreamWriter(output);
        foreach (var variant in variants)
        {
            var accuracies = new List<double>();
            for (int split = 0; split < splits; split++)
            {
                var run = Fit(variant, data, split, numeric, classes);
                accuracies.Add(run.Accuracy);
                writer.WriteLine(JsonSerializer.Serialize(run));
            }
            Console.WriteLine($"{variant.Name,-24} {accuracies.Average():F4}  (0-19 {accuracies.Take(20).Average():F4})");
        }
        return 0;
    }

    private static Run Fit(Variant variant, string data, int split, string[] numeric, string[] classes)
    {
        var ml = new MLContext(seed: split + variant.SeedOffset);
        var log = new List<string>();
        ml.Log += (_, e) => { if (e.Message.Contains("Auto-tuning") || e.Message.Contains("model from")) log.Add(e.Message); };
        var train = Load(ml, Path.Combine(data, $"split{split}.train.csv"), numeric);
        var test = Load(ml, Path.Combine(data, $"split{split}.test.csv"), numeric);
        var keys = ml.Data.LoadFromEnumerable(classes.Select(c => new ClassRow { Value = c }));
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "y", keyData: keys)
            .Append(ml.Transforms.Concatenate("Numeric", numeric))
            .Append(ml.Transforms.ReplaceMissingValues("Numeric", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
            .Append(ml.Transforms.Concatenate("Features", "Numeric"));
        pipeline = variant.Normalizer switch
        {
            "fixzero" => pipeline.Append(ml.Transforms.NormalizeMeanVariance("Features")),
            "centred" => pipeline.Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)),
            "minmax" => pipeline.Append(ml.Transforms.NormalizeMinMax("Features")),
            "none" => pipeline,
            _ => throw new ArgumentException($"Unknown normaliser '{variant.Normalizer}'."),
        };
        var options = new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            L2Regularization = variant.L2,
            L1Regularization = variant.L1,
            MaximumNumberOfIterations = variant.Iterations,
            BiasLearningRate = variant.BiasLearningRate,
            Shuffle = variant.Shuffle,
        };
        if (variant.Tolerance is float tolerance)
            options.ConvergenceTolerance = tolerance;
        var model = pipeline.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(options)).Fit(train);
        var scored = model.Transform(test);
        double accuracy = ml.MulticlassClassification.Evaluate(scored).MicroAccuracy;
        var predicted = scored.GetColumn<uint>("PredictedLabel").Select(k => (int)k - 1).ToArray();
        var parameters = model.LastTransformer.Model;
        VBuffer<float>[] weights = [];
        parameters.GetWeights(ref weights, out int _);
        return new Run(variant.Name, split, accuracy, predicted, log,
            weights.Select(w => w.DenseValues().ToArray()).ToArray(), parameters.GetBiases().ToArray());
    }

    private static IDataView Load(MLContext ml, string path, string[] numeric)
    {
        var columns = numeric.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i)).Append(new TextLoader.Column("y", DataKind.String, numeric.Length));
        return ml.Data.Cache(ml.Data.LoadFromTextFile(path, new TextLoader.Options { Columns = [.. columns], HasHeader = true, Separators = [','], MissingRealsAsNaNs = true }));
    }

    private sealed class ClassRow
    {
        public string Value { get; set; } = "";
    }

    private sealed record Run(string Variant, int Split, double Accuracy, int[] Predicted, List<string> Log, float[][] Weights, float[] Biases);
}
