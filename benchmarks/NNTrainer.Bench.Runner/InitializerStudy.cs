using System.Text;

namespace NNTrainer.Bench.Runner;

/// <summary>
/// FMNIST-MLP's test accuracy after 10 epochs under standard weight initialisations, seed by seed, with the workload
/// fixed (784-128-128-10 ReLU, Adam 1e-3, batch 128, inputs in [0, 1]). Each variant replaces the weights
/// <see cref="Network.Build"/> drew with its own draws from a second generator, so for one seed every variant trains
/// on the same shuffles; "library_default" keeps Build's own draws.
/// </summary>
internal static class InitializerStudy
{
    private static readonly string[] AllVariants =
        ["library_default", "he_normal", "he_uniform", "glorot_uniform", "glorot_normal", "lecun_normal", "he_normal_all", "he_uniform_all", "torch_default"];

    public static int Run(Options options)
    {
        int seeds = options.Int("seeds", 16);
        int firstSeed = options.Int("first-seed", 0);
        int epochs = options.Int("epochs", 10);
        var variants = options.String("variants")?.Split(',') ?? AllVariants;
        var (trainX, trainY, testX, testY) = FashionMnist.Load(options.String("data"));
        var train = Matrix.FromLabels(trainY);
        var table = new StringBuilder("seed\tvariant\ttest_acc\ttrain_loss\n");
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++)
        {
            foreach (var variant in variants)
            {
                var network = FmnistWorkload.Build(seed, threads: options.Int("threads", 1));
                network.Build();
                if (variant != "library_default") Redraw(network, variant, new SeededRandom(1_000_003 * seed + 17));
                var history = network.Fit(trainX, train, new FitOptions { Epochs = epochs, BatchSize = 128, Shuffle = true });
                double accuracy = network.Evaluate(testX, testY).Accuracy;
                string line = $"{seed}\t{variant}\t{accuracy:F4}\t{history.Last!.DataLoss:F4}";
                Console.WriteLine(line);
                table.AppendLine(line);
            }
        }
        var path = Path.Combine(options.ResultsDirectory, options.String("tag") ?? "initializer_study.tsv");
        Directory.CreateDirectory(options.ResultsDirectory);
        File.WriteAllText(path, table.ToString());
        Console.WriteLine($"wrote {path}");
        return 0;
    }

    /// <summary>The weights (and, for PyTorch's default, the biases) of every dense layer, drawn again by <paramref name="variant"/>.</summary>
    private static void Redraw(Network network, string variant, SeededRandom random)
    {
        var dense = network.Layers.OfType<DenseLayer>().ToArray();
        for (int l = 0; l < dense.Length; l++)
        {
            var layer = dense[l];
            bool output = l == dense.Length - 1;
            double fanIn = layer.InputSize, fanOut = layer.Neurons;
            string kind = variant switch
            {
                // Keras' and NNTrainer's convention: the ReLU-family scheme before ReLU, Glorot before the softmax.
                "he_normal" or "he_uniform" => output ? "glorot_uniform" : variant,
                "he_normal_all" => "he_normal",
                "he_uniform_all" => "he_uniform",
                _ => variant,
            };
            var w = layer.Weights.Values;
            double Uniform() => 2.0 * random.NextDouble() - 1.0;
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (float)(kind switch
                {
                    "he_normal" => Math.Sqrt(2.0 / fanIn) * random.NextGaussian(),
                    "he_uniform" => Math.Sqrt(6.0 / fanIn) * Uniform(),
                    "glorot_uniform" => Math.Sqrt(6.0 / (fanIn + fanOut)) * Uniform(),
                    "glorot_normal" => Math.Sqrt(2.0 / (fanIn + fanOut)) * random.NextGaussian(),
                    "lecun_normal" => Math.Sqrt(1.0 / fanIn) * random.NextGaussian(),
                    // torch.nn.Linear: kaiming_uniform_(a=√5), i.e. U(±1/√fanIn), and biases U(±1/√fanIn).
                    "torch_default" => Uniform() / Math.Sqrt(fanIn),
                    _ => throw new ArgumentException($"Unknown initializer variant '{variant}'."),
                });
            }
            var b = layer.Biases.Values;
            Array.Clear(b);
            if (kind == "torch_default")
            {
                for (int i = 0; i < b.Length; i++) b[i] = (float)((2.0 * random.NextDouble() - 1.0) / Math.Sqrt(fanIn));
            }
        }
    }
}
