namespace NNTrainer.FSharp

open System.Threading

/// <summary>What training is validated on after every epoch.</summary>
type Validation =
    /// <summary>No validation (the default).</summary>
    | NoValidation
    /// <summary>Hold out this fraction of the training samples, in (0, 1), chosen with the model's seed.</summary>
    | Holdout of fraction: float
    /// <summary>Validate on this data set.</summary>
    | ValidateOn of Data

/// <summary>When to stop training before the last epoch.</summary>
type EarlyStopping =
    {
        /// <summary>Stop after this many epochs without improvement of the monitored loss (validation loss when there is validation, training loss otherwise); at least 1.</summary>
        Patience: int
        /// <summary>Smallest decrease of the monitored loss that counts as an improvement.</summary>
        MinDelta: float
        /// <summary>On stopping, go back to the weights of the best epoch.</summary>
        RestoreBestWeights: bool
    }

/// <summary>How to train; start from <c>TrainOptions.defaults</c> and change what you need.</summary>
/// <example><code>{ TrainOptions.defaults with Epochs = 10_000; BatchSize = None }</code></example>
[<NoEquality; NoComparison>]
type TrainOptions =
    {
        /// <summary>Passes over the training data.</summary>
        Epochs: int
        /// <summary>Samples per training step; <c>None</c> trains on the whole set at once (full batch).</summary>
        BatchSize: int option
        /// <summary>Reshuffle the training samples before every epoch, with the network's random source.</summary>
        Shuffle: bool
        /// <summary>What to validate on after every epoch.</summary>
        Validation: Validation
        /// <summary>When to stop early; <c>None</c> runs every epoch.</summary>
        EarlyStopping: EarlyStopping option
        /// <summary>Called after every epoch on the training thread, e.g. to print progress.</summary>
        OnEpochEnd: (Epoch -> unit) option
        /// <summary>Stops training between two steps (with <c>OperationCanceledException</c>); the network keeps the weights of the last completed step.</summary>
        CancellationToken: CancellationToken
        /// <summary>Check that every input value is finite before training; turn off only for data already checked.</summary>
        ValidateInputs: bool
        /// <summary>How the learning rate changes during training; <c>None</c> keeps the optimizer's rate (and its decay).</summary>
        Schedule: Schedule option
        /// <summary>Clip the gradients to this global norm before every update (PyTorch's <c>clip_grad_norm_</c>); <c>None</c> does not clip.</summary>
        GradientClipNorm: float32 option
        /// <summary>
        /// How each step runs: <c>TrainingExecution.Auto</c> (the fastest step computing the same weights) or
        /// <c>TrainingExecution.Reference</c> (the book's layer-by-layer step); <c>History.TrainingStep</c> names the one that ran.
        /// </summary>
        Execution: NNTrainer.Training.TrainingExecution
    }

/// <summary>Values for <see cref="EarlyStopping"/>.</summary>
[<RequireQualifiedAccess>]
module EarlyStopping =
    /// <summary>Patience of 5 epochs, any decrease counts, best weights restored.</summary>
    let defaults =
        { Patience = 5
          MinDelta = 0.0
          RestoreBestWeights = true }

/// <summary>Values for <see cref="TrainOptions"/>.</summary>
[<RequireQualifiedAccess>]
module TrainOptions =
    /// <summary>
    /// The engine's defaults: 10 epochs, batches of 32, reshuffled every epoch, no validation, no early
    /// stopping, no callback, inputs checked, no schedule, no gradient clipping, automatic step.
    /// </summary>
    let defaults =
        let engine = NNTrainer.Training.FitOptions()
        { Epochs = engine.Epochs
          BatchSize = Option.ofNullable engine.BatchSize
          Shuffle = engine.Shuffle
          Validation = NoValidation
          EarlyStopping = None
          OnEpochEnd = None
          CancellationToken = CancellationToken.None
          ValidateInputs = engine.ValidateInputs
          Schedule = None
          GradientClipNorm = None
          Execution = engine.Execution }

    /// <summary>
    /// The default length of a convolutional network on <paramref name="images"/> training images, as the ML.NET trainer
    /// and <c>nntrainer train</c> apply it (<c>NNTrainer.Training.ConvolutionalDefaults</c>): about 2,000 weight updates in
    /// batches of 32, from 5 to 50 epochs (50 up to 1,280 images, 13 for 4,800, 5 from about 12,000). The rest is
    /// <see cref="defaults"/>; for early stopping instead, set <c>Epochs = 50</c>, <c>Validation = Holdout 0.1</c> and
    /// <c>EarlyStopping = Some EarlyStopping.defaults</c>.
    /// </summary>
    /// <param name="images">Training images, at least 1.</param>
    /// <example><code>network |> Network.train (TrainOptions.convolutional (Data.count train)) train</code></example>
    let convolutional (images: int) =
        { defaults with Epochs = NNTrainer.Training.ConvolutionalDefaults.For(int64 images, defaults.BatchSize |> Option.defaultValue 32).Epochs }
