// The sparse-features benchmark (docs/sparse.md): NNTrainer's binary network with its defaults against ML.NET's
// SdcaLogisticRegression on text through FeaturizeText, the shape of ML.NET's sentiment-analysis tutorial.
//   text  [--rows N] [--seeds 1,2,3] [--systems sdca,nn]   generated documents (the lead's probe), one split per seed
//   detox PATH [--splits 5] [--systems sdca,nn]            wikipedia-detox-250-line-data.tsv from ML.NET's test data
//   news PATH [--splits 5] [--positive Wirtschaft]         lm.sample.txt from ML.NET's test data: one topic against the rest
//   table PATH --label NAME [--splits 5] [--systems ...]   a dense numeric table (ML.NET's breast-cancer.txt): nothing moves
// --nn-options "l2=0.01;epochs=100;hidden=50;lr=0.001;standardize=false;optimizer=sgd" changes the network's options for a screen.
// --featurize tfidf|nonorm|maxabs changes the text featurizer (FeaturizeText's TF-IDF weighting, no row norm, or its rows
// followed by NormalizeMinMax's per-column max-abs); --dump DIR writes each split's raw text as DIR/NAME.{train,test}.tsv
// (label, text) for benchmarks/sparse/peers.py, which fits scikit-learn on the same splits.
// Systems of one split run one after the other, so their times compare on a shared machine; every line is printed as
// it ends and a table of means follows.
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

var mode = args.Length > 0 ? args[0] : "text";
string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
if (mode == "snapshot")
{
    SnapshotCost(int.Parse(Option("--epochs", "20")), int.Parse(Option("--rounds", "3")));
    return;
}
var systems = Option("--systems", "sdca,nn").Split(',');
var results = new List<(string System, double Accuracy, double Auc, double Seconds)>();

foreach (var (name, ml, train, test, featurize) in Splits())
{
    if (Option("--dump", "") is { Length: > 0 } dump) Dump(dump, name, ml, train, test);
    var features = featurize.Fit(train);
    var prepared = features.Transform(train);
    var scoredTest = features.Transform(test);
    foreach (var system in systems)
    {
        var clock = Stopwatch.StartNew();
        var model = Trainer(ml, system).Fit(prepared);
        double seconds = clock.Elapsed.TotalSeconds;
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(scoredTest));
        results.Add((system, metrics.Accuracy, metrics.AreaUnderRocCurve, seconds));
        Console.WriteLine($"{name} {system}: accuracy {metrics.Accuracy:F4} AUC {metrics.AreaUnderRocCurve:F4} fit {seconds:F2} s");
    }
}
Console.WriteLine();
Console.WriteLine("| system | accuracy | AUC | fit seconds |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var group in results.GroupBy(r => r.System))
{
    Console.WriteLine($"| {group.Key} | {group.Average(r => r.Accuracy):F4} | {group.Average(r => r.Auc):F4} | {group.Average(r => r.Seconds):F2} |");
}

IEnumerable<(string Name, MLContext Ml, IDataView Train, IDataView Test, IEstimator<ITransformer> Featurize)> Splits()
{
    if (mode == "text")
    {
        int rows = int.Parse(Option("--rows", "2000"));
        foreach (int seed in Option("--seeds", "1").Split(',').Select(int.Parse))
        {
            var ml = new MLContext(seed: seed);
            var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(Documents(rows, seed)), 0.2, seed: seed);
            yield return ($"text seed {seed}", ml, split.TrainSet, split.TestSet, Featurize(ml, nameof(Document.Text)));
        }
        yield break;
    }
    string path = args.Length > 1 ? args[1] : throw new ArgumentException($"{mode} needs a file path.");
    int splits = int.Parse(Option("--splits", "5"));
    for (int seed = 1; seed <= splits; seed++)
    {
        var ml = new MLContext(seed: seed);
        IDataView data;
        IEstimator<ITransformer> featurize;
        if (mode == "detox")
        {
            data = ml.Data.LoadFromTextFile(path, [new("Label", DataKind.Boolean, 0), new("Text", DataKind.String, 1)], hasHeader: true, separatorChar: '\t', allowQuoting: true);
            featurize = Featurize(ml, "Text");
        }
        else if (mode == "news")
        {
            // Topic, language, URL parts, title, body: the title and body are the text, one topic is the positive class.
            string positive = Option("--positive", "Wirtschaft");
            var rows = File.ReadLines(path).Select(line => line.Split('\t')).Where(f => f.Length >= 5)
                .Select(f => new Document { Label = f[0] == positive, Text = f[3] + " " + f[4] });
            data = ml.Data.LoadFromEnumerable(rows.ToArray());
            featurize = Featurize(ml, nameof(Document.Text));
        }
        else
        {
            int label = int.Parse(Option("--label", "0"));
            int columns = File.ReadLines(path).First(line => line.Length > 0 && !line.StartsWith("//")).Split('\t').Length;
            data = ml.Data.LoadFromTextFile(path, [new("Label", DataKind.Boolean, label), new("Features", DataKind.Single, [.. Enumerable.Range(0, columns).Where(c => c != label).Select(c => new TextLoader.Range(c))])],
                separatorChar: '\t');
            featurize = ml.Transforms.ReplaceMissingValues("Features").Append(ml.Transforms.NormalizeMinMax("Features"));
        }
        var split = ml.Data.TrainTestSplit(data, 0.2, seed: seed);
        yield return ($"{mode} split {seed}", ml, split.TrainSet, split.TestSet, featurize);
    }
}

