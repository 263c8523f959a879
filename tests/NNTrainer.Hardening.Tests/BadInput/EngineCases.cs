namespace NNTrainer.Hardening.Tests.BadInput;

/// <summary>Bad inputs to the engine: <c>Network</c>, its layers, optimizers and <c>FitOptions</c>.</summary>
public static class EngineCases
{
    private const string Surface = "engine";

    public static IEnumerable<BadInputCase> All()
    {
        yield return Fit("NaN feature", x => x[7, 1] = float.NaN, "ArgumentException", "NaN", "row 7, column 1");
        yield return Fit("+∞ feature", x => x[3, 0] = float.PositiveInfinity, "ArgumentException", "Infinity", "row 3, column 0");
        yield return new(Surface, "−∞ in validation data", () => Outcome.Of(() =>
        {
            var (x, y) = Data();
            var vx = x.Clone();
            vx[2, 0] = float.NegativeInfinity;
            Classifier().Fit(x, Matrix.FromLabels(y), new FitOptions { ValidationData = (vx, Matrix.FromLabels(y)) });
        }), "ArgumentException", "validation", "row 2, column 0");
        yield return new(Surface, "3 features for a 2-input network", () => Outcome.Of(() => Classifier().Fit(new Matrix(5, 3), new int[5])), "ArgumentException", "2 features", "3");
        yield return new(Surface, "Predict with 3 features for a 2-input network", () => Outcome.Of(() =>
        {
            var network = Classifier();
            network.Build();
            network.Predict(new Matrix(4, 3));
        }), "ArgumentException", "2 features", "3");
        yield return new(Surface, "10 samples, 9 targets", () => Outcome.Of(() => Classifier().Fit(new Matrix(10, 2), new int[9])), "ArgumentException", "10 samples", "9 targets");
        yield return new(Surface, "unknown class label 5 for 3 outputs", () => Outcome.Of(() =>
        {
            var (x, y) = Data();
            y[4] = 5;
            Classifier().Fit(x, y);
        }), "ArgumentException", "5", "row 4");
        yield return new(Surface, "negative class label", () => Outcome.Of(() =>
        {
            var (x, y) = Data();
            y[6] = -1;
            Classifier().Fit(x, y);
        }), "ArgumentException", "-1", "row 6");
        yield return new(Surface, "NaN regression target", () => Outcome.Of(() =>
        {
            var (x, y) = SyntheticData.Sine(20);
            y[11, 0] = float.NaN;
            Regressor().Fit(x, y);
        }), "ArgumentException", "NaN", "11");
        yield return new(Surface, "empty data", () => Outcome.Of(() => Classifier().Fit(new Matrix(0, 2), Array.Empty<int>())), "ArgumentException", "empty");
        yield return new(Surface, "binary target 2 for a sigmoid output", () => Outcome.Of(() =>
        {
            var network = new Network().Add(new DenseLayer(2, 1)).Add(new SigmoidActivation());
            network.Set(new BinaryCrossEntropyLoss(), new AdamOptimizer());
            network.Fit(new Matrix(3, 2), Matrix.FromColumn([0f, 2f, 1f]));
        }), "ArgumentException", "2", "row 1");
        yield return Option("Epochs = 0", new FitOptions { Epochs = 0 }, "ArgumentOutOfRangeException", "Epochs");
        yield return Option("BatchSize = −5", new FitOptions { BatchSize = -5 }, "ArgumentOutOfRangeException", "BatchSize");
        yield return Option("ValidationFraction = 1.5", new FitOptions { ValidationFraction = 1.5 }, "ArgumentOutOfRangeException", "ValidationFraction");
        yield return Option("EarlyStoppingPatience = −1", new FitOptions { EarlyStoppingPatience = -1 }, "ArgumentOutOfRangeException", "EarlyStoppingPatience");
        yield return new(Surface, "learning rate NaN", () => Outcome.Of(() => new AdamOptimizer(learningRate: float.NaN)), "ArgumentOutOfRangeException", "learningRate", "NaN");
        yield return new(Surface, "learning rate −0.1", () => Outcome.Of(() => new SgdOptimizer(learningRate: -0.1f)), "ArgumentOutOfRangeException", "learningRate", "-0.1");
        yield return new(Surface, "dense layer with 0 neurons", () => Outcome.Of(() => new DenseLayer(2, 0)), "ArgumentOutOfRangeException", "neurons", "0");
        yield return new(Surface, "dense layer with −3 inputs", () => Outcome.Of(() => new DenseLayer(-3, 4)), "ArgumentOutOfRangeException", "inputs", "-3");
        yield return new(Surface, "dropout rate 1.5", () => Outcome.Of(() => new DropoutLayer(1.5f)), "ArgumentOutOfRangeException", "rate", "1.5");
        yield return new(Surface, "NumberOfThreads = 0", () => Outcome.Of(() => new Network { NumberOfThreads = 0 }), "ArgumentOutOfRangeException", "NumberOfThreads", "0");
        yield return new(Surface, "layers that do not fit (4 outputs into 5 inputs)", () => Outcome.Of(() =>
            new Network().Add(new DenseLayer(2, 4)).Add(new DenseLayer(5, 3)).Build()), "InvalidOperationException", "Layer 1", "DenseLayer");
        yield return new(Surface, "Fit before Set", () => Outcome.Of(() => new Network().Add(new DenseLayer(2, 3)).Fit(new Matrix(2, 2), new int[2])), "InvalidOperationException", "Set a loss and an optimizer");
        yield return new(Surface, "learning rate 1e30 (divergence)", () => Outcome.Of(() =>
        {
            var (x, y) = Data();
            var network = new Network(seed: 1).Add(new DenseLayer(2, 8)).Add(new ReLUActivation()).Add(new DenseLayer(8, 3)).Add(new SoftmaxActivation());
            network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(learningRate: 1e30f));
            network.Fit(x, y, new FitOptions { Epochs = 20 });
        }), "TrainingDivergedException", "diverged", "learning rate");
    }

    private static BadInputCase Fit(string name, Action<Matrix> spoil, string error, params string[] mentions) => new(Surface, name, () => Outcome.Of(() =>
    {
        var (x, y) = Data();
        spoil(x);
        Classifier().Fit(x, y);
    }), error, mentions);

    private static BadInputCase Option(string name, FitOptions options, string error, params string[] mentions) => new(Surface, name, () => Outcome.Of(() =>
    {
        var (x, y) = Data();
        Classifier().Fit(x, y, options);
    }), error, mentions);

    private static (Matrix X, int[] Y) Data() => SyntheticData.Spiral(10, 3, seed: 1);

    private static Network Classifier()
    {
        var network = new Network(seed: 1).Add(new DenseLayer(2, 4)).Add(new ReLUActivation()).Add(new DenseLayer(4, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer());
        return network;
    }

    private static Network Regressor()
    {
        var network = new Network(seed: 1).Add(new DenseLayer(1, 4)).Add(new TanhActivation()).Add(new DenseLayer(4, 1)).Add(new LinearActivation());
        network.Set(new MeanSquaredErrorLoss(), new AdamOptimizer());
        return network;
    }
}
