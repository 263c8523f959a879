namespace NNTrainer.ML.Tests.Trainers;

/// <summary>The linear candidate with SDCA's prior: its penalty, its penalised bias, and the uncentred inputs it trains on.</summary>
public sealed class UncentredLinearCandidateTests
{
    [Fact]
    public void ThePenaltyIsHalfOfSdcasAutomaticL2()
    {
        // SdcaMaximumEntropy on 120 rows, one thread: maxIterations = 3·⌊500,000 / 120⌋ = 12,498, expected 6,249,
        // λ = 20 / (6,249 · 120) = 2.66709e-5; the engine's L2·‖w‖² on a mean loss is SDCA's λ/2·‖w‖².
        Assert.Equal(20.0 / (6249 * 120) / 2, UncentredLinearCandidate.L2(120), 1e-10);
        // 108 rows (a tenth held out): ⌊500,000 / 108⌋ = 4,629, so 13,887 iterations, 6,943 expected.
        Assert.Equal(20.0 / (6943 * 108) / 2, UncentredLinearCandidate.L2(108), 1e-10);
        // From 4 million rows on SDCA's floor of 1e-6 applies.
        Assert.Equal(0.5e-6, UncentredLinearCandidate.L2(10_000_000), 1e-12);
    }

    [Fact]
    public void TheBiasIsPenalisedLikeTheWeights()
    {
        var network = UncentredLinearCandidate.Create(4, 3, new SoftmaxActivation(), seed: 1, threads: 1, rows: 120);

        var dense = Assert.Single(network.Layers.OfType<DenseLayer>());
        Assert.Equal((4, 3), (dense.InputSize, dense.Neurons));
        Assert.Equal(UncentredLinearCandidate.L2(120), dense.Weights.L2);
        Assert.Equal(dense.Weights.L2, dense.Biases.L2);
    }

    [Fact]
    public void OneFullBatchStepFollowsTheHandComputedGradientOfThePenalisedBias()
    {
        // Two rows of one feature, two classes; a strong penalty so that its share of the step is far above float rounding.
        const float l2 = 0.5f, rate = 0.1f;
        var network = UncentredLinearCandidate.Create(1, 2, new SoftmaxActivation(), seed: 1, threads: 1, rows: 2, l2Override: l2);
        network.Build();
        var dense = (DenseLayer)network.Layers[0];
        float[] w0 = [0.5f, -0.5f], b0 = [0.2f, -0.2f];
        w0.CopyTo(dense.Weights.Values, 0);
        b0.CopyTo(dense.Biases.Values, 0);
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(rate));

        network.Fit(Matrix.FromArray(new float[,] { { 1 }, { 2 } }), Matrix.FromArray(new float[,] { { 1, 0 }, { 0, 1 } }),
            new FitOptions { Epochs = 1, BatchSize = 2, Shuffle = false });

