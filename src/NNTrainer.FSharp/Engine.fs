namespace NNTrainer.FSharp

open System

/// Translations between the F# descriptions and the engine's objects, internal to this assembly.
module internal Engine =
    let private initializer =
        function
        | Initializer.Auto -> NNTrainer.Initialization.WeightInitializer.Auto
        | Initializer.He -> NNTrainer.Initialization.WeightInitializer.He
        | Initializer.Glorot -> NNTrainer.Initialization.WeightInitializer.Glorot
        | Initializer.Book -> NNTrainer.Initialization.WeightInitializer.Book
        | Initializer.PyTorch -> NNTrainer.Initialization.WeightInitializer.PyTorch

    let private ofInitializer =
        function
        | NNTrainer.Initialization.WeightInitializer.He -> Initializer.He
        | NNTrainer.Initialization.WeightInitializer.Glorot -> Initializer.Glorot
        | NNTrainer.Initialization.WeightInitializer.Book -> Initializer.Book
        | NNTrainer.Initialization.WeightInitializer.PyTorch -> Initializer.PyTorch
        | _ -> Initializer.Auto

    /// The engine layer for a description, given the width of the step before it, and the width it produces.
    let layer (inputSize: int) (layer: Layer) : NNTrainer.Layers.Layer * int =
        match layer with
        | Dense neurons -> NNTrainer.Layers.DenseLayer(inputSize, neurons), neurons
        | DenseWith(neurons, o) ->
            NNTrainer.Layers.DenseLayer(inputSize, neurons, o.WeightL1, o.WeightL2, o.BiasL1, o.BiasL2, initializer o.Initializer), neurons
        | Dropout rate -> NNTrainer.Layers.DropoutLayer rate, inputSize
        | ReLU -> NNTrainer.Activations.ReLUActivation(), inputSize
        | LeakyReLU alpha -> NNTrainer.Activations.LeakyReLUActivation alpha, inputSize
        | Sigmoid -> NNTrainer.Activations.SigmoidActivation(), inputSize
        | Tanh -> NNTrainer.Activations.TanhActivation(), inputSize
        | Softmax -> NNTrainer.Activations.SoftmaxActivation(), inputSize
        | Linear -> NNTrainer.Activations.LinearActivation(), inputSize
        | Engine description -> description.Create inputSize, description.GetOutputSize inputSize

    let ofLayer (layer: NNTrainer.Layers.Layer) : Layer =
        match layer with
        | :? NNTrainer.Layers.DenseLayer as d ->
            let options =
                { WeightL1 = d.Weights.L1
                  WeightL2 = d.Weights.L2
                  BiasL1 = d.Biases.L1
                  BiasL2 = d.Biases.L2
                  Initializer = ofInitializer d.Initializer }
            if options = DenseOptions.defaults then Dense d.Neurons else DenseWith(d.Neurons, options)
        | :? NNTrainer.Layers.DropoutLayer as d -> Dropout d.Rate
        | :? NNTrainer.Activations.ReLUActivation -> ReLU
        | :? NNTrainer.Activations.LeakyReLUActivation as l -> LeakyReLU l.Alpha
        | :? NNTrainer.Activations.SigmoidActivation -> Sigmoid
        | :? NNTrainer.Activations.TanhActivation -> Tanh
        | :? NNTrainer.Activations.SoftmaxActivation -> Softmax
        | :? NNTrainer.Activations.LinearActivation -> Linear
        | other ->
            match other.Describe() with
            | null -> raise (NotSupportedException $"{other.GetType().FullName} has no F# description.")
            | description -> Engine description

    let loss (labelSmoothing: float32) (loss: Loss) =
        match loss with
        | CategoricalCrossEntropy -> NNTrainer.Losses.CategoricalCrossEntropyLoss(labelSmoothing) :> NNTrainer.Losses.Loss
        | BinaryCrossEntropy -> NNTrainer.Losses.BinaryCrossEntropyLoss(labelSmoothing)
        | other when labelSmoothing <> 0f ->
            invalidArg "LabelSmoothing" $"Label smoothing applies to the cross-entropy losses, not {other}; set it to 0."
        | MeanSquaredError -> NNTrainer.Losses.MeanSquaredErrorLoss()
        | MeanAbsoluteError -> NNTrainer.Losses.MeanAbsoluteErrorLoss()

    let labelSmoothing (loss: NNTrainer.Losses.Loss) =
        match loss with
        | :? NNTrainer.Losses.CategoricalCrossEntropyLoss as l -> l.LabelSmoothing
        | :? NNTrainer.Losses.BinaryCrossEntropyLoss as l -> l.LabelSmoothing
        | _ -> 0f

    let ofLoss (loss: NNTrainer.Losses.Loss) =
        match loss with
        | :? NNTrainer.Losses.CategoricalCrossEntropyLoss -> CategoricalCrossEntropy
        | :? NNTrainer.Losses.BinaryCrossEntropyLoss -> BinaryCrossEntropy
        | :? NNTrainer.Losses.MeanSquaredErrorLoss -> MeanSquaredError
        | :? NNTrainer.Losses.MeanAbsoluteErrorLoss -> MeanAbsoluteError
        | other -> raise (NotSupportedException $"{other.GetType().FullName} has no F# description.")

    let optimizer =
        function
        | Sgd o -> NNTrainer.Optimizers.SgdOptimizer(o.LearningRate, o.Decay, o.Momentum, o.Nesterov) :> NNTrainer.Optimizers.Optimizer
        | AdaGrad o -> NNTrainer.Optimizers.AdaGradOptimizer(o.LearningRate, o.Decay, o.Epsilon)
        | RmsProp o -> NNTrainer.Optimizers.RmsPropOptimizer(o.LearningRate, o.Decay, o.Epsilon, o.Rho)
        | Adam o -> NNTrainer.Optimizers.AdamOptimizer(o.LearningRate, o.Decay, o.Epsilon, o.Beta1, o.Beta2)
        | AdamW o -> NNTrainer.Optimizers.AdamWOptimizer(o.LearningRate, o.WeightDecay, o.Decay, o.Epsilon, o.Beta1, o.Beta2)

    let ofOptimizer (optimizer: NNTrainer.Optimizers.Optimizer) =
        match optimizer with
        | :? NNTrainer.Optimizers.SgdOptimizer as o -> Sgd (EngineOptimizer.sgd o)
        | :? NNTrainer.Optimizers.AdaGradOptimizer as o -> AdaGrad (EngineOptimizer.adaGrad o)
        | :? NNTrainer.Optimizers.RmsPropOptimizer as o -> RmsProp (EngineOptimizer.rmsProp o)
        | :? NNTrainer.Optimizers.AdamOptimizer as o -> Adam (EngineOptimizer.adam o)
        | :? NNTrainer.Optimizers.AdamWOptimizer as o -> AdamW (EngineOptimizer.adamW o)
        | other -> raise (NotSupportedException $"{other.GetType().FullName} has no F# description.")

    let fitOptions (options: TrainOptions) =
        let engine =
            NNTrainer.Training.FitOptions(
                Epochs = options.Epochs,
                BatchSize = Option.toNullable options.BatchSize,
                Shuffle = options.Shuffle,
                CancellationToken = options.CancellationToken,
                ValidateInputs = options.ValidateInputs,
                GradientClipNorm = defaultArg options.GradientClipNorm 0f,
                Execution = options.Execution
            )
        engine.LearningRateSchedule <- options.Schedule |> Option.map Schedule.toEngine |> Option.toObj
        match options.Validation with
        | NoValidation -> ()
        | Holdout fraction ->
            if not (fraction > 0.0 && fraction < 1.0) then
                invalidArg (nameof options.Validation) $"Holdout takes a fraction of the training samples in (0, 1); got {fraction}."
            engine.ValidationFraction <- fraction
        | ValidateOn data -> engine.ValidationData <- struct (data.Inputs, data.Targets)
        match options.EarlyStopping with
        | None -> ()
        | Some stopping ->
            if stopping.Patience < 1 then
                invalidArg (nameof options.EarlyStopping) $"Early stopping needs a patience of at least 1 epoch; got {stopping.Patience}. Use None to turn it off."
            engine.EarlyStoppingPatience <- stopping.Patience
            engine.EarlyStoppingMinDelta <- stopping.MinDelta
            engine.RestoreBestWeights <- stopping.RestoreBestWeights
        match options.OnEpochEnd with
        | None -> ()
        | Some callback -> engine.EpochEnded <- Action<_>(History.ofEpochResult >> callback)
        engine