IEstimator<ITransformer> Featurize(MLContext ml, string column)
{
    var variant = Option("--featurize", "default");
    var options = new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options();
    if (variant == "nonorm") options.Norm = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.NormFunction.None;
    if (variant == "tfidf")
    {
        options.WordFeatureExtractor = new() { Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf };
        options.CharFeatureExtractor = new() { NgramLength = 3, UseAllLengths = false, Weighting = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf };
    }
    IEstimator<ITransformer> featurize = ml.Transforms.Text.FeaturizeText("Features", options, column);
    return variant == "maxabs" ? featurize.Append(ml.Transforms.NormalizeMinMax("Features", fixZero: true)) : featurize;
}

static void Dump(string directory, string name, MLContext ml, IDataView train, IDataView test)
{
    Directory.CreateDirectory(directory);
    foreach (var (part, view) in new[] { ("train", train), ("test", test) })
    {
        var labels = view.GetColumn<bool>("Label").ToArray();
        var texts = view.GetColumn<string>("Text").ToArray();
        File.WriteAllLines(Path.Combine(directory, $"{name.Replace(' ', '-')}.{part}.tsv"),
            labels.Zip(texts, (l, t) => $"{(l ? 1 : 0)}\t{t.Replace('\t', ' ').Replace('\n', ' ')}"));
    }
}

IEstimator<ITransformer> Trainer(MLContext ml, string system) => system switch
{
    "sdca" => ml.BinaryClassification.Trainers.SdcaLogisticRegression(),
    // SDCA without its automatic L1 threshold (1 from 10,000 features on): L2 only, as the network's penalty.
    "sdcanol1" => ml.BinaryClassification.Trainers.SdcaLogisticRegression(l1Regularization: 0),
    "lbfgs" => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(),
    "nn" => ml.BinaryClassification.Trainers.NeuralNetwork(NetworkOptions(Option("--nn-options", ""))),
    "nnlinear" => ml.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [] }),
    _ => throw new ArgumentException($"Unknown system '{system}': sdca, sdcanol1, lbfgs, nn or nnlinear."),
};

