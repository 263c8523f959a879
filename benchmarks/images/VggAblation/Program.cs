// Round 11 (docs/images.md, "MiniVGGNet against PyTorch"): one MiniVGGNet run on exported arrays with one recipe
// difference from PyTorch switched at a time, scored on the test images after every epoch. torch_arrays.py is the
// PyTorch side on the same arrays, with the same switches the other way round.
//
// usage: VggAblation DATA_PREFIX [--arch minivggnet] [--epochs 13] [--seed 0] [--rows N] [--init engine|he|torch|glorot]
//        [--bn-momentum 0.9] --out FILE.json
// --init torch: PyTorch's default draw for every convolution and dense layer (kaiming_uniform with a = √5, so
// U(±1/√fanIn), and biases U(±1/√fanIn)) instead of the engine's He/Glorot weights and zero biases; --init glorot:
// Keras's default (the book's code), Glorot uniform U(±√(6/(fanIn + fanOut))) for every layer and zero biases;
// --init he: the engine's Auto rule, N(0, 2/fanIn) before a ReLU, Glorot for the output layer, zero biases.
// DATA_PREFIX as for ConvolutionalLength (export_arrays.py).
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NNTrainer;

var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
string Arg(string name, string fallback) => Array.IndexOf(args, name) is int i and >= 0 ? args[i + 1] : fallback;
string prefix = positional[0];
string arch = Arg("--arch", "minivggnet");
int epochs = int.Parse(Arg("--epochs", "13"), CultureInfo.InvariantCulture);
int seed = int.Parse(Arg("--seed", "0"), CultureInfo.InvariantCulture);
int rows = int.Parse(Arg("--rows", "0"), CultureInfo.InvariantCulture);
string init = Arg("--init", "engine");
float momentum = float.Parse(Arg("--bn-momentum", "0.9"), CultureInfo.InvariantCulture);

var meta = JsonNode.Parse(File.ReadAllText(prefix + ".json"))!;
var shape = new ImageShape((int)meta["channels"]!, (int)meta["height"]!, (int)meta["width"]!);
int classes = (int)meta["classes"]!;
(Matrix X, int[] Y) Read(string part, int take)
{
    var bytes = File.ReadAllBytes($"{prefix}.{part}.x");
    var labelBytes = File.ReadAllBytes($"{prefix}.{part}.y");
    int n = labelBytes.Length / 4;
    if (take > 0) n = Math.Min(n, take);
    var pixels = new float[n * shape.Size];
    Buffer.BlockCopy(bytes, 0, pixels, 0, pixels.Length * 4);
    var labels = new int[n];
    Buffer.BlockCopy(labelBytes, 0, labels, 0, n * 4);
    return (new Matrix(n, shape.Size, pixels), labels);
}
var (trainX, trainY) = Read("train", rows);
var (testX, testY) = Read("test", 0);

var network = arch switch
{
    "shallownet" => Architectures.ShallowNet(shape, classes, seed),
    "lenet" => Architectures.LeNet(shape, classes, seed),
    _ => momentum == 0.9f ? Architectures.MiniVGGNet(shape, classes, seed) : WithMomentum(Architectures.MiniVGGNet(shape, classes, seed), momentum),
};
network.NumberOfThreads = 1;
network.Build();
// "engine": the architecture's own draw from the network's random source (before round 11's fix, at commit f60357c,
// that was He; the runs labelled "he" in round 11 were made there). The others redraw from System.Random(seed).
if (init != "engine") Redraw(network, new Random(seed), init);
network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.001f));
var log = new JsonArray();
double cpuStart = CpuClock.ProcessSeconds();
network.Fit(trainX, Matrix.FromLabels(trainY), new FitOptions
{
    Epochs = epochs,
    BatchSize = 32,
    EpochEnded = e =>
    {
        var test = network.Evaluate(testX, testY);
        log.Add(new JsonObject { ["epoch"] = e.Epoch, ["loss"] = e.DataLoss, ["acc"] = e.Accuracy, ["test_loss"] = test.DataLoss, ["test_acc"] = test.Accuracy });
        Console.WriteLine($"{arch} {init} seed {seed} epoch {e.Epoch} cpu {CpuClock.ProcessSeconds() - cpuStart:F0}s loss {e.DataLoss:F4} test {test.Accuracy:F4} / {test.DataLoss:F4}");
    },
});
File.WriteAllText(Arg("--out", "ablation.json"), new JsonObject
{
    ["system"] = "NNTrainer", ["arch"] = arch, ["init"] = init, ["bn_momentum"] = momentum, ["epochs"] = epochs, ["seed"] = seed,
    ["train_rows"] = trainY.Length, ["cpu_s"] = CpuClock.ProcessSeconds() - cpuStart, ["curve"] = log,
}.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

// PyTorch's reset_parameters for Conv2d and Linear: kaiming_uniform_(a=√5) is U(±√(6/((1+5)·fanIn))) = U(±1/√fanIn).
// Keras's glorot_uniform: U(±√(6/(fanIn + fanOut))), fanOut = filters·k·k for a convolution; zero biases.
static void Redraw(Network network, Random random, string init)
{
    var layers = network.Layers;
    for (int at = 0; at < layers.Count; at++)
    {
        var layer = layers[at];
        var (weights, biases, fanIn, fanOut) = layer switch
        {
            Conv2DLayer c => (c.Weights, c.Biases, c.Weights.Values.Length / c.Filters, c.Filters * c.KernelSize * c.KernelSize),
            DenseLayer d => (d.Weights, d.Biases, d.InputSize, d.Neurons),
            _ => (null, null, 0, 0),
        };
        if (weights is null || biases is null) continue;
        // torch-conv / torch-dense / torch-output: PyTorch's draw for those layers only, the engine's own for the rest.
        if (init.StartsWith("torch-", StringComparison.Ordinal) && !(init == "torch-conv" ? layer is Conv2DLayer
            : init == "torch-dense" ? layer is DenseLayer : layer is DenseLayer && at + 2 == layers.Count)) continue;
        bool torch = init.StartsWith("torch", StringComparison.Ordinal), he = init == "he" && at + 1 < layers.Count && layers[at + 1] is ReLUActivation;
        double bound = torch ? 1.0 / Math.Sqrt(fanIn) : Math.Sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < weights.Values.Length; i++)
        {
            weights.Values[i] = he
                ? (float)(Math.Sqrt(2.0 / fanIn) * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
                : (float)((2 * random.NextDouble() - 1) * bound);
        }
        for (int i = 0; i < biases.Values.Length; i++) biases.Values[i] = torch ? (float)((2 * random.NextDouble() - 1) * bound) : 0f;
    }
}

static Network WithMomentum(Network source, float momentum)
{
    var copy = new Network(source.Seed);
    foreach (var layer in source.Layers)
    {
        copy.Add(layer is BatchNormalizationLayer bn ? new BatchNormalizationLayer(bn.InputShape, momentum, bn.Epsilon) : layer);
    }
    return copy;
}
