using System.CommandLine.Parsing;

namespace NNTrainer.Cli.Commands;

/// <summary>The neural network's options, shared by <c>compare</c> and <c>train</c>.</summary>
internal sealed class NetworkOptions : IOptionGroup
{
    private static readonly NetworkSettings Defaults = new();

    public Option<int[]> Hidden { get; } = new("--hidden")
    {
        Description = "Hidden layer sizes, comma-separated",
        HelpName = "SIZES",
        DefaultValueFactory = _ => Defaults.HiddenLayers,
        CustomParser = ParseHidden,
    };

    public Option<string> Activation { get; } = new("--activation")
    {
        Description = "Hidden activation: relu, leakyrelu, tanh or sigmoid",
        DefaultValueFactory = _ => Defaults.Activation,
    };

    public Option<int?> Epochs { get; } = new("--epochs")
    {
        Description = $"Passes over the training rows [default: about {NNTrainer.ML.NeuralNetworkDefaults.TargetSteps:N0} weight updates, {NNTrainer.ML.NeuralNetworkDefaults.MinimumEpochs}–{NNTrainer.ML.NeuralNetworkDefaults.MaximumEpochs} epochs; from {NNTrainer.ML.NeuralNetworkDefaults.LongTrainingRowsFrom:N0} rows on, a longer training with a lighter L2 when a held-out tenth of the rows scores it better (--long-training)]",
    };

    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Rows per training step", DefaultValueFactory = _ => Defaults.BatchSize };

    public Option<float> LearningRate { get; } = new("--learning-rate") { Description = "Optimizer step size", DefaultValueFactory = _ => Defaults.LearningRate };

    public Option<string> Optimizer { get; } = new("--optimizer")
    {
        Description = "adam, adamw (decoupled weight decay), sgd (momentum 0.9), rmsprop or adagrad",
        DefaultValueFactory = _ => Defaults.Optimizer,
    };

    public Option<float> Dropout { get; } = new("--dropout") { Description = "Dropout rate after each hidden layer, in [0, 1)", DefaultValueFactory = _ => Defaults.Dropout };

    public Option<float> L2 { get; } = new("--l2") { Description = "L2 penalty on the weights (scaled with the training rows unless the switches below are false, see docs/defaults.md)", DefaultValueFactory = _ => Defaults.L2 };

    public Option<bool> ScaleL2SmallData { get; } = new("--scale-l2-small-data")
    {
        Description = $"Multiply --l2 by up to {NNTrainer.ML.NeuralNetworkDefaults.SmallDataL2Factor:0} (regression: {NNTrainer.ML.NeuralNetworkDefaults.SmallDataRegressionL2Factor:0}) on fewer than {NNTrainer.ML.NeuralNetworkDefaults.SmallDataRowsUpTo:N0} training rows (on by default; false: train with --l2 as given)",
        HelpName = "true|false",
        DefaultValueFactory = _ => Defaults.ScaleL2ForSmallData,
    };

    public Option<bool> ScaleL2LargeData { get; } = new("--scale-l2-large-data")
    {
        Description = $"Divide --l2 by up to 10 on more than {NNTrainer.ML.NeuralNetworkDefaults.LargeDataRowsFrom:N0} training rows (a tenth from {NNTrainer.ML.NeuralNetworkDefaults.LargeDataRowsUpTo:N0}; on by default; false: train with --l2 as given)",
        HelpName = "true|false",
        DefaultValueFactory = _ => Defaults.ScaleL2ForLargeData,
    };

    public Option<bool> CrossValidateL2 { get; } = new("--cross-validate-l2")
    {
        Description = $"Regression on at most {NNTrainer.ML.NeuralNetworkDefaults.CrossValidatedL2RowsUpTo} training rows: choose the L2 penalty among multiples of --l2 by " +
            $"{NNTrainer.ML.NeuralNetworkDefaults.L2CrossValidationFolds}-fold cross-validation (needs --scale-l2-small-data, no --validation-fraction or --patience; on by default; false: the small-data rule)",
        HelpName = "true|false",
        DefaultValueFactory = _ => Defaults.CrossValidateL2OnSmallData,
    };

    public Option<bool> SelectModel { get; } = new("--select-model")
    {
        Description = $"Classification on at most {NNTrainer.ML.NeuralNetworkDefaults.ModelSelectionRowsUpTo} training rows: choose between the network and a linear model by " +
            $"{NNTrainer.ML.NeuralNetworkDefaults.ModelSelectionFolds}-fold cross-validation, the linear model only when its held-out losses are clearly lower (needs hidden layers, no --validation-fraction or --patience; on by default)",
        HelpName = "true|false",
        DefaultValueFactory = _ => Defaults.SelectModelOnSmallData,
    };

