using System.Runtime.ExceptionServices;

namespace NNTrainer.ML;

/// <summary>
/// Chooses a small classification table's model by k-fold cross-validation between the configured network and a linear
/// model with ML.NET SDCA's prior (<see cref="NeuralNetworkModelCandidate.UncentredLinear"/>). Over 40 iris splits the
/// network with its small-data penalty scored 0.9525, that linear model 0.9758 and SDCA 0.9750; on every other table of
/// the defaults benchmark the network was as good or far better (wine 0.9875 against 0.9632), so the linear model can
/// only be a choice, made on the table's own rows. Round 7's centred linear candidate (<see cref="NeuralNetworkModelCandidate.Linear"/>)
/// was replaced: with it the choice reached 0.9650 on iris. Rounds 10 and 11b picked the candidate with more correct
/// held-out rows, which on wine took the linear model on one-row fold wins; round 18 takes it only when every row's
/// held-out cross-entropy, paired between the two, says so clearly (<see cref="PairedMargin"/>, z of
/// <see cref="NeuralNetworkDefaults.ModelSelectionMargin"/>): iris's margins lay at z 2–7, wine's mostly below 2
/// (docs/defaults.md, rounds 7, 10, 11b and 18).
/// </summary>
internal static class ModelSelection
{
    /// <summary>
    /// Whether a fit with these options on <paramref name="rows"/> rows chooses its model: a classifier (<paramref name="loss"/>
    /// is a cross-entropy), the option on, a network with hidden layers (a linear one has nothing to choose) and the
    /// automatic epochs (epochs given configure the network's training, which a linear model of its own length would
    /// ignore), a small set with rows for every fold whose folds' <paramref name="work"/> (<see cref="Work"/>) is within
    /// <see cref="NeuralNetworkDefaults.ModelSelectionWorkUpTo"/>, and no validation set, early stopping or checkpoint
    /// already deciding how it is held back.
    /// </summary>
    public static bool Applies(NeuralNetworkOptionsBase options, long rows, Loss loss, double work) =>
        loss is CategoricalCrossEntropyLoss or BinaryCrossEntropyLoss && options.SelectModelOnSmallData && options.HiddenLayers.Length > 0
        && options.NumberOfEpochs is null && rows <= NeuralNetworkDefaults.ModelSelectionRowsUpTo && rows >= 2 * NeuralNetworkDefaults.ModelSelectionFolds
        && work <= NeuralNetworkDefaults.ModelSelectionWorkUpTo
        && options.ValidationSetFraction == 0 && options.EarlyStoppingPatience == 0 && options.CheckpointPath is null;

    /// <summary>
    /// The work of one pass of the candidates over <paramref name="rows"/> rows, in parameter-row updates: the configured
    /// network's epochs times its <paramref name="parameters"/> plus the linear model's epochs times its weights
    /// (<paramref name="features"/> + 1 per output), times the rows. The folds do about nine tenths of it ten times over.
    /// </summary>
    public static double Work(NeuralNetworkOptionsBase options, long rows, int features, int outputs, long parameters) =>
        (double)rows * ((double)Epochs(options, NeuralNetworkModelCandidate.Configured, rows) * parameters
            + (double)NeuralNetworkDefaults.UncentredLinearEpochs * (features + 1) * outputs);

    /// <summary>The models a small table chooses among, in the order that breaks a tie of both scores.</summary>
    internal static readonly NeuralNetworkModelCandidate[] Candidates = [NeuralNetworkModelCandidate.Configured, NeuralNetworkModelCandidate.UncentredLinear];

    /// <summary>The epochs a candidate trains for on <paramref name="rows"/> rows.</summary>
    public static int Epochs(NeuralNetworkOptionsBase options, NeuralNetworkModelCandidate candidate, long rows) =>
        OwnEpochs(candidate) ?? options.NumberOfEpochs ?? NeuralNetworkDefaults.Epochs(rows, options.BatchSize);

    /// <summary>The epochs of a linear candidate, which are its own whatever the options say; null for the configured network.</summary>
    public static int? OwnEpochs(NeuralNetworkModelCandidate candidate) => candidate switch
    {
        NeuralNetworkModelCandidate.Linear => NeuralNetworkDefaults.LinearEpochs,
        NeuralNetworkModelCandidate.UncentredLinear => NeuralNetworkDefaults.UncentredLinearEpochs,
        _ => null,
    };

    /// <summary>The batch size of a candidate on <paramref name="rows"/> rows: the uncentred linear model takes every row in one step.</summary>
    public static int BatchSize(NeuralNetworkOptionsBase options, NeuralNetworkModelCandidate candidate, long rows) =>
        candidate == NeuralNetworkModelCandidate.UncentredLinear ? (int)Math.Max(1, rows) : options.BatchSize;

    /// <summary>A new optimizer for a candidate: the options' one for the configured network, Adam at the linear models' own rates for them.</summary>
    public static Optimizer CreateOptimizer(NeuralNetworkOptionsBase options, NeuralNetworkModelCandidate candidate) => candidate switch
    {
        NeuralNetworkModelCandidate.Linear => new AdamOptimizer(NeuralNetworkDefaults.LinearLearningRate),
        NeuralNetworkModelCandidate.UncentredLinear => new AdamOptimizer(NeuralNetworkDefaults.UncentredLinearLearningRate),
        _ => NetworkFactory.CreateOptimizer(options),
    };

