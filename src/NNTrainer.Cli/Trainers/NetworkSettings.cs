using NNTrainer.ML;

namespace NNTrainer.Cli.Trainers;

/// <summary>
/// The neural network's hyper-parameters, as given on the command line; the defaults are the ML.NET trainers'
/// (<see cref="NeuralNetworkDefaults"/>), so <c>nntrainer train</c> and <c>mlContext.*.Trainers.NeuralNetwork()</c>
/// train the same network.
/// </summary>
internal sealed record NetworkSettings
{
    public int[] HiddenLayers { get; init; } = NeuralNetworkDefaults.HiddenLayers;

    public string Activation { get; init; } = "relu";

    /// <summary>Passes over the training rows; null: <see cref="NeuralNetworkDefaults.Epochs(long, int)"/> for the rows trained on.</summary>
    public int? Epochs { get; init; }

    public int BatchSize { get; init; } = NeuralNetworkDefaults.BatchSize;

    public float LearningRate { get; init; } = NeuralNetworkDefaults.AdamLearningRate;

    public string Optimizer { get; init; } = "adam";

    public float Dropout { get; init; }

    public float L2 { get; init; } = NeuralNetworkDefaults.L2Regularization;

    /// <summary><c>--scale-l2-small-data</c>: the ML.NET option <c>ScaleL2ForSmallData</c>.</summary>
    public bool ScaleL2ForSmallData { get; init; } = true;

    /// <summary><c>--scale-l2-large-data</c>: the ML.NET option <c>ScaleL2ForLargeData</c>.</summary>
    public bool ScaleL2ForLargeData { get; init; } = true;

    /// <summary><c>--cross-validate-l2</c>: the ML.NET option <c>CrossValidateL2OnSmallData</c>.</summary>
    public bool CrossValidateL2OnSmallData { get; init; } = true;

    /// <summary><c>--select-model</c>: the ML.NET option <c>SelectModelOnSmallData</c>.</summary>
    public bool SelectModelOnSmallData { get; init; } = true;

    /// <summary><c>--hold-out-epochs</c>: the ML.NET option <c>ChooseEpochsOnHoldOut</c>.</summary>
    public bool ChooseEpochsOnHoldOut { get; init; }

    public int Seed { get; init; }

    public int Threads { get; init; } = 1;

    public double ValidationFraction { get; init; }

    public int Patience { get; init; }

    /// <summary>AdamW's decoupled weight decay (ignored by the other optimizers).</summary>
    public float WeightDecay { get; init; } = 0.01f;

    /// <summary>Nesterov momentum for SGD.</summary>
    public bool Nesterov { get; init; }

    /// <summary>The <c>--schedule</c> text (<see cref="Commands.ScheduleSpec"/>, or <c>auto</c>: the trainers' default), already checked.</summary>
    public string Schedule { get; init; } = "auto";

    /// <summary>The global gradient norm to clip to; 0 is off.</summary>
    public float ClipNorm { get; init; }

    /// <summary>The training rows carry example weights in <see cref="Data.WeightedDataView.ColumnName"/> (<c>train --weight</c>).</summary>
    public bool Weighted { get; init; }

    /// <summary>Label smoothing for classification; 0 is off.</summary>
    public float LabelSmoothing { get; init; }

    /// <summary>The <c>--execution</c> text: auto or reference (<see cref="TrainingExecution"/>), already checked.</summary>
    public string Execution { get; init; } = "auto";

    /// <summary><c>train --checkpoint</c>: the engine network of the best epoch so far is written there (null: none).</summary>
    public string? Checkpoint { get; init; }

    /// <summary><c>train --monitor</c>: folder of the per-epoch JSON log and learning-curve PNG (null: none).</summary>
    public string? Monitor { get; init; }

    /// <summary>
    /// A measuring fit of <c>train</c> (hold-out or <c>--cv</c>): when the long-training choice is made, its network is the
    /// chosen candidate as it trained on nine tenths of the rows (ML.NET's internal <c>KeepChoiceCandidate</c>), not the
    /// chosen regime trained again; the refit that is saved never sets it.
    /// </summary>
    public bool KeepChoiceCandidate { get; init; }

