namespace NNTrainer.Tests.Training;

/// <summary>
/// <see cref="FitOptions.SampleWeights"/>: a batch's loss is Σ wᵢ·lᵢ / Σ wᵢ and its gradient accordingly, on every path a
/// step can take (fused small-input and narrow kernels, fused general step, layer by layer, sigmoid and regression outputs).
/// </summary>
public class SampleWeightTests
{
    public enum Model
    {
        SpiralSmallInput,
        SpiralFusedGeneral,
        SpiralLayerByLayer,
        DeepFused,
        SoftmaxStatistics,
        Sigmoid,
        Regression,
        OneHot,
        NarrowKernel,
    }

    public static TheoryData<Model> Models => new(Enum.GetValues<Model>());

    [Theory]
    [MemberData(nameof(Models))]
    public void IntegerWeightsEqualDuplicatedRowsOnTheLossAndGradientOfABatch(Model model)
    {
        var (x, y) = Data(model, rows: 40, seed: 1);
        var weights = new float[x.Rows];
        for (int i = 0; i < weights.Length; i++) weights[i] = i % 7 == 3 ? 0 : 1 + i % 3;
        var (dx, dy) = Duplicate(x, y, weights);

        // One full-batch step: the parameters' gradients are those of the batch at the initial weights.
        var weighted = Train(model, x, y, new FitOptions { Epochs = 1, BatchSize = null, SampleWeights = weights });
        var duplicated = Train(model, dx, dy, new FitOptions { Epochs = 1, BatchSize = null });

        // The loss: the same double terms, each times an integer weight rather than added that many times.
        double expectedLoss = duplicated.History!.Epochs[0].DataLoss;
        Assert.Equal(expectedLoss, weighted.History!.Epochs[0].DataLoss, 1e-12 * Math.Abs(expectedLoss));
        // The gradients: float sums of w copies of g/N against g·(w·n/N)/n, a few units in the last place apart.
        for (int p = 0; p < weighted.Parameters.Count; p++)
        {
            var expected = duplicated.Parameters[p].Gradients;
            var actual = weighted.Parameters[p].Gradients;
            float scale = expected.Max(MathF.Abs);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(MathF.Abs(expected[i] - actual[i]) <= 2e-6f * scale + 1e-9f, $"{model}: parameter {p} value {i}: {actual[i]} vs {expected[i]} duplicated");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void WeightsOfOneTrainTheBitIdenticalModelOfNoWeights(Model model)
    {
        var (x, y) = Data(model, rows: 90, seed: 2);
        var ones = Enumerable.Repeat(1f, x.Rows).ToArray();
        FitOptions Options(float[]? w) => new() { Epochs = 4, BatchSize = 16, ValidationFraction = 0.2, SampleWeights = w };
        var plain = Train(model, x, y, Options(null));
        var weighted = Train(model, x, y, Options(ones));
        Assert.Equal(StoredModelHashTests.Hash(plain), StoredModelHashTests.Hash(weighted));
    }

    [Fact]
    public void UpweightingAClassRaisesItsRecall()
    {
        // Two overlapping Gaussian classes, the second five times rarer: unweighted, the classifier favours the first.
        var random = new Random(5);
        int n = 600;
        var x = new Matrix(n, 2);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 6 == 0 ? 1 : 0;
            x[i, 0] = (float)(Gaussian(random) + (labels[i] == 1 ? 1.0 : 0));
            x[i, 1] = (float)(Gaussian(random) + (labels[i] == 1 ? 1.0 : 0));
        }
        var weights = labels.Select(l => l == 1 ? 5f : 1f).ToArray();
        double Recall(float[]? w)
        {
            var network = new Network(seed: 3).Add(new DenseLayer(2, 16)).Add(new ReLUActivation()).Add(new DenseLayer(16, 2)).Add(new SoftmaxActivation());
            network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.01f));
            network.Fit(x, labels, new FitOptions { Epochs = 30, BatchSize = 32, SampleWeights = w });
            var predicted = network.PredictClasses(x);
            return (double)Enumerable.Range(0, n).Count(i => labels[i] == 1 && predicted[i] == 1) / labels.Count(l => l == 1);
        }
        double plain = Recall(null), weighted = Recall(weights);
        Assert.True(weighted > plain + 0.2, $"recall of the rare class: {weighted} weighted vs {plain} unweighted");
    }

    [Fact]
    public void TheValidationLossIsTheWeightedMeanOfTheValidationRows()
    {
        var (x, y) = Data(Model.SpiralFusedGeneral, rows: 60, seed: 6);
        var (vx, vy) = Data(Model.SpiralFusedGeneral, rows: 20, seed: 7);
        var vw = Enumerable.Range(0, 20).Select(i => (float)(i % 4)).ToArray();
        var network = Train(Model.SpiralFusedGeneral, x, y, new FitOptions { Epochs = 1, BatchSize = 10, ValidationData = (vx, vy), ValidationSampleWeights = vw });
        var (dx, dy) = Duplicate(vx, vy, vw);
        double expected = network.Evaluate(dx, dy).DataLoss;
        Assert.Equal(expected, network.History!.Epochs[0].ValidationLoss!.Value, 1e-12 * expected);
    }

    [Theory]
    [InlineData(-1f, "row 3")]
    [InlineData(float.NaN, "row 3")]
    [InlineData(float.PositiveInfinity, "row 3")]
    public void ABadWeightIsAnErrorNamingTheRow(float bad, string expected)
    {
        var (x, y) = Data(Model.SpiralFusedGeneral, rows: 10, seed: 8);
        var weights = Enumerable.Repeat(1f, 10).ToArray();
        weights[3] = bad;
        var error = Assert.Throws<ArgumentException>(() => Train(Model.SpiralFusedGeneral, x, y, new FitOptions { Epochs = 1, SampleWeights = weights }));
        Assert.Contains(expected, error.Message);
        Assert.Contains("SampleWeights", error.Message);
    }

    [Fact]
    public void WrongLengthsAndAllZeroWeightsAreErrors()
    {
        var (x, y) = Data(Model.SpiralFusedGeneral, rows: 10, seed: 9);
        var error = Assert.Throws<ArgumentException>(() => Train(Model.SpiralFusedGeneral, x, y, new FitOptions { Epochs = 1, SampleWeights = new float[9] }));
        Assert.Contains("9 weights", error.Message);
        Assert.Contains("10 rows", error.Message);
        error = Assert.Throws<ArgumentException>(() => Train(Model.SpiralFusedGeneral, x, y, new FitOptions { Epochs = 1, SampleWeights = new float[10] }));
        Assert.Contains("every weight", error.Message);
        error = Assert.Throws<ArgumentException>(() => Train(Model.SpiralFusedGeneral, x, y, new FitOptions { Epochs = 1, ValidationData = (x, y), ValidationSampleWeights = new float[4] }));
        Assert.Contains("4 weights", error.Message);
        Assert.Contains("validation data has 10 rows", error.Message);
        error = Assert.Throws<ArgumentException>(() => Train(Model.SpiralFusedGeneral, x, y, new FitOptions { Epochs = 1, ValidationSampleWeights = new float[10] }));
        Assert.Contains("ValidationData", error.Message);
    }

    [Fact]
    public void RowsOfWeightZeroContributeNothing()
    {
        // Garbage rows of weight 0 (labels flipped) leave training exactly where the clean rows alone take it, batch by batch.
        var (x, y) = Data(Model.SpiralLayerByLayer, rows: 32, seed: 10);
        var (bx, by) = Data(Model.SpiralLayerByLayer, rows: 32, seed: 11);
        var all = new Matrix(64, x.Columns);
        var allY = new Matrix(64, 1);
        var weights = new float[64];
        for (int i = 0; i < 32; i++)
        {
            x.Row(i).CopyTo(all.Row(2 * i));
            bx.Row(i).CopyTo(all.Row(2 * i + 1));
            allY[2 * i, 0] = y[i, 0];
            allY[2 * i + 1, 0] = (by[i, 0] + 1) % 3;
            weights[2 * i] = 1;
        }
        var clean = Train(Model.SpiralLayerByLayer, x, y, new FitOptions { Epochs = 3, BatchSize = null });
        var mixed = Train(Model.SpiralLayerByLayer, all, allY, new FitOptions { Epochs = 3, BatchSize = null, SampleWeights = weights });
        for (int p = 0; p < clean.Parameters.Count; p++)
        {
            var e = clean.Parameters[p].Values;
            var a = mixed.Parameters[p].Values;
            for (int i = 0; i < e.Length; i++) Assert.True(MathF.Abs(e[i] - a[i]) <= 1e-5f, $"parameter {p} value {i}: {a[i]} vs {e[i]}");
        }
        Assert.Equal(clean.History!.Epochs[^1].DataLoss, mixed.History!.Epochs[^1].DataLoss, 1e-6);
    }

    [Theory]
    [InlineData("cce sparse")]
    [InlineData("cce one-hot")]
    [InlineData("cce smoothed")]
    [InlineData("bce")]
    [InlineData("mse")]
    [InlineData("mae")]
    public void EveryBuiltInLossWeighsLikeDuplicatedRowsAndLikeNoWeightsWithOnes(string name)
    {
        var random = new Random(12);
        var outputs = new Matrix(9, 3);
        for (int i = 0; i < outputs.Rows; i++)
        {
            float a = (float)random.NextDouble() + 0.1f, b = (float)random.NextDouble() + 0.1f, c = (float)random.NextDouble() + 0.1f;
            outputs[i, 0] = a / (a + b + c);
            outputs[i, 1] = b / (a + b + c);
            outputs[i, 2] = c / (a + b + c);
        }
        var targets = new Matrix(9, name == "cce sparse" || name == "cce smoothed" ? 1 : 3);
        for (int i = 0; i < targets.Rows; i++)
        {
            if (targets.Columns == 1) targets[i, 0] = i % 3;
            else if (name == "cce one-hot") targets[i, i % 3] = 1;
            else for (int j = 0; j < 3; j++) targets[i, j] = (float)random.NextDouble();
        }
        Loss loss = name switch
        {
            "cce sparse" or "cce one-hot" => new CategoricalCrossEntropyLoss(),
            "cce smoothed" => new CategoricalCrossEntropyLoss(0.1f),
            "bce" => new BinaryCrossEntropyLoss(),
            "mse" => new MeanSquaredErrorLoss(),
            _ => new MeanAbsoluteErrorLoss(),
        };
        var weights = new float[] { 1, 0, 2, 3, 1, 0, 1, 2, 1 };
        var (dx, dy) = Duplicate(outputs, targets, weights);
        double expected = loss.SumSampleLosses(dx, dy);
        Assert.Equal(expected, loss.SumWeightedSampleLosses(outputs, targets, weights), 1e-12 * expected);
        var ones = Enumerable.Repeat(1f, 9).ToArray();
        Assert.Equal(BitConverter.DoubleToInt64Bits(loss.SumSampleLosses(outputs, targets)), BitConverter.DoubleToInt64Bits(loss.SumWeightedSampleLosses(outputs, targets, ones)));
    }

    internal static Network Train(Model model, Matrix x, Matrix y, FitOptions options)
    {
        var network = model switch
        {
            Model.DeepFused => Stack(x.Columns, [24, 16, 3], new SoftmaxActivation()),
            Model.SoftmaxStatistics => new Network(seed: 4).Add(new DenseLayer(x.Columns, 16)).Add(new TanhActivation()).Add(new DenseLayer(16, 3)).Add(new SoftmaxActivation()),
            Model.Sigmoid => Stack(x.Columns, [16, 2], new SigmoidActivation()),
            Model.Regression => Stack(x.Columns, [16, 2], new LinearActivation()),
            _ => Stack(x.Columns, [32, 3], new SoftmaxActivation()),
        };
        Loss loss = model switch
        {
            Model.Sigmoid => new BinaryCrossEntropyLoss(),
            Model.Regression => new MeanSquaredErrorLoss(),
            _ => new CategoricalCrossEntropyLoss(),
        };
        network.Set(loss, new SgdOptimizer(0.05f, momentum: 0.5f));
        network.Build();
        options.Validate();
        bool layerByLayer = model is Model.SpiralLayerByLayer;
        new TrainingLoop(network, options) { FuseLayers = !layerByLayer, UseSmallInputKernel = model is Model.SpiralSmallInput or Model.NarrowKernel }.Run(x, y);
        return network;
    }

    private static Network Stack(int inputs, int[] sizes, Activation output)
    {
        var network = new Network(seed: 4);
        int previous = inputs;
        for (int i = 0; i < sizes.Length; i++)
        {
            network.Add(new DenseLayer(previous, sizes[i]));
            network.Add(i + 1 < sizes.Length ? new ReLUActivation() : output);
            previous = sizes[i];
        }
        return network;
    }

    internal static (Matrix X, Matrix Y) Data(Model model, int rows, int seed)
    {
        var random = new Random(seed);
        int features = model switch { Model.DeepFused => 10, Model.NarrowKernel => 9, _ => 2 };
        var x = new Matrix(rows, features);
        var y = model switch
        {
            Model.Sigmoid or Model.Regression => new Matrix(rows, 2),
            Model.OneHot => new Matrix(rows, 3),
            _ => new Matrix(rows, 1),
        };
        for (int i = 0; i < rows; i++)
        {
            int label = random.Next(3);
            for (int j = 0; j < features; j++) x[i, j] = (float)(random.NextDouble() * 2 - 1 + (j % 3 == label ? 0.6 : 0));
            switch (model)
            {
                case Model.Sigmoid:
                    y[i, 0] = label == 0 ? 1 : 0;
                    y[i, 1] = x[i, 1] > 0 ? 1 : 0;
                    break;
                case Model.Regression:
                    y[i, 0] = x[i, 0] * x[i, 1];
                    y[i, 1] = x[i, 0] - label;
                    break;
                case Model.OneHot:
                    y[i, label] = 1;
                    break;
                default:
                    y[i, 0] = label;
                    break;
            }
        }
        return (x, y);
    }

    /// <summary>Each row repeated as many times as its (integer) weight, in order.</summary>
    internal static (Matrix X, Matrix Y) Duplicate(Matrix x, Matrix y, float[] weights)
    {
        int count = (int)weights.Sum();
        var dx = new Matrix(count, x.Columns);
        var dy = new Matrix(count, y.Columns);
        int k = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            for (int c = 0; c < (int)weights[i]; c++, k++)
            {
                x.Row(i).CopyTo(dx.Row(k));
                y.Row(i).CopyTo(dy.Row(k));
            }
        }
        return (dx, dy);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
