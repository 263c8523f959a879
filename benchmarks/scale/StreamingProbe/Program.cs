// Trains NNTrainer's binary network through ML.NET on the scale benchmark's CSV (TextLoader, lazily read), in memory
// or with Streaming = true, and scores a held-out CSV: prints rows, epochs, accuracy, AUC and the seconds taken.
// Peak RSS is measured from outside (GNU time).
//     dotnet run -c Release -- TRAIN.csv TEST.csv memory|streaming [epochs]
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

var (train, test, mode) = (args[0], args[1], args[2]);
int epochs = args.Length > 3 ? int.Parse(args[3]) : 2;
var ml = new MLContext(seed: 1);
var columns = Enumerable.Range(0, 20).Select(i => new TextLoader.Column($"f{i}", DataKind.Single, i))
    .Append(new TextLoader.Column("city", DataKind.String, 20))
    .Append(new TextLoader.Column("Label", DataKind.Boolean, 21)).ToArray();
var loader = ml.Data.CreateTextLoader(columns, separatorChar: ',', hasHeader: true);
var features = ml.Transforms.Categorical.OneHotEncoding("cityKey", "city")
    .Append(ml.Transforms.Concatenate("Features", [.. Enumerable.Range(0, 20).Select(i => $"f{i}"), "cityKey"]));
var trainer = ml.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options
{
    HiddenLayers = [64], NumberOfEpochs = epochs, BatchSize = 256, Seed = 1, ValidationSetFraction = 0, Streaming = mode == "streaming",
});
var clock = Stopwatch.StartNew();
var model = features.Append(trainer).Fit(loader.Load(train));
double fitSeconds = clock.Elapsed.TotalSeconds;
var metrics = ml.BinaryClassification.Evaluate(model.Transform(loader.Load(test)));
var history = NeuralNetworkModel.FindNetwork(model).Network.History;
Console.WriteLine($"mode={mode} epochs={epochs} fit_s={fitSeconds:F1} accuracy={metrics.Accuracy:F4} auc={metrics.AreaUnderRocCurve:F4} total_s={clock.Elapsed.TotalSeconds:F1}");
