using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using NNTrainer.ML;

namespace NNTrainer.Defaults.Bench;

/// <summary>
/// Trainers from ML.NET's catalogs with their defaults, after the featurisation an ML.NET user writes: missing numbers
/// replaced by the mean, text one-hot encoded, everything concatenated and standardised (<c>NormalizeMeanVariance</c>).
/// The time is the wall-clock time of <c>Fit</c> on the whole pipeline. Every trainer runs on one thread (the only
/// option changed): on a shared machine, SDCA's multi-threaded default spun for about a minute per split of iris.
/// </summary>
internal static class CatalogSystems
{
    public const string NeuralNetwork = "NNTrainer catalog";

    /// <summary>The systems of a task, in report order.</summary>
    public static IReadOnlyList<string> For(DatasetMeta data) => data.Task switch
    {
        "multiclass" => [NeuralNetwork, "SDCA", "L-BFGS", "LightGBM"],
        "binary" => [NeuralNetwork, "SDCA", "L-BFGS", "LightGBM", "FastTree"],
        _ => [NeuralNetwork, "SDCA", "LightGBM", "FastTree"],
    };

    public static (double Metric, double Seconds) Run(string system, DatasetMeta data, int split)
    {
        var ml = new MLContext(seed: split);
        var train = Load(ml, data, data.TrainCsv(split));
        var test = Load(ml, data, data.TestCsv(split));
        TrainRows = data.Rows - data.Splits[split].Length;
        var pipeline = Featurize(ml, data).Append(Trainer(ml, data, system));
        var clock = Stopwatch.StartNew();
        var model = pipeline.Fit(train);
        double seconds = clock.Elapsed.TotalSeconds;
        // Round 7: which model a small classification table chose by cross-validation, and the candidates' fold scores.
        if (model.LastOrDefault() is NeuralNetworkTransformer { ModelSelection: { } selection })
            Console.Error.WriteLine($"selection {data.Name} split {split}: {selection.Chosen} {string.Join(" ", selection.Scores.Select(s => $"{s.Candidate}={s.HeldOutAccuracy:F4}/{s.HeldOutLoss:F4}"))}");
        // Round 10b: the L2 penalty the network trained with (chosen by cross-validation or by the rule).
        if (model.LastOrDefault() is NeuralNetworkTransformer { Network: { } network })
            Console.Error.WriteLine($"l2 {data.Name} split {split}: {string.Join(",", network.Layers.OfType<NNTrainer.Layers.DenseLayer>().Select(d => d.Weights.L2).Distinct())}");
        // Round 11c: the epochs of the final fit (the cost of a longer training, where this machine's times are too noisy).
        if (model.LastOrDefault() is NeuralNetworkTransformer { History: { } history })
            Console.Error.WriteLine($"epochs {data.Name} split {split}: {history.Epochs.Count}");
        var scored = model.Transform(test);
        double metric = data.Task switch
        {
            "multiclass" => ml.MulticlassClassification.Evaluate(scored).MicroAccuracy,
            "binary" => ml.BinaryClassification.EvaluateNonCalibrated(scored).Accuracy,
            _ => ml.Regression.Evaluate(scored).RSquared,
        };
        return (metric, seconds);
    }

    internal static IDataView Load(MLContext ml, DatasetMeta data, string path)
    {
        var columns = new List<TextLoader.Column>();
        int index = 0;
        foreach (var name in data.Numeric) columns.Add(new TextLoader.Column(name, DataKind.Single, index++));
        foreach (var name in data.Categorical) columns.Add(new TextLoader.Column(name, DataKind.String, index++));
        columns.Add(new TextLoader.Column("y", data.IsRegression ? DataKind.Single : DataKind.String, index));
        var view = ml.Data.LoadFromTextFile(path, new TextLoader.Options { Columns = [.. columns], HasHeader = true, Separators = [','], MissingRealsAsNaNs = true });
        return ml.Data.Cache(view);
    }

