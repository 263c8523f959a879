using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;
using NNTrainer.Training;

namespace NNTrainer.Defaults.Bench;

/// <summary>
/// Round 6 prototype: K catalog networks with the defaults, each with its own seed (member 0 with the catalog's own
/// seed, as the plain catalog system), optionally each on a bootstrap sample of the training rows, composed into one
/// network that averages their logits (<see cref="EnsembleComposer"/>), scored on the test split.
/// System names: "ens{K}" (all rows) and "bag{K}" (bootstrap rows).
/// </summary>
internal static class EnsembleSystem
{
    public static bool Is(string system) => system.StartsWith("ens", StringComparison.Ordinal) || system.StartsWith("bag", StringComparison.Ordinal) || system.StartsWith("ini", StringComparison.Ordinal);

    // The shuffling seed of every "ini" member of a split.
    private static int ShuffleSeed(int split) => 104_729 + split;

    public static (double Metric, double Seconds) Run(string system, DatasetMeta data, int split, string work)
    {
        int k = int.Parse(system.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
        bool bag = system.StartsWith("bag", StringComparison.Ordinal);
        bool initOnly = system.StartsWith("ini", StringComparison.Ordinal);
        if (initOnly && data.IsRegression) throw new ArgumentException("ini<K> members are for classification (a continued regression model skips the cross-validated L2).");
        var ml = new MLContext(seed: split);
        var train = CatalogSystems.Load(ml, data, data.TrainCsv(split));
        var test = CatalogSystems.Load(ml, data, data.TestCsv(split));
        CatalogSystems.TrainRows = data.Rows - data.Splits[split].Length;
        var featurizer = CatalogSystems.Featurize(ml, data).Fit(train);
        var testView = featurizer.Transform(test);
        var members = new List<Network>();
        double seconds = 0;
        for (int m = 0; m < k; m++)
        {
            var view = featurizer.Transform(bag ? CatalogSystems.Load(ml, data, Bootstrap(data.TrainCsv(split), split * 1000 + m, work)) : train);
            int? seed = m == 0 ? null : 7919 * m + split;
            var clock = Stopwatch.StartNew();
            Network network = initOnly ? InitOnlyMembers.Train(ml, data, view, ShuffleSeed(split), m == 0 ? ShuffleSeed(split) : 7919 * m + split) : data.Task switch
            {
                "multiclass" => ml.MulticlassClassification.Trainers.NeuralNetwork(CatalogSystems.Tuned(new NeuralNetworkMulticlassTrainer.Options { NumberOfThreads = 1, Seed = seed })).Fit(view).Model,
                "binary" => ml.BinaryClassification.Trainers.NeuralNetwork(CatalogSystems.Tuned(new NeuralNetworkBinaryTrainer.Options { NumberOfThreads = 1, Seed = seed })).Fit(view).Model,
                _ => ml.Regression.Trainers.NeuralNetwork(CatalogSystems.Tuned(new NeuralNetworkRegressionTrainer.Options { NumberOfThreads = 1, Seed = seed })).Fit(view).Model,
            };
            seconds += clock.Elapsed.TotalSeconds;
            members.Add(network);
        }
        if (initOnly && split == 0) CheckInitOnlyMember(ml, data, trainView: featurizer.Transform(train), members[0], testView);
        var composeClock = Stopwatch.StartNew();
        var composed = EnsembleComposer.Compose(members);
        seconds += composeClock.Elapsed.TotalSeconds;
        var features = testView.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
        var inputs = Matrix.FromRows(features);
        var outputs = composed.Predict(inputs);
        CheckAveragedLogits(data, members.Select(m => m.Predict(inputs)).ToArray(), outputs);
        return (Score(data, testView, outputs), seconds);
    }

    // An "ini" member whose initial weights come from its own shuffling seed must train as the plain network of that
    // seed: the same shuffles, and initial weights equal to the plain ones up to the float rounding of the pre-folding.
    // Over thousands of steps (digits: 9,000) that rounding grows, so the check is relative: the member must be at least
    // ten times closer to the plain network of its seed than that network is to the plain network of the next seed.
    private static void CheckInitOnlyMember(MLContext ml, DatasetMeta data, IDataView trainView, Network member, IDataView testView)
    {
        Network Plain(int seed) => data.Task == "multiclass"
            ? ml.MulticlassClassification.Trainers.NeuralNetwork(CatalogSystems.Tuned(new NeuralNetworkMulticlassTrainer.Options { NumberOfThreads = 1, Seed = seed })).Fit(trainView).Model
            : ml.BinaryClassification.Trainers.NeuralNetwork(CatalogSystems.Tuned(new NeuralNetworkBinaryTrainer.Options { NumberOfThreads = 1, Seed = seed })).Fit(trainView).Model;
        var inputs = Matrix.FromRows(testView.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray());
        static double Largest(Matrix a, Matrix b) => a.Data.Zip(b.Data, (x, y) => (double)Math.Abs(x - y)).Max();
        var plain = Plain(ShuffleSeed(0)).Predict(inputs);
        double same = Largest(plain, member.Predict(inputs));
        double other = Largest(plain, Plain(ShuffleSeed(0) + 1).Predict(inputs));
        Console.WriteLine($"{data.Name}: largest output difference of an ini member of its own shuffling seed from the plain network of that seed {same:G3}, of the next seed's plain network {other:G3}");
        if (same > 0.1 * other) throw new InvalidOperationException($"{data.Name}: the ini member does not train as the plain network of its seed (output difference {same}, {other} between seeds).");
    }

    // The composed network's outputs must be the members' averaged logits (recovered from their probabilities:
    // log-softmax differs from the logits by a per-row constant, which softmax cancels; the sigmoid's logit is log(p/(1−p))).
    private static void CheckAveragedLogits(DatasetMeta data, Matrix[] members, Matrix composed)
    {
        for (int i = 0; i < composed.Rows; i++)
        {
            var expected = new double[composed.Columns];
            for (int c = 0; c < composed.Columns; c++)
            {
                double mean = members.Average(m => data.Task switch
                {
                    "multiclass" => Math.Log(Math.Max(m[i, c], 1e-30)),
                    "binary" => Math.Log(Math.Max(m[i, c], 1e-30) / Math.Max(1 - m[i, c], 1e-30)),
                    _ => (double)m[i, c],
                });
                expected[c] = data.Task == "binary" ? 1 / (1 + Math.Exp(-mean)) : mean;
            }
            if (data.Task == "multiclass")
            {
                double max = expected.Max(), sum = expected.Sum(v => Math.Exp(v - max));
                for (int c = 0; c < expected.Length; c++) expected[c] = Math.Exp(expected[c] - max) / sum;
            }
            for (int c = 0; c < composed.Columns; c++)
            {
                double tolerance = data.IsRegression ? 1e-4 * Math.Max(1, Math.Abs(expected[c])) : 1e-4;
                if (Math.Abs(expected[c] - composed[i, c]) > tolerance)
                    throw new InvalidOperationException($"{data.Name}: the composed network's output [{i},{c}] is {composed[i, c]}, the averaged members' {expected[c]}.");
            }
        }
    }

    private static double Score(DatasetMeta data, IDataView test, Matrix outputs)
    {
        int n = outputs.Rows;
        switch (data.Task)
        {
            case "multiclass":
            {
                var labels = test.GetColumn<uint>("Label").ToArray();
                int right = 0;
                for (int i = 0; i < n; i++)
                {
                    int best = 0;
                    for (int c = 1; c < outputs.Columns; c++) if (outputs[i, c] > outputs[i, best]) best = c;
                    if (best == labels[i] - 1) right++;
                }
                return (double)right / n;
            }
            case "binary":
            {
                var labels = test.GetColumn<bool>("Label").ToArray();
                int right = 0;
                for (int i = 0; i < n; i++) if ((outputs[i, 0] > 0.5f) == labels[i]) right++;
                return (double)right / n;
            }
            default:
            {
                var labels = test.GetColumn<float>("Label").ToArray();
                double mean = labels.Average(v => (double)v), sse = 0, sst = 0;
                for (int i = 0; i < n; i++)
                {
                    sse += Math.Pow(labels[i] - outputs[i, 0], 2);
                    sst += Math.Pow(labels[i] - mean, 2);
                }
                return 1 - sse / sst;
            }
        }
    }

    // The training CSV with its rows drawn with replacement (as many as it has), seeded.
    private static string Bootstrap(string csv, int seed, string work)
    {
        var lines = File.ReadAllLines(csv);
        var random = new Random(seed);
        var rows = Enumerable.Range(0, lines.Length - 1).Select(_ => lines[1 + random.Next(lines.Length - 1)]);
        var path = Path.Combine(work, $"bootstrap-{seed}.csv");
        File.WriteAllLines(path, [lines[0], .. rows]);
        return path;
    }
}