static NeuralNetworkBinaryTrainer.Options NetworkOptions(string text)
{
    var options = new NeuralNetworkBinaryTrainer.Options();
    foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')))
    {
        switch (pair[0])
        {
            case "l2": options.L2Regularization = float.Parse(pair[1]); break;
            case "epochs": options.NumberOfEpochs = int.Parse(pair[1]); break;
            case "hidden": options.HiddenLayers = pair[1] == "none" ? [] : [.. pair[1].Split(',').Select(int.Parse)]; break;
            case "lr": options.LearningRate = float.Parse(pair[1]); break;
            case "batch": options.BatchSize = int.Parse(pair[1]); break;
            case "standardize": options.StandardizeFeatures = bool.Parse(pair[1]); break;
            case "optimizer": options.Optimizer = Enum.Parse<NeuralNetworkOptimizer>(pair[1], ignoreCase: true); break;
            case "decay": options.WeightDecay = float.Parse(pair[1]); break;
            case "l1": options.L1Regularization = float.Parse(pair[1]); break;
            default: throw new ArgumentException($"Unknown --nn-options key '{pair[0]}': l2, epochs, hidden, lr, batch, standardize, optimizer, decay or l1.");
        }
    }
    return options;
}

// The best-weights copy's cost on the probe's shape (1,585 rows of 61,235 slots, 208 stored a row, 100 hidden neurons):
// the same seeded fit with FitOptions.RestoreOnDivergence on (a copy each time the loss improves) and off, alternated.
static void SnapshotCost(int epochs, int rounds)
{
    var random = new Random(1);
    const int rows = 1585, columns = 61_235, perRow = 208;
    var starts = new int[rows + 1];
    var indices = new int[rows * perRow];
    var values = new float[rows * perRow];
    var targets = new Matrix(rows, 1);
    for (int r = 0; r < rows; r++)
    {
        var picked = new SortedSet<int>();
        while (picked.Count < perRow) picked.Add(random.Next(columns));
        picked.CopyTo(indices, r * perRow);
        for (int k = 0; k < perRow; k++) values[r * perRow + k] = 1f / MathF.Sqrt(perRow);
        targets[r, 0] = picked.Count(c => c < 2000) > 6 ? 1f : 0f;
        starts[r + 1] = (r + 1) * perRow;
    }
    var inputs = new SparseMatrix(rows, columns, starts, indices, values);
    for (int round = 0; round < rounds; round++)
    {
        foreach (bool restore in new[] { true, false })
        {
            var network = new Network(3).Add(new DenseLayer(columns, 100, weightL2: 0.001f)).Add(new ReLUActivation())
                .Add(new DenseLayer(100, 1, weightL2: 0.001f)).Add(new SigmoidActivation());
            network.Set(new BinaryCrossEntropyLoss(), new AdamOptimizer());
            var clock = Stopwatch.StartNew();
            var history = network.Fit(inputs, targets, new FitOptions { Epochs = epochs, BatchSize = 32, RestoreOnDivergence = restore });
            double total = clock.Elapsed.TotalSeconds;
            // Between epochs (the copy, the regularisation loss, the record): the fit's time less its epochs' own.
            double between = total - history.Epochs.Sum(e => e.Elapsed.TotalSeconds);
            double sum = network.Parameters.Sum(p => p.Values.Sum(v => (double)v));
            Console.WriteLine($"round {round + 1} RestoreOnDivergence {restore}: {total:F2} s for {epochs} epochs, {1000 * between / epochs:F1} ms an epoch between epochs, weight sum {sum:R}");
        }
    }
}

// The lead's probe: 8,000 words, 30 a document; a positive document draws a quarter of its words from the first 200.
static Document[] Documents(int count, int seed)
{
    var random = new Random(seed);
    var vocabulary = Enumerable.Range(0, 8000).Select(i => "w" + i.ToString("x") + (char)('a' + i % 26)).ToArray();
    return [.. Enumerable.Range(0, count).Select(_ =>
    {
        bool positive = random.Next(2) == 0;
        var words = Enumerable.Range(0, 30).Select(_ => vocabulary[positive && random.Next(4) == 0 ? random.Next(200) : random.Next(vocabulary.Length)]);
        return new Document { Text = string.Join(' ', words), Label = positive };
    })];
}

/// <summary>One generated document.</summary>
public sealed class Document
{
    /// <summary>The words.</summary>
    public string Text { get; set; } = "";

    /// <summary>Whether it is a positive document.</summary>
    public bool Label { get; set; }
}
