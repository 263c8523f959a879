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
    /// already deciding how the network is held back. Classifiers keep the rule unless the internal
    /// <c>CrossValidateL2ForClassifiers</c> is on (then the held-out cross-entropy decides): on the benchmark's small
    /// classification sets (iris, wine, breast cancer) the folds of 40–150 rows chose no better than it (docs/defaults.md).
    /// </summary>
    public static bool Applies(NeuralNetworkOptionsBase options, long rows, Loss loss) =>
        (loss is MeanSquaredErrorLoss or MeanAbsoluteErrorLoss || options.CrossValidateL2ForClassifiers) && options.CrossValidateL2OnSmallData && options.ScaleL2ForSmallData && options.L2Regularization > 0
        && rows <= NeuralNetworkDefaults.CrossValidatedL2RowsUpTo && rows >= 2 * NeuralNetworkDefaults.L2CrossValidationFolds
        && options.ValidationSetFraction == 0 && options.EarlyStoppingPatience == 0 && options.CheckpointPath is null;

    /// <summary>
    /// The candidate strength (the options' <c>L2Regularization</c> times one of <see cref="NeuralNetworkDefaults.L2CrossValidationFactors"/>)
    /// with the lowest mean held-out loss over the folds; ties go to the stronger penalty. The grid is walked from the
    /// strongest penalty down and stops at the first candidate that does no better than the best so far.
    /// </summary>
    /// <remarks>
    /// With <paramref name="threads"/> &gt; 1 the fold fits (candidate by candidate, fold by fold) run on that many
    /// threads at once: on a table of a few hundred rows one fit cannot keep two cores busy, but two fits can. Every
    /// fold network trains on one thread and the walk over the grid reads only whole candidates in grid order, so the
    /// choice and every score are the same with any thread count; fits started past the point where the walk stops
    /// are wasted work, never part of the result.
    /// </remarks>
    /// <param name="options">The trainer's options (base penalty, batch size, epochs, optimizer).</param>
    /// <param name="train">The training set, already standardised and scaled as the final fit will see it.</param>
    /// <param name="seed">Seeds the fold assignment and every candidate's network, so the choice is reproducible.</param>
    /// <param name="create">A new, unbuilt network with the given penalty for the given number of training rows.</param>
    /// <param name="loss">A new loss of the trainer's task.</param>
    /// <param name="threads">How many fold fits may run at once (the trainer's <c>NumberOfThreads</c>).</param>
    public static float Choose(NeuralNetworkOptionsBase options, TrainingSet train, int seed, Func<float, long, Network> create, Func<Loss> loss, int threads = 1)
    {
        int k = NeuralNetworkDefaults.L2CrossValidationFolds;
        var folds = Assign(train.Targets, k, seed);
        var splits = new (int[] Train, int[] Test)[k];
        for (int f = 0; f < k; f++) splits[f] = Split(folds, f);
        var search = new FoldSearch(options, train, k, options.CrossValidateL2ForClassifiersWeakerOnly && loss() is not (MeanSquaredErrorLoss or MeanAbsoluteErrorLoss)
            ? RuleAndWeaker(options, train.Inputs.Rows) : null);
        int jobs = search.Jobs;
        int workers = Math.Clamp(threads, 1, jobs);
        if (workers == 1) search.Work((candidate, fold) => FitFold(options, train, splits[fold], candidate, create, loss));
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers },
            _ => search.Work((candidate, fold) => FitFold(options, train, splits[fold], candidate, create, loss)));
        return search.Result();
    }

    /// <summary>The rule's factor and the default grid's weaker ones, ascending: a classifier's fold cross-entropy may only lower the rule's penalty.</summary>
    private static float[] RuleAndWeaker(NeuralNetworkOptionsBase options, long rows)
    {
        float l2 = options.L2Regularization, rule = NeuralNetworkDefaults.L2RegularizationFor(l2, rows) / l2;
        float floor = options.CrossValidateL2ForClassifiersOneStep ? rule / 3.5f : 0;
        return [.. NeuralNetworkDefaults.L2CrossValidationFactors.Where(f => f < rule * 0.999f && f >= floor), rule];
    }

    /// <summary>The held-out loss (times the fold's rows) of one candidate on one fold, or +∞ when its training diverges.</summary>
    private static double FitFold(NeuralNetworkOptionsBase options, TrainingSet train, (int[] Train, int[] Test) split, float candidate,
        Func<float, long, Network> create, Func<Loss> loss)
    {
        var (inputs, targets) = (train.Inputs, train.Targets);
        var (trainRows, testRows) = split;
        var network = create(candidate, trainRows.Length);
        // One thread per fold network whatever the trainer's count, so a fold's result never depends on it.
        network.NumberOfThreads = 1;
        network.Set(loss(), NetworkFactory.CreateOptimizer(options));
        if (!TryFitRows(network, train, trainRows, options, options.NumberOfEpochs ?? NeuralNetworkDefaults.Epochs(trainRows.Length, options.BatchSize)))
        {
            return double.PositiveInfinity;
        }
        return network.Evaluate(inputs.SelectRows(testRows), targets.SelectRows(testRows)).DataLoss * testRows.Length;
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
    internal static bool TryFit(Network network, Matrix inputs, Matrix targets, FitOptions options)
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

    /// <summary>Trains a fold network on the given rows with the trainer's options but the fold's epochs, and the options' batch size unless <paramref name="batchSize"/> is given (see <see cref="TryFit"/>).</summary>
    internal static bool TryFitRows(Network network, TrainingSet train, int[] trainRows, NeuralNetworkOptionsBase options, int epochs, int? batchSize = null) =>
        TryFit(network, train.Inputs.SelectRows(trainRows), train.Targets.SelectRows(trainRows), new FitOptions
        {
            SampleWeights = train.Weights is null ? null : Gather(train.Weights, trainRows),
            Epochs = epochs,
            BatchSize = batchSize ?? options.BatchSize,
            LearningRateSchedule = options.LearningRateSchedule,
            GradientClipNorm = options.GradientClipNorm,
            Execution = options.Execution,
            CancellationToken = options.CancellationToken,
            ValidateInputs = false,
        });

    internal static (int[] Train, int[] Test) Split(int[] folds, int fold)
    {
        var train = new List<int>(folds.Length);
        var test = new List<int>(folds.Length / 2 + 1);
        for (int i = 0; i < folds.Length; i++) (folds[i] == fold ? test : train).Add(i);
        return (train.ToArray(), test.ToArray());
    }

    internal static float[] Gather(float[] values, int[] rows)
    {
        var result = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }
}
