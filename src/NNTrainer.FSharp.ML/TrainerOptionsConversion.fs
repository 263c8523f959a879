namespace NNTrainer.FSharp.MLNet

open System
open System.Threading
open NNTrainer.FSharp
open NNTrainer.ML

/// <summary>Values and conversions for <see cref="T:NNTrainer.FSharp.MLNet.TrainerOptions"/> (<c>ML.Options</c>).</summary>
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module TrainerOptions =
    let private leakyReLUAlpha = NNTrainer.Activations.LeakyReLUActivation().Alpha

    let private activationLayer =
        function
        | NeuralNetworkActivation.LeakyReLU -> LeakyReLU leakyReLUAlpha
        | NeuralNetworkActivation.Tanh -> Tanh
        | NeuralNetworkActivation.Sigmoid -> Sigmoid
        | _ -> ReLU

    /// <summary>
    /// The trainers' defaults, read from the C# options (<c>NeuralNetworkDefaults</c>) so the two cannot drift apart:
    /// one hidden layer of 100 ReLU neurons, epochs from the data's size, batches of 32, Adam at 0.001, L2 0.001, seed from the
    /// <c>MLContext</c>, every core, no validation or early stopping, label standardised for regression.
    /// </summary>
    let defaults: TrainerOptions =
        let csharp = NeuralNetworkRegressionTrainer.Options()
        { LabelColumnName = csharp.LabelColumnName
          FeatureColumnName = csharp.FeatureColumnName
          ExampleWeightColumnName = Option.ofObj csharp.ExampleWeightColumnName
          KeepOptimizerState = csharp.KeepOptimizerState
          HiddenLayers = [ for neurons in csharp.HiddenLayers do yield! [ Dense neurons; activationLayer csharp.Activation ] ]
          Epochs = Option.ofNullable csharp.NumberOfEpochs
          BatchSize = csharp.BatchSize
          Optimizer = Optimizer.adam
          L1Regularization = csharp.L1Regularization
          L2Regularization = csharp.L2Regularization
          ScaleL2ForSmallData = csharp.ScaleL2ForSmallData
          ScaleL2ForLargeData = csharp.ScaleL2ForLargeData
          CrossValidateL2OnSmallData = csharp.CrossValidateL2OnSmallData
          SelectModelOnSmallData = csharp.SelectModelOnSmallData
          ChooseEpochsOnHoldOut = csharp.ChooseEpochsOnHoldOut
          LongTrainingOnLargeData = Option.ofNullable csharp.LongTrainingOnLargeData
          StrongerPenaltyInBand = csharp.StrongerPenaltyInBand
          StandardizeFeatures = csharp.StandardizeFeatures
          IndicatorFeaturesToUnitRange = csharp.IndicatorFeaturesToUnitRange
          Seed = Option.ofNullable csharp.Seed
          NumberOfThreads = Option.ofNullable csharp.NumberOfThreads
          ValidationSetFraction = None
          EarlyStoppingPatience = None
          StandardizeLabel = csharp.StandardizeLabel
          SkipNonFiniteRows = csharp.SkipNonFiniteRows
          OnEpochEnd = None
          CancellationToken = CancellationToken.None
          Schedule = None
          AnnealLearningRateOnLargeData = csharp.AnnealLearningRateOnLargeData
          GradientClipNorm = csharp.GradientClipNorm
          LabelSmoothing = 0f }

    let private invalid (message: string) = invalidArg "options" message

    let private outOfRange (field: string) (problem: string) =
        raise (ArgumentOutOfRangeException($"options.{field}", $"Invalid neural-network option {field}: it {problem}."))

    let private activation (index: int) (layer: Layer) =
        match layer with
        | ReLU -> NeuralNetworkActivation.ReLU
        | LeakyReLU alpha when alpha = leakyReLUAlpha -> NeuralNetworkActivation.LeakyReLU
        | Tanh -> NeuralNetworkActivation.Tanh
        | Sigmoid -> NeuralNetworkActivation.Sigmoid
        | LeakyReLU alpha ->
            invalid $"HiddenLayers[{index}] is LeakyReLU {alpha}: the ML.NET trainers use a slope of {leakyReLUAlpha} (LeakyReLU {leakyReLUAlpha}f)."
        | Softmax
        | Linear ->
            invalid $"HiddenLayers[{index}] is {layer}: list the hidden layers only; the trainer adds the output layer and its activation for the task."
        | other ->
            invalid $"HiddenLayers[{index}] is {other}, but a hidden Dense layer must be followed by its activation (ReLU, LeakyReLU {leakyReLUAlpha}f, Tanh or Sigmoid)."

    // The trainers build Dense–activation(–Dropout) groups with one activation and one dropout rate throughout.
    let private hiddenLayers (layers: Layer list) =
        let rec groups index acc layers =
            match layers with
            | [] -> List.rev acc
            | Dense neurons :: act :: Dropout rate :: rest ->
                groups (index + 3) ((index, neurons, activation (index + 1) act, Some rate) :: acc) rest
            | Dense neurons :: act :: rest -> groups (index + 2) ((index, neurons, activation (index + 1) act, None) :: acc) rest
            | [ Dense neurons ] ->
                invalid $"HiddenLayers[{index}] is Dense {neurons} with no activation after it; add one (ReLU, LeakyReLU {leakyReLUAlpha}f, Tanh or Sigmoid)."
            | DenseWith(neurons, _) :: _ ->
                invalid $"HiddenLayers[{index}] is DenseWith {neurons}: the ML.NET trainers regularise every layer alike; use Dense {neurons} with L1Regularization/L2Regularization."
            | other :: _ -> invalid $"HiddenLayers[{index}] is {other} where a Dense layer should start the next group (Dense n; activation; optional Dropout)."
        let parsed = groups 0 [] layers
        match parsed with
        | [] -> [||], NeuralNetworkActivation.ReLU, 0f
        | (_, _, firstActivation, firstDropout) :: _ ->
            for index, _, act, dropout in parsed do
                if act <> firstActivation then
                    invalid $"HiddenLayers[{index + 1}] is {layers[index + 1]}, but the first group uses {layers[1]}: the ML.NET trainers use one activation for every hidden layer."
                if dropout <> firstDropout then
                    let describe = Option.map (sprintf "Dropout %gf") >> Option.defaultValue "no dropout"
                    invalid $"The hidden group at HiddenLayers[{index}] has {describe dropout}, but the first has {describe firstDropout}: the ML.NET trainers use one dropout rate for every hidden layer."
            [| for _, neurons, _, _ in parsed -> neurons |], firstActivation, defaultArg firstDropout 0f

    let private requireDefault (name: string) (value: float32) (expected: float32) (optimizer: string) =
        if value <> expected then
            invalid $"Optimizer: the ML.NET trainers use {optimizer} with {name} = {expected}, not {value}; train with Network.fit to set it."

    let private apply (options: TrainerOptions) (target: #NeuralNetworkOptionsBase) =
        let sizes, act, dropout = hiddenLayers options.HiddenLayers
        target.LabelColumnName <- options.LabelColumnName
        target.FeatureColumnName <- options.FeatureColumnName
        target.ExampleWeightColumnName <- Option.toObj options.ExampleWeightColumnName
        target.KeepOptimizerState <- options.KeepOptimizerState
        target.HiddenLayers <- sizes
        target.Activation <- act
        target.DropoutRate <- dropout
        // Fields whose C# names differ are checked here, so that the message names the F# field the caller wrote.
        match options.Epochs with
        | Some e when e < 1 -> outOfRange "Epochs" $"must be at least 1 (or None for automatic); it is {e}"
        | _ -> ()
        target.NumberOfEpochs <- Option.toNullable options.Epochs
        target.BatchSize <- options.BatchSize
        let optimizer, rate, decay =
            match options.Optimizer with
            | Adam o ->
                requireDefault "Epsilon" o.Epsilon AdamOptions.defaults.Epsilon "Adam"
                requireDefault "Beta1" o.Beta1 AdamOptions.defaults.Beta1 "Adam"
                requireDefault "Beta2" o.Beta2 AdamOptions.defaults.Beta2 "Adam"
                NeuralNetworkOptimizer.Adam, o.LearningRate, o.Decay
            | Sgd o ->
                target.Momentum <- o.Momentum
                target.UseNesterovMomentum <- o.Nesterov
                NeuralNetworkOptimizer.Sgd, o.LearningRate, o.Decay
            | AdamW o ->
                requireDefault "Epsilon" o.Epsilon AdamWOptions.defaults.Epsilon "AdamW"
                requireDefault "Beta1" o.Beta1 AdamWOptions.defaults.Beta1 "AdamW"
                requireDefault "Beta2" o.Beta2 AdamWOptions.defaults.Beta2 "AdamW"
                target.WeightDecay <- o.WeightDecay
                NeuralNetworkOptimizer.AdamW, o.LearningRate, o.Decay
            | AdaGrad o ->
                requireDefault "Epsilon" o.Epsilon AdaGradOptions.defaults.Epsilon "AdaGrad"
                NeuralNetworkOptimizer.AdaGrad, o.LearningRate, o.Decay
            | RmsProp o ->
                requireDefault "Epsilon" o.Epsilon RmsPropOptions.defaults.Epsilon "RMSProp"
                requireDefault "Rho" o.Rho RmsPropOptions.defaults.Rho "RMSProp"
                NeuralNetworkOptimizer.RmsProp, o.LearningRate, o.Decay
        if not (Single.IsFinite decay && decay >= 0f) then outOfRange "Optimizer" $"must have a finite Decay ≥ 0; it is {decay}"
        target.Optimizer <- optimizer
        target.LearningRate <- Nullable rate
        target.LearningRateDecay <- decay
        target.L1Regularization <- options.L1Regularization
        target.L2Regularization <- options.L2Regularization
        target.ScaleL2ForSmallData <- options.ScaleL2ForSmallData
        target.ScaleL2ForLargeData <- options.ScaleL2ForLargeData
        target.CrossValidateL2OnSmallData <- options.CrossValidateL2OnSmallData
        target.SelectModelOnSmallData <- options.SelectModelOnSmallData
        target.ChooseEpochsOnHoldOut <- options.ChooseEpochsOnHoldOut
        target.LongTrainingOnLargeData <- Option.toNullable options.LongTrainingOnLargeData
        target.StrongerPenaltyInBand <- options.StrongerPenaltyInBand
        target.StandardizeFeatures <- options.StandardizeFeatures
        target.IndicatorFeaturesToUnitRange <- options.IndicatorFeaturesToUnitRange
        target.Seed <- Option.toNullable options.Seed
        target.NumberOfThreads <- Option.toNullable options.NumberOfThreads
        target.ValidationSetFraction <- defaultArg options.ValidationSetFraction 0f
        target.EarlyStoppingPatience <- defaultArg options.EarlyStoppingPatience 0
        target.SkipNonFiniteRows <- options.SkipNonFiniteRows
        target.EpochEnded <- options.OnEpochEnd |> Option.map (fun f -> Action<_>(History.ofEpochResult >> f)) |> Option.toObj
        target.CancellationToken <- options.CancellationToken
        target.LearningRateSchedule <- options.Schedule |> Option.map Schedule.toEngine |> Option.toObj
        target.AnnealLearningRateOnLargeData <- options.AnnealLearningRateOnLargeData
        target.GradientClipNorm <- options.GradientClipNorm
        target

    /// <summary>The C# options of the multiclass trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toMulticlass (options: TrainerOptions) : NeuralNetworkMulticlassTrainer.Options =
        apply options (NeuralNetworkMulticlassTrainer.Options(LabelSmoothing = options.LabelSmoothing))

    /// <summary>The C# options of the binary trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toBinary (options: TrainerOptions) : NeuralNetworkBinaryTrainer.Options =
        apply options (NeuralNetworkBinaryTrainer.Options(LabelSmoothing = options.LabelSmoothing))

    /// <summary>The C# options of the regression trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toRegression (options: TrainerOptions) : NeuralNetworkRegressionTrainer.Options =
        if options.LabelSmoothing <> 0f then
            invalid $"LabelSmoothing is {options.LabelSmoothing}: label smoothing applies to classification, not regression; set it to 0."
        let target = apply options (NeuralNetworkRegressionTrainer.Options())
        target.StandardizeLabel <- options.StandardizeLabel
        target