    /// <summary>
    /// The refit's model choice, taken from the measuring fit (ML.NET's internal <c>InheritedModelSelection</c>):
    /// the refit trains that candidate without running the folds again; null: the refit chooses itself.
    /// </summary>
    public NeuralNetworkModelSelection? InheritedModelSelection { get; init; }

    /// <summary><c>train --streaming</c>: the trainer reads its rows pass after pass instead of copying them (ML.NET's <c>Streaming</c> option).</summary>
    public bool Streaming { get; init; }

    /// <summary>The epochs a training on <paramref name="rows"/> rows runs: the ones given, or the automatic number.</summary>
    public int EpochsFor(long rows) => Epochs ?? NeuralNetworkDefaults.Epochs(rows, BatchSize);

    /// <summary>
    /// The epochs known before a training on <paramref name="rows"/> rows of a network of <paramref name="parameters"/>
    /// trainable values starts, for its progress lines: null when the trainer chooses them on a hold-out
    /// (<c>--hold-out-epochs</c> as its <c>EpochSelection.Applies</c> decides, or from 1,000 rows on the long training,
    /// <c>LongTraining</c>, when its epochs or its penalty differ from the usual ones), else <see cref="EpochsFor"/>.
    /// </summary>
    public int? KnownEpochsFor(long rows, long parameters) =>
        LongTraining == true && Epochs is null ? NeuralNetworkDefaults.Epochs(rows, BatchSize, parameters)
        : Epochs is null && ValidationFraction == 0 && Patience == 0 && Checkpoint is null
        && ((ChooseEpochsOnHoldOut && rows >= NeuralNetworkDefaults.HoldOutEpochsRowsFrom) || (LongTraining is null && MayTrainLong(rows, parameters)))
            ? null : EpochsFor(rows);

    /// <summary>
    /// <c>--long-training</c>: the long training of a table of 1,000 rows or more taken (true) or not (false) without a
    /// choice, as asked or as the measuring fit chose; null (auto): the trainer chooses on a held-out tenth (the ML.NET
    /// option <c>LongTrainingOnLargeData</c>).
    /// </summary>
    public bool? LongTraining { get; init; }

    /// <summary>
    /// <c>--stronger-penalty</c>: on 1,000–4,999 training rows the long-training choice also weighs the usual training with
    /// ten times its L2 penalty (the ML.NET option <c>StrongerPenaltyInBand</c>).
    /// </summary>
    public bool StrongerPenaltyInBand { get; init; } = true;

    /// <summary>
    /// The usual training with ten times its L2 penalty taken without a choice, as the measuring fit chose it (only the
    /// refit on every row sets it, with <see cref="LongTraining"/> false; ML.NET's internal <c>TakeStrongerPenalty</c>).
    /// </summary>
    public bool StrongerPenalty { get; init; }

    /// <summary>These settings with <paramref name="regime"/> taken without a choice (<see cref="LongTraining"/>, <see cref="StrongerPenalty"/>).</summary>
    public NetworkSettings Taking(TrainingRegime regime) =>
        this with { LongTraining = regime == TrainingRegime.Long, StrongerPenalty = regime == TrainingRegime.StrongerPenalty };

    private bool MayTrainLong(long rows, long parameters) =>
        Commands.NetworkOptions.IsAutoSchedule(Schedule) && rows >= NeuralNetworkDefaults.LongTrainingRowsFrom
        && (NeuralNetworkDefaults.Epochs(rows, BatchSize, parameters) != NeuralNetworkDefaults.Epochs(rows, BatchSize)
            || (ScaleL2ForLargeData && NeuralNetworkDefaults.LargeDataL2For(L2, rows, parameters) != NeuralNetworkDefaults.LargeDataL2For(L2, rows)));

    /// <summary>
    /// The trainable values of the dense network these settings build on <paramref name="featurized"/>'s feature vector for
    /// <paramref name="task"/> (one output, or one per class of a multiclass label); 0 when the vector's size is not known.
    /// </summary>
    public long ParametersFor(IDataView featurized, TaskKind task, int classes) =>
        featurized.Schema.GetColumnOrNull(ColumnNames.Features)?.Type is VectorDataViewType { Size: > 0 } vector
            ? NeuralNetworkDefaults.DenseParameters(vector.Size, HiddenLayers, task == TaskKind.Multiclass ? classes : 1)
            : 0;
}
