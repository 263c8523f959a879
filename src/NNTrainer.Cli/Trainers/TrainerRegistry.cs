namespace NNTrainer.Cli.Trainers;

/// <summary>
/// The trainers the tool knows, in table order: the neural network first, then ML.NET's stock trainers for the
/// same task (linear SDCA and L-BFGS models, then the LightGBM and FastTree tree ensembles), all with default options.
/// </summary>
internal static class TrainerRegistry
{
    private const string L = ColumnNames.Label;
    private const string F = ColumnNames.Features;

    public static IReadOnlyList<TrainerEntry> All { get; } =
    [
        new NeuralNetworkTrainer(),
        new StockTrainer("sdca", new Dictionary<TaskKind, (string, Func<MLContext, IEstimator<ITransformer>>)>
        {
            [TaskKind.Multiclass] = ("SdcaMaximumEntropy", ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(L, F)),
            [TaskKind.Binary] = ("SdcaLogisticRegression", ml => ml.BinaryClassification.Trainers.SdcaLogisticRegression(L, F)),
            [TaskKind.Regression] = ("Sdca", ml => ml.Regression.Trainers.Sdca(L, F)),
        }),
        new StockTrainer("lbfgs", new Dictionary<TaskKind, (string, Func<MLContext, IEstimator<ITransformer>>)>
        {
            [TaskKind.Multiclass] = ("LbfgsMaximumEntropy", ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(L, F)),
            [TaskKind.Binary] = ("LbfgsLogisticRegression", ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(L, F)),
        }),
        new StockTrainer("lightgbm", new Dictionary<TaskKind, (string, Func<MLContext, IEstimator<ITransformer>>)>
        {
            [TaskKind.Multiclass] = ("LightGbm", ml => ml.MulticlassClassification.Trainers.LightGbm(L, F)),
            [TaskKind.Binary] = ("LightGbm", ml => ml.BinaryClassification.Trainers.LightGbm(L, F)),
            [TaskKind.Regression] = ("LightGbm", ml => ml.Regression.Trainers.LightGbm(L, F)),
        }),
        new StockTrainer("fasttree", new Dictionary<TaskKind, (string, Func<MLContext, IEstimator<ITransformer>>)>
        {
            [TaskKind.Binary] = ("FastTree", ml => ml.BinaryClassification.Trainers.FastTree(L, F)),
            [TaskKind.Regression] = ("FastTree", ml => ml.Regression.Trainers.FastTree(L, F)),
        }),
    ];

    public static string Aliases => string.Join(", ", All.Select(t => t.Alias));

    /// <summary>The trainers named in a comma-separated list (all when empty) that support the task, in table order.</summary>
    public static IReadOnlyList<TrainerEntry> Select(IReadOnlyCollection<string> aliases, TaskKind task)
    {
        foreach (var alias in aliases)
        {
            if (!All.Any(t => t.Alias.Equals(alias, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CliException($"Unknown trainer '{alias}'; known trainers: {Aliases}.", ExitCodes.UsageError);
            }
        }
        var chosen = All.Where(t => aliases.Count == 0 || aliases.Contains(t.Alias, StringComparer.OrdinalIgnoreCase)).ToList();
        var unsupported = chosen.Where(t => !t.Supports(task)).ToList();
        if (aliases.Count > 0 && unsupported.Count > 0)
        {
            throw new CliException($"Trainer '{unsupported[0].Alias}' does not support {task.ToOptionValue()} tasks.", ExitCodes.UsageError);
        }
        return chosen.Where(t => t.Supports(task)).ToList();
    }

    public static TrainerEntry Find(string alias) =>
        All.FirstOrDefault(t => t.Alias.Equals(alias, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliException($"Unknown trainer '{alias}'; known trainers: {Aliases}.", ExitCodes.UsageError);
}