    public Option<bool> HoldOutEpochs { get; } = new("--hold-out-epochs")
    {
        Description = $"From {NNTrainer.ML.NeuralNetworkDefaults.HoldOutEpochsRowsFrom:N0} training rows on, with automatic --epochs: choose the L2 penalty (--l2's rule or 10 times it) " +
            "and the epochs by early stopping on a stratified tenth of the rows, then train on every row that long, or for the automatic epochs if more (no --validation-fraction or --patience; off by default)",
        HelpName = "true|false",
        DefaultValueFactory = _ => Defaults.ChooseEpochsOnHoldOut,
    };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the split, the initial weights and the shuffling", DefaultValueFactory = _ => Defaults.Seed };

    public Option<int> Threads { get; } = new("--threads") { Description = "Threads the network's kernels use (results do not depend on it)", DefaultValueFactory = _ => Defaults.Threads };

    public Option<double> ValidationFraction { get; } = new("--validation-fraction")
    {
        Description = "Part of the training rows the network holds out to draw validation curves and to stop early on, in [0, 1)",
        DefaultValueFactory = _ => Defaults.ValidationFraction,
    };

    public Option<int> Patience { get; } = new("--patience")
    {
        Description = "Stop after this many epochs without a better validation loss and keep the best epoch's weights (0: never)",
        DefaultValueFactory = _ => Defaults.Patience,
    };

    public Option<float> WeightDecay { get; } = new("--weight-decay")
    {
        Description = "AdamW's decoupled weight decay: each step multiplies every weight by 1 − learning-rate·decay",
        DefaultValueFactory = _ => Defaults.WeightDecay,
    };

    public Option<bool> Nesterov { get; } = new("--nesterov") { Description = "Nesterov momentum (with --optimizer sgd)" };

    public Option<string> Schedule { get; } = new("--schedule")
    {
        Description = $"Learning-rate schedule: auto (when --epochs is not given, a cosine decay to 0 over the training on {NNTrainer.ML.NeuralNetworkDefaults.AnnealedRowsFrom:N0} training rows and more, over its last tenth below; else none), none, step[:factor=0.25,every=5], exponential[:gamma=0.95], cosine[:warmup=0,min=0,last=1] " +
            "(warm-up in epochs), onecycle[:pct=0.3,div=25,final-div=10000] or plateau[:factor=0.1,patience=10,min=0,cooldown=0]",
        HelpName = "NAME[:KEY=VALUE,...]",
        DefaultValueFactory = _ => Defaults.Schedule,
    };

    public Option<float> ClipNorm { get; } = new("--clip-norm")
    {
        Description = "Clip the gradients to this global norm before every update (0: off)",
        DefaultValueFactory = _ => Defaults.ClipNorm,
    };

    public Option<float> LabelSmoothing { get; } = new("--label-smoothing")
    {
        Description = "Label smoothing for classifiers, in [0, 1): targets (1 − ε)·onehot + ε/classes (0: off)",
        DefaultValueFactory = _ => Defaults.LabelSmoothing,
    };

    public Option<string> LongTraining { get; } = new("--long-training")
    {
        Description = $"From {NNTrainer.ML.NeuralNetworkDefaults.LongTrainingRowsFrom:N0} training rows on, with automatic --epochs: auto (train the usual way and a long way, " +
            "the passes of 1e10 rows × parameters with a lighter L2, on nine tenths of the rows and keep the one the last tenth scores better), true (always long) or false (never)",
        HelpName = "auto|true|false",
        DefaultValueFactory = _ => "auto",
    };

    public Option<bool> StrongerPenalty { get; } = new("--stronger-penalty")
    {
        Description = $"On {NNTrainer.ML.NeuralNetworkDefaults.LongTrainingRowsFrom:N0} to {NNTrainer.ML.NeuralNetworkDefaults.AnnealedRowsFrom - 1:N0} training rows, with --long-training auto: " +
            $"also train the usual way with {NNTrainer.ML.NeuralNetworkDefaults.StrongerPenaltyFactor:0} times its L2 penalty on the nine tenths, and keep it when its per-row losses on the last tenth " +
            $"are lower by more than {NNTrainer.ML.NeuralNetworkDefaults.StrongerPenaltyMargin:0} standard errors (on by default; false: choose between the usual and the long training only)",
        HelpName = "true|false",
        DefaultValueFactory = _ => Defaults.StrongerPenaltyInBand,
    };

    public Option<string> Execution { get; } = new("--execution")
    {
        Description = "How each training step runs: auto (the fastest step that computes the same weights) or reference (the book's layer-by-layer step)",
        DefaultValueFactory = _ => "auto",
    };

