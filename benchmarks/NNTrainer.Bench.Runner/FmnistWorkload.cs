using System.Text.Json.Nodes;

namespace NNTrainer.Bench.Runner;

/// <summary>
/// FMNIST-MLP as the anchors run it: 784-128-128-10 ReLU, softmax + cross-entropy, Adam (lr 1e-3, ε 1e-7),
/// batch 128 reshuffled every epoch, inputs in [0, 1]; training-only time per epoch, test accuracy after each.
/// </summary>
internal static class FmnistWorkload
{
    public const string Workload = "FMNIST-MLP";

    public static int Run(Options options)
    {
        int threads = options.Int("threads", 1);
        int epochs = options.Int("epochs", 10);
        int seed = options.Int("seed", 0);
        string tag = options.String("tag") ?? $"fmnist_nntrainer_t{threads}";
        // --optimizer adamw (weight decay 0.01) and --schedule cosine measure what those settings cost on the fused path.
        string optimizer = options.String("optimizer") ?? "adam";
        string schedule = options.String("schedule") ?? "none";
        if (optimizer is not ("adam" or "adamw") || schedule is not ("none" or "cosine"))
        {
            Console.Error.WriteLine("--optimizer must be adam or adamw, --schedule none or cosine.");
            return 2;
        }

        var (trainImages, trainLabels, testImages, testLabels) = FashionMnist.Load(options.String("data"));
        var train = Matrix.FromLabels(trainLabels);
        var network = Build(seed, threads, optimizer == "adamw");
        var epochSeconds = new List<double>();
        var log = new JsonArray();
        double? firstAccuracy = null;
        double lastAccuracy = 0;
        network.Fit(trainImages, train, new FitOptions
        {
            Epochs = epochs,
            BatchSize = 128,
            Shuffle = true,
            LearningRateSchedule = schedule == "cosine" ? new CosineSchedule() : null,
            EpochEnded = e =>
            {
                // Evaluated outside the epoch's clock, as the anchors do.
                lastAccuracy = network.Evaluate(testImages, testLabels).Accuracy;
                firstAccuracy ??= lastAccuracy;
                epochSeconds.Add(e.Elapsed.TotalSeconds);
                log.Add(new JsonObject { ["epoch"] = e.Epoch, ["seconds"] = e.Elapsed.TotalSeconds, ["train_loss"] = e.DataLoss, ["test_acc"] = lastAccuracy });
                Console.WriteLine($"epoch {e.Epoch} {e.Elapsed.TotalSeconds:F3}s train_loss {e.DataLoss:F4} test_acc {lastAccuracy:F4}");
            },
        });

        var sorted = epochSeconds.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        ResultFile.Write(options, tag, new JsonObject
        {
            ["system"] = SystemName,
            ["workload"] = Workload,
            ["threads"] = threads,
            ["epochs_run"] = epochs,
            ["batch"] = 128,
            ["seed"] = seed,
            ["optimizer"] = optimizer,
            ["schedule"] = schedule,
            ["init"] = "He-normal before ReLU, Glorot-uniform before softmax (NNTrainer default)",
            ["epoch_seconds"] = ResultFile.Array(epochSeconds),
            ["median_epoch_s"] = median,
            ["s_per_epoch"] = median,
            ["samples_per_s"] = trainImages.Rows / median,
            ["test_acc_epoch1"] = firstAccuracy,
            ["test_acc_final"] = lastAccuracy,
            ["test_accuracy"] = lastAccuracy,
            ["log"] = log,
        });
        return 0;
    }

    public static string SystemName => $"NNTrainer (C#, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription})";

    public static Network Build(int seed, int threads, bool adamW = false)
    {
        var network = new Network(seed) { NumberOfThreads = threads };
        network.Add(new DenseLayer(784, 128)).Add(new ReLUActivation())
            .Add(new DenseLayer(128, 128)).Add(new ReLUActivation())
            .Add(new DenseLayer(128, 10)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), adamW
            ? new AdamWOptimizer(learningRate: 0.001f, weightDecay: 0.01f, epsilon: 1e-7f)
            : new AdamOptimizer(learningRate: 0.001f, epsilon: 1e-7f));
        return network;
    }
}
