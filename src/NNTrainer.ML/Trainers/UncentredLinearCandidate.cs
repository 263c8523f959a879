namespace NNTrainer.ML;

/// <summary>
/// The linear candidate of <see cref="ModelSelection"/> that carries ML.NET SDCA's prior
/// (<see cref="NeuralNetworkModelCandidate.UncentredLinear"/>): one dense layer whose bias is penalised like a weight, at
/// SDCA's automatic L2 for the rows, on features divided by their root mean square but not centred, trained on the whole
/// set at once until it has converged. Round 9a (docs/defaults.md) took SDCA apart on 40 iris splits: its loss, shuffling
/// and stopping did not matter; the uncentred scale and the penalised bias at that weak penalty did, and this model made
/// SDCA's decisions on 39 of 40 splits.
/// </summary>
internal static class UncentredLinearCandidate
{
    /// <summary>
    /// SDCA's automatic L2 for <paramref name="rows"/> rows on one thread, halved because SDCA minimises
    /// mean loss + λ/2·‖w‖² and the engine adds L2·‖w‖²: λ = max(1e-6, 20 / (expected epochs · rows)), with expected
    /// epochs half of SDCA's 3·⌊500,000 / rows⌋. About 1.33e-5 for any row count up to 250,000.
    /// </summary>
    public static float L2(long rows)
    {
        long n = Math.Max(1, rows);
        long maxIterations = Math.Max(2, Math.Max(1, 500_000 / n) * 3);
        long expected = Math.Max(2, maxIterations / 2);
        return Math.Max(1e-6f, 20f / (expected * n)) / 2;
    }

    /// <summary>A new, unbuilt linear model for <paramref name="rows"/> rows: one dense layer with its weights and bias penalised alike, by <see cref="L2"/> unless <paramref name="l2Override"/> is given.</summary>
    public static Network Create(int inputs, int outputs, Layer? outputActivation, int seed, int threads, long rows, float? l2Override = null)
    {
        float l2 = l2Override ?? L2(rows);
        var network = new Network(seed) { NumberOfThreads = threads };
        network.Add(new DenseLayer(inputs, outputs, weightL2: l2, biasL2: l2));
        if (outputActivation is not null) network.Add(outputActivation);
        return network;
    }

    /// <summary>
    /// The candidate's view of the training set and the scaling that reads raw features into it: each column of the raw
    /// features (the trainer's inputs before <paramref name="standardised"/> scaled them, or as they are when it is null)
    /// divided by its root mean square, so that zero stays at zero. Folding the returned scaling into a model trained on
    /// these inputs gives one that reads raw features, as the standardised network's does.
    /// </summary>
    /// <param name="train">The training set as the configured network sees it.</param>
    /// <param name="standardised">The scaling already applied to <paramref name="train"/>, or null.</param>
    public static (TrainingSet Train, FeatureScaling Scaling) Inputs(TrainingSet train, FeatureScaling? standardised)
    {
        var inputs = train.Inputs;
        int columns = inputs.Columns;
        var raw = new double[inputs.Rows * columns];
        var squares = new double[columns];
        double total = 0;
        for (int r = 0; r < inputs.Rows; r++)
        {
            var row = inputs.Row(r);
            double w = train.Weights?[r] ?? 1;
            total += w;
            for (int c = 0; c < columns; c++)
            {
                double x = standardised is null ? row[c] : row[c] * standardised.StandardDeviations[c] + standardised.Means[c];
                raw[r * columns + c] = x;
                squares[c] += w * x * x;
            }
        }
        var rms = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            double value = Math.Sqrt(squares[c] / Math.Max(1e-300, total));
            // An all-zero column stays zero whatever it is divided by.
            rms[c] = value > 1e-12 && double.IsFinite(value) ? value : 1;
        }
        var scaled = new float[raw.Length];
        for (int i = 0; i < raw.Length; i++) scaled[i] = (float)(raw[i] / rms[i % columns]);
        return (train with { Inputs = new Matrix(inputs.Rows, columns, scaled) }, FeatureScaling.FromStatistics(new double[columns], rms));
    }
}
