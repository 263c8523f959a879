using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NNTrainer.Bench.Runner;

/// <summary>
/// FMNIST-ShallowNet, FMNIST-LeNet and FMNIST-MiniVGGNet as <c>../shared/anchors/py/cnn_torch.py</c> runs them: the
/// book's layer lists on 1×28×28 images in [0, 1], softmax + cross-entropy, the book's SGD settings, batch 128
/// reshuffled every epoch; training-only time per epoch, test accuracy after each.
/// </summary>
internal static class CnnWorkload
{
    public static readonly string[] Architectures = ["shallownet", "lenet", "minivggnet"];

    public static string WorkloadName(string arch) => arch switch
    {
        "shallownet" => "FMNIST-ShallowNet",
        "lenet" => "FMNIST-LeNet",
        _ => "FMNIST-MiniVGGNet",
    };

    public static int Run(Options options)
    {
        string arch = Arch(options);
        int threads = options.Int("threads", 1);
        int epochs = options.Int("epochs", 10);
        int seed = options.Int("seed", 0);
        string tag = options.String("tag") ?? $"cnn_{arch}_nntrainer_t{threads}";

        var (trainImages, trainLabels, testImages, testLabels) = FashionMnist.Load(options.String("data"));
        var network = Build(arch, seed, threads);
        var epochSeconds = new List<double>();
        var log = new JsonArray();
        double lastAccuracy = 0;
        network.Fit(trainImages, Matrix.FromLabels(trainLabels), new FitOptions
        {
            Epochs = epochs,
            BatchSize = 128,
            Shuffle = true,
            EpochEnded = e =>
            {
                lastAccuracy = network.Evaluate(testImages, testLabels).Accuracy;
                epochSeconds.Add(e.Elapsed.TotalSeconds);
                log.Add(new JsonObject { ["epoch"] = e.Epoch, ["seconds"] = e.Elapsed.TotalSeconds, ["train_loss"] = e.DataLoss, ["test_acc"] = lastAccuracy });
                Console.WriteLine($"{arch} epoch {e.Epoch} {e.Elapsed.TotalSeconds:F3}s train_loss {e.DataLoss:F4} test_acc {lastAccuracy:F4}");
            },
        });
        var sorted = epochSeconds.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        long flops = 3 * FlopsPerSample(network) * trainImages.Rows;
        ResultFile.Write(options, tag, new JsonObject
        {
            ["system"] = FmnistWorkload.SystemName,
            ["workload"] = WorkloadName(arch),
            ["threads"] = threads,
            ["epochs_run"] = epochs,
            ["batch"] = 128,
            ["seed"] = seed,
            ["optimizer"] = OptimizerText(arch),
            ["init"] = "He-normal before ReLU, Glorot-uniform otherwise (NNTrainer default)",
            ["epoch_seconds"] = ResultFile.Array(epochSeconds),
            ["median_epoch_s"] = median,
            ["s_per_epoch"] = median,
            ["samples_per_s"] = trainImages.Rows / median,
            ["flops_per_epoch"] = flops,
            ["gflops"] = flops / median / 1e9,
            ["test_acc_final"] = lastAccuracy,
            ["test_accuracy"] = lastAccuracy,
            ["log"] = log,
        });
        return 0;
    }

