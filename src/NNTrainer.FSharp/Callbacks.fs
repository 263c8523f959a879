namespace NNTrainer.FSharp

/// <summary>
/// The book's training callbacks for <c>TrainOptions.OnEpochEnd</c>: "save the best model so far"
/// (<see cref="Callbacks.checkpoint"/>) and the training monitor's JSON log (<see cref="Callbacks.monitor"/>).
/// </summary>
/// <example>
/// <code>
/// let network = Architectures.leNet Architectures.fashionMnist 10 0
/// let options =
///     { TrainOptions.defaults with Epochs = 20; Validation = Holdout 0.1 }
///     |> Callbacks.add (Callbacks.checkpoint "weights-{epoch:000}-{loss:0.0000}.nnt" network)
///     |> Callbacks.add (Callbacks.monitor "monitor")
/// let history = network |> Network.train options train
/// </code>
/// </example>
[<RequireQualifiedAccess>]
module Callbacks =
    let private toEngine (epoch: Epoch) =
        NNTrainer.Training.EpochResult(
            epoch.Number, epoch.DataLoss, epoch.RegularizationLoss, epoch.Accuracy,
            Option.toNullable epoch.ValidationLoss, Option.toNullable epoch.ValidationAccuracy, epoch.LearningRate, epoch.Elapsed)

    /// <summary>
    /// After every epoch whose monitored loss (validation loss when there is validation, training loss otherwise)
    /// improves, writes <paramref name="network"/> to <paramref name="path"/> atomically (the engine's <c>ModelCheckpoint</c>).
    /// </summary>
    /// <param name="path">The model file; <c>{epoch}</c> and <c>{loss}</c>, optionally formatted (<c>{epoch:000}</c>), give every improvement its own file.</param>
    /// <param name="network">The network being trained.</param>
    /// <exception cref="System.ArgumentException">The path holds a placeholder other than <c>{epoch}</c> and <c>{loss}</c>.</exception>
    let checkpoint (path: string) (network: NNTrainer.Training.Network) : Epoch -> unit =
        let engine = NNTrainer.Training.ModelCheckpoint(network, path)
        fun epoch -> engine.OnEpochEnded(toEngine epoch)

    /// <summary>
    /// Rewrites <c>training.json</c> in <paramref name="directory"/> after every epoch with every epoch's figures so far
    /// (the engine's <c>TrainingMonitor</c>; the command line's <c>--monitor</c> also draws the learning curves).
    /// </summary>
    /// <param name="directory">The folder, created if missing.</param>
    /// <exception cref="System.ArgumentException">The folder names a file.</exception>
    let monitor (directory: string) : Epoch -> unit =
        let engine = NNTrainer.Training.TrainingMonitor(directory)
        fun epoch -> engine.OnEpochEnded(toEngine epoch)

    /// <summary>Adds a callback to the options' <c>OnEpochEnd</c>, after the one already there, if any.</summary>
    /// <param name="callback">Called after every epoch.</param>
    /// <param name="options">The training options.</param>
    let add (callback: Epoch -> unit) (options: TrainOptions) : TrainOptions =
        match options.OnEpochEnd with
        | None -> { options with OnEpochEnd = Some callback }
        | Some existing -> { options with OnEpochEnd = Some(fun epoch -> existing epoch; callback epoch) }
