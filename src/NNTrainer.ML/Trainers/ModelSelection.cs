using System.Runtime.ExceptionServices;

namespace NNTrainer.ML;

/// <summary>
/// Chooses a small classification table's model by k-fold cross-validation between the configured network and a
/// weakly penalised linear model (<see cref="NeuralNetworkModelCandidate"/>). On iris (120 training rows, 20 splits) the
/// network with its small-data penalty scored 0.967 and a converged linear model 0.977, ML.NET's SDCA 0.980; on every
/// other table of the defaults benchmark the network was as good or far better (circles: 0.997 against 0.475), so the
/// linear model can only be a choice, made on the table's own rows; off by default, because on wine the folds of 14 rows
/// chose it where the network was better (docs/defaults.md, round 7).
/// </summary>
internal static class ModelSelection
{
    /// <summary>
    /// Whether a fit with these options on <paramref name="rows"/> rows chooses its model: a classifier (<paramref name="loss"/>
    /// is a cross-entropy), the option on, a network with hidden layers (a linear one has nothing to choose), a small set
    /// with rows for every fold, and no validation set, early stopping or checkpoint already deciding how it is held back.
    /// </summary>
    public static bool Applies(NeuralNetworkOptionsBase options, long rows, Loss loss) =>
        loss is CategoricalCrossEntropyLoss or BinaryCrossEntropyLoss && options.SelectModelOnSmallData && options.HiddenLayers.Length > 0
        && rows <= NeuralNetworkDefaults.ModelSelectionRowsUpTo && rows >= 2 * NeuralNetworkDefaults.ModelSelectionFolds
        && options.ValidationSetFraction == 0 && options.EarlyStoppingPatience == 0 && options.CheckpointPath is null;

    /// <summary>The epochs a candidate trains for on <paramref name="rows"/> rows.</summary>
    public static int Epochs(NeuralNetworkOptionsBase options, NeuralNetworkModelCandidate candidate, long rows) => candidate == NeuralNetworkModelCandidate.Linear
        ? NeuralNetworkDefaults.LinearEpochs
        : options.NumberOfEpochs ?? NeuralNetworkDefaults.Epochs(rows, options.BatchSize);

    /// <summary>A new optimizer for a candidate: the options' one for the configured network, Adam at <see cref="NeuralNetworkDefaults.LinearLearningRate"/> for the linear model.</summary>
    public static Optimizer CreateOptimizer(NeuralNetworkOptionsBase options, NeuralNetworkModelCandidate candidate) => candidate == NeuralNetworkModelCandidate.Linear
        ? new AdamOptimizer(NeuralNetworkDefaults.LinearLearningRate)
        : NetworkFactory.CreateOptimizer(options);

    /// <summary>
    /// Scores both candidates on the same folds and returns the choice: the candidate with more held-out rows classified
    /// correctly, on a tie the one with the lower held-out cross-entropy, on a tie of both the configured network.
    /// </summary>
    /// <remarks>
    /// The 2 × k fold fits run on up to <paramref name="threads"/> threads, each network on one thread and each writing
    /// only its own slot, so the choice and every score are the same with any thread count.
    /// </remarks>
    /// <param name="options">The trainer's options (batch size, epochs, optimizer of the configured network).</param>
    /// <param name="train">The training set, already standardised as the final fit will see it.</param>
    /// <param name="seed">Seeds the fold assignment and every fold network.</param>
    /// <param name="create">A new, unbuilt network of a candidate for the given number of training rows.</param>
    /// <param name="loss">A new loss of the trainer's task.</param>
    /// <param name="threads">How many fold fits may run at once (the trainer's <c>NumberOfThreads</c>).</param>
    public static NeuralNetworkModelSelection Choose(NeuralNetworkOptionsBase options, TrainingSet train, int seed,
        Func<NeuralNetworkModelCandidate, long, Network> create, Func<Loss> loss, int threads = 1)
    {
        int k = NeuralNetworkDefaults.ModelSelectionFolds;
        var folds = L2Selection.Assign(train.Targets, k, seed);
        var splits = new (int[] Train, int[] Test)[k];
        for (int f = 0; f < k; f++) splits[f] = L2Selection.Split(folds, f);
        NeuralNetworkModelCandidate[] candidates = [NeuralNetworkModelCandidate.Configured, NeuralNetworkModelCandidate.Linear];
        var results = new (double Correct, double Loss)[candidates.Length * k];
        int workers = Math.Clamp(threads, 1, results.Length);
        try
        {
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = workers },
                job => results[job] = FitFold(options, train, splits[job % k], candidates[job / k], create, loss));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var scores = new NeuralNetworkCandidateScore[candidates.Length];
        var correct = new double[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            double heldOut = 0;
            for (int f = 0; f < k; f++)
            {
                correct[c] += results[c * k + f].Correct;
                heldOut += results[c * k + f].Loss;
            }
            scores[c] = new NeuralNetworkCandidateScore(candidates[c], correct[c] / train.Inputs.Rows, heldOut / train.Inputs.Rows);
        }
        bool linear = correct[1] > correct[0] || (correct[1] == correct[0] && scores[1].HeldOutLoss < scores[0].HeldOutLoss);
        return new NeuralNetworkModelSelection(linear ? NeuralNetworkModelCandidate.Linear : NeuralNetworkModelCandidate.Configured, k, train.Inputs.Rows, scores);
    }

    /// <summary>The held-out rows classified correctly and the held-out loss (times the fold's rows) of one candidate on one fold.</summary>
    private static (double Correct, double Loss) FitFold(NeuralNetworkOptionsBase options, TrainingSet train, (int[] Train, int[] Test) split,
        NeuralNetworkModelCandidate candidate, Func<NeuralNetworkModelCandidate, long, Network> create, Func<Loss> loss)
    {
        var (inputs, targets) = (train.Inputs, train.Targets);
        var (trainRows, testRows) = split;
        var network = create(candidate, trainRows.Length);
        // One thread per fold network whatever the trainer's count, so a fold's result never depends on it.
        network.NumberOfThreads = 1;
        network.Set(loss(), CreateOptimizer(options, candidate));
        if (!L2Selection.TryFitRows(network, train, trainRows, options, Epochs(options, candidate, trainRows.Length)))
        {
            return (0, double.PositiveInfinity);
        }
        var result = network.Evaluate(inputs.SelectRows(testRows), targets.SelectRows(testRows));
        return (Math.Round(result.Accuracy * testRows.Length), result.DataLoss * testRows.Length);
    }
}