    /// <summary>
    /// Times each layer's forward and backward pass over batches of 128 (after warm-up batches) and prints the share of
    /// each and the conv layers' GFLOP/s: where an epoch goes.
    /// </summary>
    public static int Profile(Options options)
    {
        string arch = Arch(options);
        int threads = options.Int("threads", 1);
        int batches = options.Int("batches", 40);
        var network = Build(arch, 0, threads);
        network.Build();
        var x = new Matrix(128, 784);
        var random = new SeededRandom(1);
        for (int i = 0; i < x.Length; i++) x.Data[i] = random.NextSingle();
        var layers = network.Layers;
        var forward = new double[layers.Count];
        var backward = new double[layers.Count];
        var forwardCpu = new double[layers.Count];
        var backwardCpu = new double[layers.Count];
        var clock = new Stopwatch();
        for (int b = -5; b < batches; b++)
        {
            var input = x;
            for (int i = 0; i < layers.Count; i++)
            {
                var cpu = CpuClock.ProcessSeconds();
                clock.Restart();
                layers[i].Forward(input, training: true);
                if (b >= 0) forward[i] += clock.Elapsed.TotalSeconds;
                if (b >= 0) forwardCpu[i] += CpuClock.ProcessSeconds() - cpu;
                input = layers[i].Output;
            }
            var gradient = new Matrix(128, 10);
            gradient.AsSpan().Fill(0.01f);
            for (int i = layers.Count - 1; i >= 0; i--)
            {
                var cpu = CpuClock.ProcessSeconds();
                clock.Restart();
                layers[i].Backward(gradient);
                if (b >= 0) backward[i] += clock.Elapsed.TotalSeconds;
                if (b >= 0) backwardCpu[i] += CpuClock.ProcessSeconds() - cpu;
                if (layers[i].ComputeInputGradient) gradient = layers[i].DInputs;
            }
        }
        double total = forward.Sum() + backward.Sum();
        double totalCpu = forwardCpu.Sum() + backwardCpu.Sum();
        Console.WriteLine($"{arch}, {threads} thread(s), {batches} batches of 128: {total / batches * 1000:F2} ms per batch, {total / batches * 60000 / 128:F1} s per 60,000 samples (layers only); CPU time {totalCpu / batches * 1000:F2} ms per batch");
        for (int i = 0; i < layers.Count; i++)
        {
            string rate = "";
            if (layers[i] is Conv2DLayer conv)
            {
                double flops = conv.FlopsPerSample * 128.0 * batches;
                rate = $"  fwd {flops / forward[i] / 1e9:F1} GFLOP/s, bwd {(conv.ComputeInputGradient ? 2 : 1) * flops / backward[i] / 1e9:F1} GFLOP/s";
            }
            Console.WriteLine($"{i,2} {layers[i].GetType().Name,-24} fwd {forward[i] / batches * 1000,8:F3} ms  bwd {backward[i] / batches * 1000,8:F3} ms  {(forward[i] + backward[i]) / total,6:P1}{rate}"
                + $"  | CPU fwd {forwardCpu[i] / batches * 1000:F3} bwd {backwardCpu[i] / batches * 1000:F3} ms");
        }
        return 0;
    }

    public static Network Build(string arch, int seed, int threads)
    {
        var network = arch switch
        {
            "shallownet" => NNTrainer.Architectures.ShallowNet(FashionMnist.ImageShape, 10, seed),
            "lenet" => NNTrainer.Architectures.LeNet(FashionMnist.ImageShape, 10, seed),
            _ => NNTrainer.Architectures.MiniVGGNet(FashionMnist.ImageShape, 10, seed),
        };
        network.NumberOfThreads = threads;
        network.Set(new CategoricalCrossEntropyLoss(), NNTrainer.Architectures.BookOptimizer(arch));
        return network;
    }

    private static string Arch(Options options)
    {
        string arch = (options.String("arch") ?? "lenet").ToLowerInvariant();
        if (!Architectures.Contains(arch)) throw new ArgumentException($"--arch must be one of {string.Join(", ", Architectures)}; got '{arch}'.");
        return arch;
    }

    private static long FlopsPerSample(Network network)
    {
        long flops = 0;
        foreach (var layer in network.Layers)
        {
            if (layer is Conv2DLayer conv) flops += conv.FlopsPerSample;
            else if (layer is DenseLayer dense) flops += 2L * dense.InputSize * dense.Neurons;
        }
        return flops;
    }

    private static string OptimizerText(string arch) => arch switch
    {
        "shallownet" => "SGD lr 0.005",
        "lenet" => "SGD lr 0.01",
        _ => "SGD lr 0.01, momentum 0.9 (classical, not Nesterov), time-based decay 0.01/40 per batch",
    };
}
