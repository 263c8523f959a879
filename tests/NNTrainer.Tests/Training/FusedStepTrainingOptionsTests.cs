namespace NNTrainer.Tests.Training;

/// <summary>
/// AdamW, Nesterov momentum, schedules, gradient clipping and label smoothing on the fused training step (general path,
/// transposed output layer, small-input kernel) against the layer-by-layer path: same weights, optimizer state, losses,
/// accuracies and learning rates, bit for bit.
/// </summary>
public class FusedStepTrainingOptionsTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var setting in new[] { "adamw", "nesterov", "cosine", "onecycle", "plateau", "clip", "smoothing", "all" })
        {
            foreach (var architecture in new[] { "2-64-3 full", "5-40-20-3 batch 32", "12-32-10 batch 40" }) data.Add(setting, architecture);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainsBitIdenticallyToTheLayerByLayerPath(string setting, string architecture)
    {
        var parts = architecture.Split(' ');
        int[] sizes = [.. parts[0].Split('-').Select(int.Parse)];
        int? batch = parts[1] == "full" ? null : int.Parse(parts[2]);
        var (x, y) = Data(samples: 130, sizes[0], sizes[^1], seed: sizes.Sum());
        var fused = Train(setting, sizes, x, y, batch, fuse: true);
        var plain = Train(setting, sizes, x, y, batch, fuse: false);
        Assert.Equal(plain.History!.Epochs.Select(e => e.DataLoss), fused.History!.Epochs.Select(e => e.DataLoss));
        Assert.Equal(plain.History.Epochs.Select(e => e.Accuracy), fused.History.Epochs.Select(e => e.Accuracy));
        Assert.Equal(plain.History.Epochs.Select(e => e.LearningRate), fused.History.Epochs.Select(e => e.LearningRate));
        for (int i = 0; i < plain.Parameters.Count; i++)
        {
            var e = plain.Parameters[i];
            var a = fused.Parameters[i];
            Assert.True(e.Values.AsSpan().SequenceEqual(a.Values), $"parameter {i} ({e.Name}) differs");
            Assert.True(e.Momentums.AsSpan().SequenceEqual(a.Momentums), $"momentums of parameter {i} differ");
            Assert.True(e.Cache.AsSpan().SequenceEqual(a.Cache), $"cache of parameter {i} differs");
        }
    }

    [Fact]
    public void EachSettingChangesTheTraining()
    {
        // Guards the comparison above against settings that never reach the training loop.
        var (x, y) = Data(samples: 130, 5, 3, seed: 1);
        var baseline = Train("adam", [5, 40, 20, 3], x, y, 32, fuse: true).Parameters[0].Values;
        foreach (var setting in new[] { "adamw", "nesterov", "cosine", "onecycle", "clip", "smoothing" })
        {
            Assert.False(baseline.AsSpan().SequenceEqual(Train(setting, [5, 40, 20, 3], x, y, 32, fuse: true).Parameters[0].Values), setting);
        }
    }

    private static Network Train(string setting, int[] sizes, Matrix x, Matrix y, int? batch, bool fuse)
    {
        var network = new Network(seed: 11) { NumberOfThreads = 1 };
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            network.Add(new DenseLayer(sizes[i], sizes[i + 1]));
            network.Add(i + 2 < sizes.Length ? new ReLUActivation() : new SoftmaxActivation());
        }
        bool all = setting == "all";
        Optimizer optimizer = setting switch
        {
            "adamw" or "all" => new AdamWOptimizer(learningRate: 0.02f, weightDecay: 0.05f),
            "nesterov" => new SgdOptimizer(learningRate: 0.1f, momentum: 0.9f, nesterov: true),
            _ => new AdamOptimizer(learningRate: 0.02f),
        };
        network.Set(new CategoricalCrossEntropyLoss(setting is "smoothing" || all ? 0.1f : 0f), optimizer);
        network.Build();
        var options = new FitOptions
        {
            Epochs = 8,
            BatchSize = batch,
            Shuffle = true,
            ValidationFraction = setting == "plateau" ? 0.2 : 0,
            GradientClipNorm = setting is "clip" || all ? 0.5f : 0f,
            LearningRateSchedule = setting switch
            {
                "cosine" or "all" => new CosineSchedule(warmupEpochs: 2, minLearningRate: 1e-4f),
                "onecycle" => new OneCycleSchedule(),
                "plateau" => new ReduceOnPlateauSchedule(factor: 0.5f, patience: 0),
                _ => null,
            },
        };
        new TrainingLoop(network, options) { FuseLayers = fuse }.Run(x, y);
        return network;
    }

    private static (Matrix X, Matrix Y) Data(int samples, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(samples, features);
        var labels = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            labels[i] = random.Next(classes);
            for (int j = 0; j < features; j++) x[i, j] = (float)(random.NextDouble() * 2 - 1 + (j % classes == labels[i] ? 0.7 : 0));
        }
        return (x, Matrix.FromLabels(labels));
    }
}
