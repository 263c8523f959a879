// One training curve of a convolutional network with the trainer's defaults (Adam 0.001, batch 32, He weights, no
// penalty), scored on the test images after every epoch, so that every candidate length rule (a fixed count, early
// stopping with any patience on a validation hold-out, a refit for the stopping epoch) can be read off two curves
// instead of being trained once per rule: a run with the hold-out (validation loss per epoch) and one without.
//
// usage: ConvolutionalLength DATA_PREFIX --arch lenet|shallownet|minivggnet [--holdout 0.1] [--epochs 50] [--seed 0]
//        [--cosine] --out FILE.json
// DATA_PREFIX.{train,test}.{x,y}: raw little-endian float32 pixels (planar C×H×W, in [0, 1]) and int32 labels;
// DATA_PREFIX.json: {"channels", "height", "width", "classes"} (export_arrays.py writes them from a folder).
using System.Text.Json;
using NNTrainer;
using System.Text.Json.Nodes;

var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
string Arg(string name, string fallback) => Array.IndexOf(args, name) is int i and >= 0 ? args[i + 1] : fallback;
string prefix = positional[0];
string arch = Arg("--arch", "lenet");
double holdout = double.Parse(Arg("--holdout", "0"), System.Globalization.CultureInfo.InvariantCulture);
int epochs = int.Parse(Arg("--epochs", "50"), System.Globalization.CultureInfo.InvariantCulture);
int seed = int.Parse(Arg("--seed", "0"), System.Globalization.CultureInfo.InvariantCulture);
bool cosine = args.Contains("--cosine");

var meta = JsonNode.Parse(File.ReadAllText(prefix + ".json"))!;
var shape = new ImageShape((int)meta["channels"]!, (int)meta["height"]!, (int)meta["width"]!);
int classes = (int)meta["classes"]!;
(Matrix X, int[] Y) Read(string part)
{
    var bytes = File.ReadAllBytes($"{prefix}.{part}.x");
    var pixels = new float[bytes.Length / 4];
    Buffer.BlockCopy(bytes, 0, pixels, 0, bytes.Length);
    var labelBytes = File.ReadAllBytes($"{prefix}.{part}.y");
    var labels = new int[labelBytes.Length / 4];
    Buffer.BlockCopy(labelBytes, 0, labels, 0, labelBytes.Length);
    return (new Matrix(labels.Length, shape.Size, pixels), labels);
}
var (trainX, trainY) = Read("train");
var (testX, testY) = Read("test");

var network = arch switch
{
    "shallownet" => Architectures.ShallowNet(shape, classes, seed),
    "minivggnet" => Architectures.MiniVGGNet(shape, classes, seed),
    _ => Architectures.LeNet(shape, classes, seed),
};
network.NumberOfThreads = 1;
network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.001f));
var log = new JsonArray();
double cpuStart = CpuClock.ProcessSeconds(), trainingCpu = 0, lastCpu = cpuStart;
var history = network.Fit(trainX, Matrix.FromLabels(trainY), new FitOptions
{
    Epochs = epochs,
    BatchSize = 32,
    ValidationFraction = holdout,
    LearningRateSchedule = cosine ? new CosineSchedule() : null,
    EpochEnded = e =>
    {
        // The epoch's CPU (training and validation), without the test scoring below.
        double now = CpuClock.ProcessSeconds();
        trainingCpu += now - lastCpu;
        var test = network.Evaluate(testX, testY);
        lastCpu = CpuClock.ProcessSeconds();
        log.Add(new JsonObject
        {
            ["epoch"] = e.Epoch, ["cpu_s"] = trainingCpu, ["epoch_s"] = e.Elapsed.TotalSeconds, ["loss"] = e.DataLoss, ["acc"] = e.Accuracy,
            ["val_loss"] = e.ValidationLoss, ["val_acc"] = e.ValidationAccuracy, ["test_loss"] = test.DataLoss, ["test_acc"] = test.Accuracy,
        });
        Console.WriteLine($"{arch} epoch {e.Epoch} cpu {trainingCpu:F1}s loss {e.DataLoss:F4} val {e.ValidationLoss:F4} test {test.Accuracy:F4} / {test.DataLoss:F4}");
    },
});
File.WriteAllText(Arg("--out", "curve.json"), new JsonObject
{
    ["arch"] = arch, ["holdout"] = holdout, ["epochs"] = epochs, ["seed"] = seed, ["cosine"] = cosine, ["train_rows"] = trainY.Length,
    ["test_rows"] = testY.Length, ["curve"] = log,
}.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