    /// <summary>
    /// Scores every candidate of <see cref="Candidates"/> on the same folds, every row held out once, and returns the
    /// choice: the linear model when its per-row held-out cross-entropies are lower than the network's by more than
    /// <see cref="NeuralNetworkDefaults.ModelSelectionMargin"/> standard errors of the mean difference, or when a
    /// network fold diverged and no linear one did; the configured network otherwise.
    /// </summary>
    /// <remarks>
    /// The fold fits (k per candidate) run on up to <paramref name="threads"/> threads, each network on one thread and each writing
    /// only its own slot, so the choice and every score are the same with any thread count.
    /// </remarks>
    /// <param name="options">The trainer's options (batch size, epochs, optimizer of the configured network).</param>
    /// <param name="train">The training set, already standardised as the final fit will see it.</param>
    /// <param name="uncentred">The uncentred linear candidate's view of the same rows (<see cref="UncentredLinearCandidate.Inputs"/>).</param>
    /// <param name="seed">Seeds the fold assignment and every fold network.</param>
    /// <param name="create">A new, unbuilt network of a candidate for the given number of training rows.</param>
    /// <param name="loss">A new loss of the trainer's task.</param>
    /// <param name="threads">How many fold fits may run at once (the trainer's <c>NumberOfThreads</c>).</param>
    public static NeuralNetworkModelSelection Choose(NeuralNetworkOptionsBase options, TrainingSet train, TrainingSet uncentred, int seed,
        Func<NeuralNetworkModelCandidate, long, Network> create, Func<Loss> loss, int threads = 1)
    {
        int k = NeuralNetworkDefaults.ModelSelectionFolds;
        var folds = L2Selection.Assign(train.Targets, k, seed);
        var splits = new (int[] Train, int[] Test)[k];
        for (int f = 0; f < k; f++) splits[f] = L2Selection.Split(folds, f);
        var candidates = Candidates;
        int rows = train.Inputs.Rows;
        var results = new (double Correct, double Loss)[candidates.Length * k];
        // Every row is held out once: each fold fit writes the losses of its own held-out rows, so no two jobs share a slot.
        var rowLosses = new double[candidates.Length][];
        for (int c = 0; c < candidates.Length; c++) rowLosses[c] = new double[rows];
        int workers = Math.Clamp(threads, 1, results.Length);
        try
        {
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = workers },
                job => results[job] = FitFold(options, candidates[job / k] == NeuralNetworkModelCandidate.UncentredLinear ? uncentred : train, splits[job % k],
                    candidates[job / k], create, loss, rowLosses[job / k]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var scores = new NeuralNetworkCandidateScore[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            double correct = 0, heldOut = 0;
            for (int f = 0; f < k; f++)
            {
                correct += results[c * k + f].Correct;
                heldOut += results[c * k + f].Loss;
            }
            scores[c] = new NeuralNetworkCandidateScore(candidates[c], correct / rows, heldOut / rows);
        }
        var margin = PairedMargin.Of(rowLosses[0], rowLosses[1]);
        double z = NeuralNetworkDefaults.ModelSelectionMargin;
        // A network whose fold diverged loses to a linear model that trained; otherwise the linear model needs a clear answer.
        bool linear = margin.Clears(z) || (!double.IsFinite(scores[0].HeldOutLoss) && double.IsFinite(scores[1].HeldOutLoss));
        return new NeuralNetworkModelSelection(candidates[linear ? 1 : 0], k, rows, scores)
        {
            MarginMean = margin.Mean,
            MarginStandardError = margin.StandardError,
            MarginThreshold = z,
        };
    }

    /// <summary>
    /// The held-out rows classified correctly and the held-out loss (times the fold's rows) of one candidate on one fold;
    /// writes each held-out row's own loss into <paramref name="rowLosses"/> (+∞ when the fold's training diverged).
    /// </summary>
    private static (double Correct, double Loss) FitFold(NeuralNetworkOptionsBase options, TrainingSet train, (int[] Train, int[] Test) split,
        NeuralNetworkModelCandidate candidate, Func<NeuralNetworkModelCandidate, long, Network> create, Func<Loss> loss, double[] rowLosses)
    {
        var (inputs, targets) = (train.Inputs, train.Targets);
        var (trainRows, testRows) = split;
        var network = create(candidate, trainRows.Length);
        // One thread per fold network whatever the trainer's count, so a fold's result never depends on it.
        network.NumberOfThreads = 1;
        network.Set(loss(), CreateOptimizer(options, candidate));
        if (!L2Selection.TryFitRows(network, train, trainRows, options, Epochs(options, candidate, trainRows.Length), BatchSize(options, candidate, trainRows.Length)))
        {
            foreach (int row in testRows) rowLosses[row] = double.PositiveInfinity;
            return (0, double.PositiveInfinity);
        }
        var (testInputs, testTargets) = (inputs.SelectRows(testRows), targets.SelectRows(testRows));
        var result = network.Evaluate(testInputs, testTargets);
        var losses = PairedMargin.RowLosses(network, testInputs, testTargets);
        for (int i = 0; i < testRows.Length; i++) rowLosses[testRows[i]] = losses[i];
        return (Math.Round(result.Accuracy * testRows.Length), result.DataLoss * testRows.Length);
    }
}