        // Scores: row 1 (x = 1) ±0.7, row 2 (x = 2) ±1.2, so p(class 0) = σ(1.4) and σ(2.4). The mean cross-entropy's
        // gradient on the scores is (p − y) / 2 per row; the penalty adds 2·L2·θ to every weight and bias.
        double p1 = 1 / (1 + Math.Exp(-1.4)), p2 = 1 / (1 + Math.Exp(-2.4));
        double[] dScore1 = [(p1 - 1) / 2, (1 - p1) / 2], dScore2 = [p2 / 2, -p2 / 2];
        for (int c = 0; c < 2; c++)
        {
            double weight = w0[c] - rate * (1 * dScore1[c] + 2 * dScore2[c] + 2 * l2 * w0[c]);
            double bias = b0[c] - rate * (dScore1[c] + dScore2[c] + 2 * l2 * b0[c]);
            Assert.Equal(weight, dense.Weights.Values[c], 5);
            Assert.Equal(bias, dense.Biases.Values[c], 5);
        }
        // Without the bias penalty the first bias would have moved by 0.02 less (2·0.5·0.2·0.1): the step saw it.
        Assert.NotEqual(b0[0] - rate * (dScore1[0] + dScore2[0]), dense.Biases.Values[0], 3);
    }

    [Fact]
    public void TheGradientOfThePenalisedObjectiveMatchesFiniteDifferences()
    {
        const float l2 = 0.3f;
        var x = Matrix.FromArray(new float[,] { { 1.2f, 0.4f }, { 0.8f, 1.1f }, { 0.3f, 0.9f } });
        var y = Matrix.FromArray(new float[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
        Network Fresh()
        {
            var network = UncentredLinearCandidate.Create(2, 3, new SoftmaxActivation(), seed: 7, threads: 1, rows: 3, l2Override: l2);
            network.Build();
            var biases = ((DenseLayer)network.Layers[0]).Biases.Values;
            for (int i = 0; i < biases.Length; i++) biases[i] = 0.4f * (i - 1);
            // One SGD step at rate 1 moves every parameter by minus its gradient.
            network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(1f));
            return network;
        }
        double Objective(Network network) => network.Evaluate(x, y).DataLoss + network.RegularizationLoss();

        var stepped = Fresh();
        var start = (float[])((DenseLayer)stepped.Layers[0]).Biases.Values.Clone();
        stepped.Fit(x, y, new FitOptions { Epochs = 1, BatchSize = 3, Shuffle = false });
        var moved = ((DenseLayer)stepped.Layers[0]).Biases.Values;

        for (int i = 0; i < start.Length; i++)
        {
            const float h = 1e-2f;
            var plus = Fresh();
            ((DenseLayer)plus.Layers[0]).Biases.Values[i] += h;
            var minus = Fresh();
            ((DenseLayer)minus.Layers[0]).Biases.Values[i] -= h;
            double numeric = (Objective(plus) - Objective(minus)) / (2 * h);
            Assert.Equal(numeric, start[i] - moved[i], 3);
        }
    }

    [Fact]
    public void InputsAreTheRawFeaturesOverTheirRootMeanSquareAndFoldBackToRawFeatures()
    {
        // Raw columns (3, 4) and (−2, 0, 2) padded: column 0 = 3, 4, 0 (RMS √(25/3)), column 1 = −2, 0, 2 (RMS √(8/3)).
        var raw = Matrix.FromArray(new float[,] { { 3, -2 }, { 4, 0 }, { 0, 2 } });
        var targets = Matrix.FromArray(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 0 } });
        var standardised = new TrainingSet(raw.Clone(), targets, 0);
        var scaling = FeatureScaling.Fit(standardised.Inputs);
        scaling.Standardize(standardised);

        var (fromStandardised, map) = UncentredLinearCandidate.Inputs(standardised, scaling);
        var (fromRaw, _) = UncentredLinearCandidate.Inputs(new TrainingSet(raw.Clone(), targets, 0), null);

        double rms0 = Math.Sqrt(25.0 / 3), rms1 = Math.Sqrt(8.0 / 3);
        float[] expected = [(float)(3 / rms0), (float)(-2 / rms1), (float)(4 / rms0), 0, 0, (float)(2 / rms1)];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], fromStandardised.Inputs.Data[i], 5);
            Assert.Equal(expected[i], fromRaw.Inputs.Data[i], 6);
        }
        Assert.Equal([0.0, 0.0], map.Means);
        Assert.Equal(rms0, map.StandardDeviations[0], 5);

        // A model trained on the uncentred inputs, with the map folded in, scores the raw rows alike.
        var network = UncentredLinearCandidate.Create(2, 2, new SoftmaxActivation(), seed: 3, threads: 1, rows: 3);
        network.Build();
        var before = network.Predict(fromRaw.Inputs).Data.ToArray();
        map.FoldInto(network);
        var after = network.Predict(raw).Data;
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i], after[i], 5);
    }
}
