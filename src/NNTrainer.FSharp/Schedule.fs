namespace NNTrainer.FSharp

/// <summary>
/// How the learning rate changes during training (<c>TrainOptions.Schedule</c>); each case is the engine schedule of the
/// same name, whose documentation gives the formula. Epochs and steps count from 0 at the start of each training.
/// </summary>
type Schedule =
    /// <summary>Rosebrock's step decay, once per epoch: <c>α = α₀·factor^⌊(1 + epoch)/dropEvery⌋</c>.</summary>
    | StepDecay of factor: float32 * dropEvery: int
    /// <summary>Exponential decay, once per epoch: <c>α = α₀·gamma^epoch</c>.</summary>
    | ExponentialDecay of gamma: float32
    /// <summary>Linear warm-up over <c>warmupEpochs</c>, then half a cosine down to <c>minLearningRate</c>, every step.</summary>
    | Cosine of warmupEpochs: int * minLearningRate: float32
    /// <summary>PyTorch's one-cycle policy (cosine, two phases), every step; the optimizer's rate is the peak.</summary>
    | OneCycle of pctStart: float32 * divFactor: float32 * finalDivFactor: float32
    /// <summary>Multiply the rate by <c>factor</c> when the monitored loss has not improved for more than <c>patience</c> epochs (PyTorch's <c>ReduceLROnPlateau</c>).</summary>
    | ReduceOnPlateau of factor: float32 * patience: int * minLearningRate: float32 * cooldown: int

/// <summary>Schedules with the engine's defaults.</summary>
[<RequireQualifiedAccess>]
module Schedule =
    /// <summary>The book's step decay: factor 0.25 every 5 epochs.</summary>
    let stepDecay =
        let engine = NNTrainer.Optimizers.Schedules.StepDecaySchedule()
        StepDecay(engine.Factor, engine.DropEvery)

    /// <summary>Exponential decay by 0.95 per epoch.</summary>
    let exponentialDecay = ExponentialDecay(NNTrainer.Optimizers.Schedules.ExponentialDecaySchedule().Gamma)

    /// <summary>Cosine annealing to 0 without warm-up.</summary>
    let cosine =
        let engine = NNTrainer.Optimizers.Schedules.CosineSchedule()
        Cosine(engine.WarmupEpochs, engine.MinLearningRate)

    /// <summary>PyTorch's one-cycle defaults: pctStart 0.3, divFactor 25, finalDivFactor 10⁴.</summary>
    let oneCycle =
        let engine = NNTrainer.Optimizers.Schedules.OneCycleSchedule()
        OneCycle(engine.PctStart, engine.DivFactor, engine.FinalDivFactor)

    /// <summary>PyTorch's reduce-on-plateau defaults: factor 0.1, patience 10, no minimum, no cooldown.</summary>
    let reduceOnPlateau =
        let engine = NNTrainer.Optimizers.Schedules.ReduceOnPlateauSchedule()
        ReduceOnPlateau(engine.Factor, engine.Patience, engine.MinLearningRate, engine.Cooldown)

    /// <summary>The engine schedule for <paramref name="schedule"/>.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    let toEngine (schedule: Schedule) : NNTrainer.Optimizers.Schedules.LearningRateSchedule =
        match schedule with
        | StepDecay(factor, dropEvery) -> NNTrainer.Optimizers.Schedules.StepDecaySchedule(factor, dropEvery)
        | ExponentialDecay gamma -> NNTrainer.Optimizers.Schedules.ExponentialDecaySchedule(gamma)
        | Cosine(warmupEpochs, minLearningRate) -> NNTrainer.Optimizers.Schedules.CosineSchedule(warmupEpochs, minLearningRate)
        | OneCycle(pctStart, divFactor, finalDivFactor) -> NNTrainer.Optimizers.Schedules.OneCycleSchedule(pctStart, divFactor, finalDivFactor)
        | ReduceOnPlateau(factor, patience, minLearningRate, cooldown) ->
            NNTrainer.Optimizers.Schedules.ReduceOnPlateauSchedule(factor, patience, minLearningRate, cooldown)