    public IEnumerable<Option> All => [Hidden, Activation, Epochs, BatchSize, LearningRate, Optimizer, Dropout, L2, ScaleL2SmallData, ScaleL2LargeData, CrossValidateL2, SelectModel, HoldOutEpochs, LongTraining, StrongerPenalty, Seed, Threads, ValidationFraction, Patience,
        WeightDecay, Nesterov, Schedule, ClipNorm, LabelSmoothing, Execution];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Add(option);
        Check(Epochs, v => v is null or >= 1, "at least 1");
        Positive(BatchSize, "at least 1");
        Positive(Threads, "at least 1");
        Check(LearningRate, v => v > 0 && float.IsFinite(v), "a positive number");
        Check(Dropout, v => v is >= 0 and < 1, "in [0, 1)");
        Check(L2, v => v >= 0 && float.IsFinite(v), "a number ≥ 0");
        Check(ValidationFraction, v => v is >= 0 and < 1, "in [0, 1)");
        Check(Patience, v => v >= 0, "0 or more");
        Check(Activation, v => v.ToLowerInvariant() is "relu" or "leakyrelu" or "tanh" or "sigmoid", "relu, leakyrelu, tanh or sigmoid");
        Check(Optimizer, v => v.ToLowerInvariant() is "adam" or "adamw" or "sgd" or "rmsprop" or "adagrad", "adam, adamw, sgd, rmsprop or adagrad");
        Check(WeightDecay, v => v >= 0 && float.IsFinite(v), "a number ≥ 0");
        Check(ClipNorm, v => v >= 0 && float.IsFinite(v), "a number ≥ 0 (0 turns clipping off)");
        Check(LabelSmoothing, v => v is >= 0 and < 1, "in [0, 1)");
        Check(Execution, v => v.ToLowerInvariant() is "auto" or "reference", "auto or reference");
        Check(LongTraining, v => v.ToLowerInvariant() is "auto" or "true" or "false", "auto, true or false");
        Schedule.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0 || IsAutoSchedule(result.Tokens[0].Value)) return;
            try
            {
                ScheduleSpec.Parse(result.Tokens[0].Value);
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        });
    }

    public NetworkSettings Read(ParseResult result) => new()
    {
        HiddenLayers = result.GetValue(Hidden)!,
        Activation = result.GetValue(Activation)!,
        Epochs = result.GetValue(Epochs),
        BatchSize = result.GetValue(BatchSize),
        LearningRate = result.GetValue(LearningRate),
        Optimizer = result.GetValue(Optimizer)!,
        Dropout = result.GetValue(Dropout),
        L2 = result.GetValue(L2),
        ScaleL2ForSmallData = result.GetValue(ScaleL2SmallData),
        ScaleL2ForLargeData = result.GetValue(ScaleL2LargeData),
        CrossValidateL2OnSmallData = result.GetValue(CrossValidateL2),
        SelectModelOnSmallData = result.GetValue(SelectModel),
        ChooseEpochsOnHoldOut = result.GetValue(HoldOutEpochs),
        LongTraining = result.GetValue(LongTraining)!.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null },
        StrongerPenaltyInBand = result.GetValue(StrongerPenalty),
        Seed = result.GetValue(Seed),
        Threads = result.GetValue(Threads),
        ValidationFraction = result.GetValue(ValidationFraction),
        Patience = result.GetValue(Patience),
        WeightDecay = result.GetValue(WeightDecay),
        Nesterov = result.GetValue(Nesterov),
        Schedule = result.GetValue(Schedule)!,
        ClipNorm = result.GetValue(ClipNorm),
        LabelSmoothing = result.GetValue(LabelSmoothing),
        Execution = result.GetValue(Execution)!,
    };

    /// <summary>Whether <paramref name="schedule"/> is <c>auto</c>: the ML.NET trainers' own choice (<c>AnnealLearningRateOnLargeData</c>).</summary>
    internal static bool IsAutoSchedule(string schedule) => schedule.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

    private static void Positive(Option<int> option, string what) => Check(option, v => v >= 1, what);

    internal static void Check<T>(Option<T> option, Func<T, bool> valid, string what) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // Not a T at all: the parser reports that itself.
            }
            if (value is not null && !valid(value))
            {
                result.AddError($"{option.Name} must be {what}, not {string.Join(' ', result.Tokens.Select(t => t.Value))}.");
            }
        });

    private static int[] ParseHidden(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (text.Trim() is "" or "0" or "none") return [];
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1)
            {
                result.AddError($"--hidden must be comma-separated positive sizes such as 128,64, not '{text}'.");
                return [];
            }
            sizes.Add(size);
        }
        return sizes.ToArray();
    }
}
