namespace NNTrainer.Cli.Running;

/// <summary>
/// <c>train --cv K</c>'s report: the rows cut into K folds, each fold scored by a model trained (feature pipeline
/// included) on the other K − 1; the task's metrics as the mean and the sample standard deviation over the folds.
/// </summary>
internal sealed record CrossValidation(IReadOnlyList<TrainerOutcome> Folds, MetricSet Mean, MetricSet StandardDeviation, ResultTable Table)
{
    /// <summary>Trains and scores <paramref name="trainer"/> on every fold, in fold order.</summary>
    public static CrossValidation Run(Reporter reporter, MLContext ml, TabularProblem problem, TrainerEntry trainer, NetworkSettings settings,
        int folds, CancellationToken cancellationToken)
    {
        var table = problem.Table;
        if (table.RowCount < 2 * folds)
        {
            throw new CliException($"--cv {folds}: {table.Path} has {table.RowCount} labelled rows, too few for {folds} folds (at least {2 * folds} are needed: every fold needs rows to train on and rows to score).", ExitCodes.UsageError);
        }
        var assignment = Assign(FeatureDataView.Labels(table, problem.Schema, Enumerable.Range(0, table.RowCount).ToArray()),
            problem.Schema.Task != TaskKind.Regression, folds, settings.Seed);
        var outcomes = new List<TrainerOutcome>(folds);
        for (int fold = 0; fold < folds; fold++)
        {
            int[] test = Rows(assignment, f => f == fold), train = Rows(assignment, f => f != fold);
            reporter.Note($"Fold {fold + 1}/{folds}: training on {train.Length:N0} rows, scoring on {test.Length:N0}");
            var data = PreparedData.FromRows(ml, problem, train, test, $"fold {fold + 1}");
            outcomes.Add(ExperimentRunner.Run(reporter, ml, data, [trainer], settings, skipFailures: false, cancellationToken).Single());
        }
        var task = problem.Schema.Task;
        var names = MetricSet.NamesFor(task);
        var higher = outcomes[0].Row.Metrics.Values.Select(m => m.HigherIsBetter).ToArray();
        MetricSet Summary(Func<double[], double> statistic) => new(task,
            names.Select((name, i) => new Metric(name, statistic(outcomes.Select(o => o.Row.Metrics[name]).ToArray()), higher[i])).ToList());
        var mean = Summary(Average);
        var sd = Summary(SampleStandardDeviation);
        var seconds = outcomes.Select(o => o.Row.TrainSeconds).ToArray();
        var name = outcomes[0].Row.Trainer;
        var rows = outcomes.Select((o, i) => o.Row with { Trainer = $"{name}, fold {i + 1}" }).ToList();
        rows.Add(new ResultRow($"{name}, mean of {folds} folds", Average(seconds), mean));
        rows.Add(new ResultRow($"{name}, sd over {folds} folds", SampleStandardDeviation(seconds), sd));
        return new CrossValidation(outcomes, mean, sd, new ResultTable(task, rows));
    }

    /// <summary>
    /// The fold of every row: a seeded shuffle, then (for classification) the rows ordered by class keeping that
    /// shuffle, dealt out in turn, so every fold holds each class in about its share of the file, as scikit-learn's
    /// <c>StratifiedKFold(shuffle=True)</c> does; folds differ in size by at most one row.
    /// </summary>
    internal static int[] Assign(float[] labels, bool stratify, int folds, int seed)
    {
        var order = Enumerable.Range(0, labels.Length).ToArray();
        new SeededRandom(seed).Shuffle(order);
        if (stratify) order = [.. order.OrderBy(i => labels[i])];
        var fold = new int[labels.Length];
        for (int position = 0; position < order.Length; position++) fold[order[position]] = position % folds;
        return fold;
    }

    private static int[] Rows(int[] assignment, Func<int, bool> take) =>
        [.. Enumerable.Range(0, assignment.Length).Where(i => take(assignment[i]))];

    private static double Average(double[] values) => values.Average();

    /// <summary>The sample standard deviation (n − 1), NaN for metrics that are NaN on some fold (an AUC with one class).</summary>
    private static double SampleStandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