    internal static IEstimator<ITransformer> Featurize(MLContext ml, DatasetMeta data)
    {
        // One flat chain: IEstimator's Append nests a new chain around the old one at every step, and ML.NET rebuilds
        // the schemas level by level (mlbench's DNA, 180 one-hot columns: 334 s a split, almost all of it there). The
        // same estimators in the same order, so the same seeds and models as before.
        var pipeline = new EstimatorChain<ITransformer>().Append(data.Task switch
        {
            "multiclass" => ml.Transforms.Conversion.MapValueToKey("Label", "y", keyData: ml.Data.LoadFromEnumerable(data.Classes.Select(c => new ClassRow { Value = c }))),
            "binary" => ml.Transforms.Conversion.MapValue("Label", new[] { new KeyValuePair<string, bool>(data.Classes[0], false), new KeyValuePair<string, bool>(data.Classes[1], true) }, "y"),
            _ => (IEstimator<ITransformer>)ml.Transforms.CopyColumns("Label", "y"),
        });
        var parts = new List<string>();
        if (data.Numeric.Length > 0)
        {
            pipeline = pipeline.Append<ITransformer>(ml.Transforms.Concatenate("Numeric", data.Numeric))
                .Append<ITransformer>(ml.Transforms.ReplaceMissingValues("Numeric", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
            parts.Add("Numeric");
        }
        foreach (var name in data.Categorical)
        {
            pipeline = pipeline.Append<ITransformer>(ml.Transforms.Categorical.OneHotEncoding("Cat_" + name, name));
            parts.Add("Cat_" + name);
        }
        return pipeline.Append(ml.Transforms.Concatenate("Features", [.. parts]))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, DatasetMeta data, string system) => (data.Task, system) switch
    {
        ("multiclass", NeuralNetwork) => ml.MulticlassClassification.Trainers.NeuralNetwork(Tuned(new NeuralNetworkMulticlassTrainer.Options { NumberOfThreads = 1 })),
        ("multiclass", "SDCA") => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
        ("multiclass", "L-BFGS") => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
        ("multiclass", "LightGBM") => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfThreads = 1 }),
        ("binary", NeuralNetwork) => ml.BinaryClassification.Trainers.NeuralNetwork(Tuned(new NeuralNetworkBinaryTrainer.Options { NumberOfThreads = 1 })),
        ("binary", "SDCA") => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }),
        ("binary", "L-BFGS") => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }),
        ("binary", "LightGBM") => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { NumberOfThreads = 1 }),
        ("binary", "FastTree") => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfThreads = 1 }),
        (_, NeuralNetwork) => ml.Regression.Trainers.NeuralNetwork(Tuned(new NeuralNetworkRegressionTrainer.Options { NumberOfThreads = 1 })),
        (_, "SDCA") => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 }),
        (_, "LightGBM") => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { NumberOfThreads = 1 }),
        (_, "FastTree") => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options { NumberOfThreads = 1 }),
        _ => throw new ArgumentException($"No trainer '{system}' for {data.Task}."),
    };

    /// <summary>
    /// Options changed from their defaults for an experiment (<c>--nn-options "hidden=100 (or none);batch=200;lr=0.001;l2=0.0001;epochs=200;patience=10;val=0.1;scalel2=false;standardize=false;dropout=0.1;decay=0.001;optimizer=adamw;wd=0.01;schedule=cosine;activation=tanh;anneal=false;threads=2;holdout=true"</c>);
    /// empty for the benchmark itself, which measures the defaults.
    /// </summary>
    public static string Overrides { get; set; } = "";

    internal static T Tuned<T>(T options) where T : NeuralNetworkOptionsBase
    {
        foreach (var pair in Overrides.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            var c = System.Globalization.CultureInfo.InvariantCulture;
            switch (key)
            {
                case "activation": options.Activation = Enum.Parse<NeuralNetworkActivation>(value, ignoreCase: true); break;
                case "budget": options.EpochWorkBudget = double.Parse(value, c); break; // round 13: the long training's budget of parameter-rows
                case "long": options.LongTrainingOnLargeData = value == "auto" ? null : bool.Parse(value); break; // round 13: the long training always (true), never (false) or chosen on a hold-out (auto)
                case "l2large": options.ScaleL2ForLargeData = bool.Parse(value); break;
                case "anneal": options.AnnealLearningRateOnLargeData = bool.Parse(value); break;
                case "threads": options.NumberOfThreads = int.Parse(value, c); break;
                case "hidden": options.HiddenLayers = value == "none" ? [] : value.Split(',').Select(int.Parse).ToArray(); break; // "none": a linear softmax model
                case "batch": options.BatchSize = int.Parse(value, c); break;
                case "lr": options.LearningRate = float.Parse(value, c); break;
                case "l2": options.L2Regularization = float.Parse(value, c); options.ScaleL2ForSmallData = false; options.CrossValidateL2OnSmallData = false; break;
                case "l2feat": options.SmallDataL2FeaturesFree = float.Parse(value, c); break; // round 11c: the small-data L2 rule on rows x min(1, k / features)
                case "l2hot": options.SmallDataL2FeaturesFree = float.Parse(value, c); options.SmallDataL2CountsTwoValued = true; break; // round 11c: the same, counting two-valued (one-hot) inputs only
                case "scalel2": options.ScaleL2ForSmallData = bool.Parse(value); break;
                case "l2cv": options.CrossValidateL2OnSmallData = bool.Parse(value); break;
                case "l2cvclass": options.CrossValidateL2ForClassifiers = value != "false"; options.CrossValidateL2ForClassifiersWeakerOnly = value is "weaker" or "step"; options.CrossValidateL2ForClassifiersOneStep = value == "step"; break; // round 10b: the same CV for classifiers (true), from the rule down (weaker), or the rule and one step down (step)
                case "select": options.SelectModelOnSmallData = bool.Parse(value); break; // round 7: model selection, off by default
                case "holdout": options.ChooseEpochsOnHoldOut = bool.Parse(value); break; // round 9: epochs and L2 on a hold-out, off by default
                case "standardize": options.StandardizeFeatures = bool.Parse(value); break;
                case "epochs": options.NumberOfEpochs = int.Parse(value, c); break;
                case "patience": options.EarlyStoppingPatience = int.Parse(value, c); break;
                case "val": options.ValidationSetFraction = float.Parse(value, c); break;
                case "l2rows": options.L2Regularization = L2ForRows(value); options.ScaleL2ForSmallData = false; break;
                case "l2pow": options.L2Regularization = L2Power(value); options.ScaleL2ForSmallData = false; break;
                case "dropout": options.DropoutRate = float.Parse(value, c); break;
                case "smoothing" when options is NeuralNetworkMulticlassTrainer.Options multiclass: multiclass.LabelSmoothing = float.Parse(value, c); break;
                case "decay": options.LearningRateDecay = float.Parse(value, c); break;
                case "optimizer": options.Optimizer = Enum.Parse<NeuralNetworkOptimizer>(value, ignoreCase: true); break;
                case "wd": options.WeightDecay = float.Parse(value, c); break;
                case "schedule": options.LearningRateSchedule = Schedule(value); break;
                case "tail" when TrainRows < NeuralNetworkDefaults.AnnealedRowsFrom: options.LearningRateSchedule = new NNTrainer.Optimizers.Schedules.CosineSchedule(decayShare: float.Parse(value, c)); break; // round 12a: constant, then cosine to 0 over the last share of the steps, below the cosine rule's 5,000 rows
                case "tail": break;
                default: throw new ArgumentException($"Unknown --nn-options key '{key}'.");
            }
        }
        return options;
    }

    internal static int TrainRows { get; set; }

    // l2pow=N:p:cap: 0.001·max(1, N/rows)^p, at most cap: an L2 that grows as the training set shrinks below N rows.
    private static float L2Power(string value)
    {
        var parts = value.Split(':').Select(p => float.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Math.Min(parts[2], NeuralNetworkDefaults.L2Regularization * MathF.Pow(Math.Max(1f, parts[0] / TrainRows), parts[1]));
    }

    // l2rows="c" or "c:cap": an L2 that shrinks with the training rows, clamp(c / rows, 0.001, cap) (cap 1 by default).
    private static float L2ForRows(string value)
    {
        var parts = value.Split(':');
        var c = System.Globalization.CultureInfo.InvariantCulture;
        float cap = parts.Length > 1 ? float.Parse(parts[1], c) : 1f;
        return Math.Clamp(float.Parse(parts[0], c) / TrainRows, NeuralNetworkDefaults.L2Regularization, cap);
    }

    // "cosine", "plateau" or "plateau:factor:patience": the schedules a default could use, with their own defaults otherwise.
    private static NNTrainer.Optimizers.Schedules.LearningRateSchedule Schedule(string value)
    {
        var parts = value.Split(':');
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return parts[0] switch
        {
            "cosine" => new NNTrainer.Optimizers.Schedules.CosineSchedule(),
            "plateau" when parts.Length == 3 => new NNTrainer.Optimizers.Schedules.ReduceOnPlateauSchedule(float.Parse(parts[1], c), int.Parse(parts[2], c)),
            "plateau" => new NNTrainer.Optimizers.Schedules.ReduceOnPlateauSchedule(),
            _ => throw new ArgumentException($"Unknown schedule '{value}' in --nn-options (cosine, plateau, plateau:factor:patience)."),
        };
    }

    private sealed class ClassRow
    {
        public string Value { get; set; } = "";
    }
}
