namespace NNTrainer.FSharp

open System

/// <summary>The figures of one training epoch.</summary>
type Epoch =
    {
        /// <summary>Epoch number, from 1.</summary>
        Number: int
        /// <summary>Mean data loss over the epoch's training steps (weights changing during the epoch, as the book reports it).</summary>
        DataLoss: float
        /// <summary>L1/L2 penalty of the weights at the end of the epoch.</summary>
        RegularizationLoss: float
        /// <summary>Training accuracy accumulated over the epoch's steps.</summary>
        Accuracy: float
        /// <summary>Data loss on the validation data at the end of the epoch, when there is validation data.</summary>
        ValidationLoss: float option
        /// <summary>Accuracy on the validation data, when there is validation data.</summary>
        ValidationAccuracy: float option
        /// <summary>The optimizer's learning rate at the end of the epoch, after decay.</summary>
        LearningRate: float32
        /// <summary>Wall time of the epoch's training steps (validation excluded).</summary>
        Elapsed: TimeSpan
    }

    /// <summary>Data loss plus regularisation loss.</summary>
    member epoch.Loss = epoch.DataLoss + epoch.RegularizationLoss

/// <summary>Why training ended.</summary>
type StopReason =
    /// <summary>All requested epochs ran.</summary>
    | Completed
    /// <summary>The monitored loss stopped improving for the patience's number of epochs.</summary>
    | EarlyStopped

/// <summary>What happened during one training run.</summary>
type History =
    {
        /// <summary>The completed epochs, in order.</summary>
        Epochs: Epoch list
        /// <summary>Why training ended.</summary>
        StopReason: StopReason
        /// <summary>The epoch whose monitored loss was lowest, if any epoch completed.</summary>
        BestEpoch: int option
        /// <summary>Whether the network holds the weights of <c>BestEpoch</c> rather than those of the last step.</summary>
        RestoredBestWeights: bool
        /// <summary>The training step that ran, one of <c>NNTrainer.Training.TrainingStepNames</c> (<c>"Reference"</c>, the book's, or a named optimisation of it).</summary>
        TrainingStep: string
    }

/// <summary>Functions reading <see cref="History"/> values.</summary>
[<RequireQualifiedAccess>]
module History =
    /// <summary>The last completed epoch, if any.</summary>
    /// <param name="history">The history.</param>
    let last (history: History) = List.tryLast history.Epochs

    /// <summary>Converts the engine's <c>EpochResult</c>.</summary>
    /// <param name="epoch">The engine's figures.</param>
    let ofEpochResult (epoch: NNTrainer.Training.EpochResult) =
        { Number = epoch.Epoch
          DataLoss = epoch.DataLoss
          RegularizationLoss = epoch.RegularizationLoss
          Accuracy = epoch.Accuracy
          ValidationLoss = Option.ofNullable epoch.ValidationLoss
          ValidationAccuracy = Option.ofNullable epoch.ValidationAccuracy
          LearningRate = epoch.LearningRate
          Elapsed = epoch.Elapsed }

    /// <summary>Converts the engine's <c>TrainingHistory</c> of a run that ended normally.</summary>
    /// <param name="history">The engine's history.</param>
    let ofTrainingHistory (history: NNTrainer.Training.TrainingHistory) =
        { Epochs = history.Epochs |> Seq.map ofEpochResult |> List.ofSeq
          StopReason =
            match history.StopReason with
            | NNTrainer.Training.StopReason.EarlyStopped -> EarlyStopped
            | NNTrainer.Training.StopReason.Completed -> Completed
            | other -> invalidOp $"A training run that returned normally cannot have ended as {other}."
          BestEpoch = if history.BestEpoch > 0 then Some history.BestEpoch else None
          RestoredBestWeights = history.RestoredBestWeights
          TrainingStep = history.TrainingStep }
