namespace NNTrainer.ML;

/// <summary>
/// Chooses the L2 penalty of a small training set by k-fold cross-validation: each candidate strength trains the
/// network on k − 1 folds and is scored by its loss on the fold left out; the strength with the lowest mean held-out
/// loss wins. A fixed rule (<see cref="NeuralNetworkDefaults.L2RegularizationFor"/>) has to pick one strength for
/// every table of a given size; a noisy target (diabetes, a 20-row table) wants a strong penalty that pulls the
/// network toward a smooth fit, a clean one (iris, a smooth curve) a weak one that keeps it flexible.
/// </summary>
internal static class L2Selection
{
    /// <summary>
    /// Whether the penalty of a fit with these options on <paramref name="rows"/> rows is chosen by cross-validation:
    /// a regression (<paramref name="loss"/> is a squared or absolute error), the option on, a small set with rows for
    /// every fold, a positive penalty that adapts to small data, and no validation set, early stopping or checkpoint
    /// already deciding how the network is held back. Classifiers keep the rule: on the benchmark's small
    /// classification sets (iris, wine, breast cancer) the folds of 40–150 rows chose no better than it (docs/defaults.md).
    /// </summary>
    public static bool Applies(NeuralNetworkOptionsBase options, long rows, Loss loss) =>
        loss is MeanSquaredErrorLoss or MeanAbsoluteErrorLoss && options.CrossValidateL2OnSmallData && options.ScaleL2ForSmallData && options.L2Regularization > 0
        && rows <= NeuralNetworkDefaults.CrossValidatedL2RowsUpTo && rows >= 2 * NeuralNetworkDefaults.L2CrossValidationFolds
        && options.ValidationSetFraction == 0 && options.EarlyStoppingPatience == 0 && options.CheckpointPath is null;

    /// <summary>
    /// The candidate strength (the options' <c>L2Regularization</c> times one of <see cref="NeuralNetworkDefaults.L2CrossValidationFactors"/>)
    /// with the lowest mean held-out loss over the folds; ties go to the stronger penalty. The grid is walked from the
    /// strongest penalty down and stops at the first candidate that does no better than the best so far.
    /// </summary>
    /// <param name="options">The trainer's options (base penalty, batch size, epochs, optimizer).</param>
    /// <param name="train">The training set, already standardised and scaled as the final fit will see it.</param>
    /// <param name="seed">Seeds the fold assignment and every candidate's network, so the choice is reproducible.</param>
    /// <param name="create">A new, unbuilt network with the given penalty for the given number of training rows.</param>
    /// <param name="loss">A new loss of the trainer's task.</param>
    public static float Choose(NeuralNetworkOptionsBase options, TrainingSet train, int seed, Func<float, long, Network> create, Func<Loss> loss)
    {
        var (inputs, targets, weights) = (train.Inputs, train.Targets, train.Weights);
        float l2 = options.L2Regularization;
        int k = NeuralNetworkDefaults.L2CrossValidationFolds;
        var folds = Assign(targets, k, seed);
        var factors = NeuralNetworkDefaults.L2CrossValidationFactors;
        double bestLoss = double.PositiveInfinity;
        // When every candidate diverges, the fit goes on with the rule's penalty and reports its own divergence.
        float best = NeuralNetworkDefaults.L2RegularizationFor(l2, inputs.Rows);
        // From the strongest penalty down, so a tie keeps the smoother model.
        for (int c = factors.Length - 1; c >= 0; c--)
        {
            float candidate = l2 * factors[c];
            double heldOut = 0;
            for (int f = 0; f < k; f++)
            {
                var (trainRows, testRows) = Split(folds, f);
                var network = create(candidate, trainRows.Length);
                network.Set(loss(), NetworkFactory.CreateOptimizer(options));
                if (!TryFit(network, inputs.SelectRows(trainRows), targets.SelectRows(trainRows), new FitOptions
                {
                    SampleWeights = weights is null ? null : Gather(weights, trainRows),
                    Epochs = options.NumberOfEpochs ?? NeuralNetworkDefaults.Epochs(trainRows.Length, options.BatchSize),
                    BatchSize = options.BatchSize,
                    LearningRateSchedule = options.LearningRateSchedule,
                    GradientClipNorm = options.GradientClipNorm,
                    Execution = options.Execution,
                    CancellationToken = options.CancellationToken,
                    ValidateInputs = false,
                }))
                {
                    heldOut = double.PositiveInfinity;
                    break;
                }
                heldOut += network.Evaluate(inputs.SelectRows(testRows), targets.SelectRows(testRows)).DataLoss * testRows.Length;
            }
            if (heldOut < bestLoss)
            {
                bestLoss = heldOut;
                best = candidate;
            }
            else if (double.IsFinite(bestLoss))
            {
                // The held-out loss has turned up: weaker penalties only fit the folds' noise more closely, so the
                // rest of the grid is not trained (on the benchmark's small regression sets this never changed the
                // choice and saved up to three fifths of the fits; docs/defaults.md, round 4).
                break;
            }
        }
        return best;
    }

    /// <summary>
    /// The fold of every row: rows sorted by target (ties in a seeded random order) and dealt out in turn, so every
    /// fold gets the classes (or the range of a regression target) in the proportions of the whole set.
    /// </summary>
    internal static int[] Assign(Matrix targets, int k, int seed)
    {
        int rows = targets.Rows, columns = targets.Columns;
        var random = new Random(seed);
        var order = new int[rows];
        var tiebreak = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            order[i] = i;
            tiebreak[i] = random.Next();
        }
        var data = targets.Data;
        Array.Sort(order, (a, b) =>
        {
            for (int j = 0; j < columns; j++)
            {
                int byTarget = data[a * columns + j].CompareTo(data[b * columns + j]);
                if (byTarget != 0) return byTarget;
            }
            return tiebreak[a].CompareTo(tiebreak[b]);
        });
        var folds = new int[rows];
        // A random start so that the first fold does not always get the smallest target of every run of k.
        int offset = random.Next(k);
        for (int i = 0; i < rows; i++) folds[order[i]] = (i + offset) % k;
        return folds;
    }

    /// <summary>A candidate whose training diverges is out of the running, not an error of the fit that asked.</summary>
    private static bool TryFit(Network network, Matrix inputs, Matrix targets, FitOptions options)
    {
        try
        {
            network.Fit(inputs, targets, options);
            return true;
        }
        catch (TrainingDivergedException)
        {
            return false;
        }
    }

    private static (int[] Train, int[] Test) Split(int[] folds, int fold)
    {
        var train = new List<int>(folds.Length);
        var test = new List<int>(folds.Length / 2 + 1);
        for (int i = 0; i < folds.Length; i++) (folds[i] == fold ? test : train).Add(i);
        return (train.ToArray(), test.ToArray());
    }

    private static float[] Gather(float[] values, int[] rows)
    {
        var result = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }
}
