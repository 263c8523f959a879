/// <summary>
/// NNTrainer's ML.NET trainers from F#: trainer options as a record with defaults (hidden layers as a
/// <see cref="T:NNTrainer.FSharp.Layer"/> list, the optimizer as an <see cref="T:NNTrainer.FSharp.Optimizer"/>),
/// pipelines built with <c>|&gt;</c> without casts, metrics as F# records, and <c>[&lt;CLIMutable&gt;]</c> records in
/// and out of ML.NET.
/// </summary>
/// <example>
/// <code>
/// let mlContext = MLContext(seed = 0)
/// let pipeline =
///     ML.pipeline
///     |> ML.append (mlContext.Transforms.Conversion.MapValueToKey "Label")
///     |> ML.append (mlContext.Transforms.Concatenate("Features", "Length", "Width"))
///     |> ML.append (mlContext.Transforms.NormalizeMinMax "Features")
///     |> ML.append (ML.multiclass mlContext { ML.Options.defaults with HiddenLayers = [ Dense 32; ReLU ] })
///     |> ML.append (mlContext.Transforms.Conversion.MapKeyToValue "PredictedLabel")
/// let model = pipeline |> ML.fit (ML.ofRecords mlContext trainingRows)
/// let metrics = model.Transform(ML.ofRecords mlContext testRows) |> ML.evaluateMulticlass mlContext "Label"
/// let predict = ML.predictor&lt;Flower, FlowerPrediction&gt; mlContext model
/// </code>
/// </example>
[<RequireQualifiedAccess>]
module NNTrainer.FSharp.ML

open System
open System.Threading
open Microsoft.ML
open NNTrainer.ML

/// <summary>
/// How an ML.NET neural-network trainer trains; start from <c>ML.Options.defaults</c> (the trainers' own defaults)
/// and change what you need. The same options give the same trainer as the C# catalog methods.
/// </summary>
/// <example><code>{ ML.Options.defaults with HiddenLayers = [ Dense 64; Tanh; Dropout 0.1f ]; Epochs = Some 50 }</code></example>
[<NoEquality; NoComparison>]
type Options =
    {
        /// <summary>The label column: a key for multiclass, <c>bool</c> for binary, <c>float32</c> for regression. Default <c>"Label"</c>.</summary>
        LabelColumnName: string
        /// <summary>The feature column, a known-size vector of <c>float32</c>, normalised. Default <c>"Features"</c>.</summary>
        FeatureColumnName: string
        /// <summary>
        /// The hidden layers, input side first: groups of <c>Dense n</c> followed by one activation (<c>ReLU</c>,
        /// <c>LeakyReLU 0.01f</c>, <c>Tanh</c> or <c>Sigmoid</c>, the same in every group) and optionally
        /// <c>Dropout rate</c> (the same in every group). The trainer adds the output layer the task needs (softmax,
        /// sigmoid or linear). Default <c>[ Dense 100; ReLU ]</c>; <c>[]</c> trains a linear model.
        /// </summary>
        HiddenLayers: Layer list
        /// <summary>Passes over the training data. Default <c>None</c>: about 10,000 weight updates, between 10 and 200 epochs.</summary>
        Epochs: int option
        /// <summary>Rows per weight update. Default 32; a batch larger than the data trains on all rows at once.</summary>
        BatchSize: int
        /// <summary>
        /// The optimizer and its learning rate and decay (and SGD's momentum). The trainers use the engine's
        /// epsilon, betas and rho, so those must keep their defaults. Default <c>Optimizer.adam</c> (Adam at 0.001).
        /// </summary>
        Optimizer: Optimizer
        /// <summary>L1 penalty on every layer's weights (λ₁·Σ|w|, biases excluded). Default 0 (off).</summary>
        L1Regularization: float32
        /// <summary>L2 penalty on every layer's weights (λ₂·Σw², biases excluded). Default 0.001.</summary>
        L2Regularization: float32
        /// <summary>Seed of the network's random source. Default <c>None</c>: drawn from the <c>MLContext</c>'s seed, so <c>MLContext(seed = n)</c> reproduces a model bit for bit.</summary>
        Seed: int option
        /// <summary>Threads the matrix kernels use. Default <c>None</c>: every core. Results do not depend on it.</summary>
        NumberOfThreads: int option
        /// <summary>Fraction of the training rows held out to measure the validation loss after every epoch, in (0, 1). Default <c>None</c>.</summary>
        ValidationSetFraction: float32 option
        /// <summary>Stop after this many epochs without improvement of the monitored loss and keep the best epoch's weights. Default <c>None</c>.</summary>
        EarlyStoppingPatience: int option
        /// <summary>Regression only: train on the standardised label and fold the scale back into the output layer. Default <c>true</c>.</summary>
        StandardizeLabel: bool
        /// <summary>Skip training rows with NaN or infinite values (or a missing key) instead of failing. Default <c>false</c>: such a row is an error naming its column, row and slot.</summary>
        SkipNonFiniteRows: bool
        /// <summary>Called on the training thread after every epoch with its figures. Default <c>None</c>.</summary>
        OnEpochEnd: (Epoch -> unit) option
        /// <summary>Stops training between two weight updates (<c>Fit</c> then throws <c>OperationCanceledException</c>). Default none.</summary>
        CancellationToken: CancellationToken
        /// <summary>How the learning rate changes during training. Default <c>None</c>: the optimizer's rate throughout.</summary>
        Schedule: Schedule option
        /// <summary>Clip the gradients to this global norm before every update. Default 0: no clipping.</summary>
        GradientClipNorm: float32
        /// <summary>Classification only: label smoothing ε in [0, 1). Default 0: off.</summary>
        LabelSmoothing: float32
    }

/// <summary>Values and conversions for <see cref="T:NNTrainer.FSharp.ML.Options"/>.</summary>
[<RequireQualifiedAccess>]
module Options =
    let private leakyReLUAlpha = NNTrainer.LeakyReLUActivation().Alpha

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
    let defaults: Options =
        let csharp = NeuralNetworkRegressionTrainer.Options()
        { LabelColumnName = csharp.LabelColumnName
          FeatureColumnName = csharp.FeatureColumnName
          HiddenLayers = [ for neurons in csharp.HiddenLayers do yield! [ Dense neurons; activationLayer csharp.Activation ] ]
          Epochs = Option.ofNullable csharp.NumberOfEpochs
          BatchSize = csharp.BatchSize
          Optimizer = Optimizer.adam
          L1Regularization = csharp.L1Regularization
          L2Regularization = csharp.L2Regularization
          Seed = Option.ofNullable csharp.Seed
          NumberOfThreads = Option.ofNullable csharp.NumberOfThreads
          ValidationSetFraction = None
          EarlyStoppingPatience = None
          StandardizeLabel = csharp.StandardizeLabel
          SkipNonFiniteRows = csharp.SkipNonFiniteRows
          OnEpochEnd = None
          CancellationToken = CancellationToken.None
          Schedule = None
          GradientClipNorm = csharp.GradientClipNorm
          LabelSmoothing = 0f }

    let private invalid (message: string) = invalidArg "options" message

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

    let private apply (options: Options) (target: #NeuralNetworkOptionsBase) =
        let sizes, act, dropout = hiddenLayers options.HiddenLayers
        target.LabelColumnName <- options.LabelColumnName
        target.FeatureColumnName <- options.FeatureColumnName
        target.HiddenLayers <- sizes
        target.Activation <- act
        target.DropoutRate <- dropout
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
        target.Optimizer <- optimizer
        target.LearningRate <- Nullable rate
        target.LearningRateDecay <- decay
        target.L1Regularization <- options.L1Regularization
        target.L2Regularization <- options.L2Regularization
        target.Seed <- Option.toNullable options.Seed
        target.NumberOfThreads <- Option.toNullable options.NumberOfThreads
        target.ValidationSetFraction <- defaultArg options.ValidationSetFraction 0f
        target.EarlyStoppingPatience <- defaultArg options.EarlyStoppingPatience 0
        target.SkipNonFiniteRows <- options.SkipNonFiniteRows
        target.EpochEnded <- options.OnEpochEnd |> Option.map (fun f -> Action<_>(History.ofEpochResult >> f)) |> Option.toObj
        target.CancellationToken <- options.CancellationToken
        target.LearningRateSchedule <- options.Schedule |> Option.map Schedule.toEngine |> Option.toObj
        target.GradientClipNorm <- options.GradientClipNorm
        target

    /// <summary>The C# options of the multiclass trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toMulticlass (options: Options) : NeuralNetworkMulticlassTrainer.Options =
        apply options (NeuralNetworkMulticlassTrainer.Options(LabelSmoothing = options.LabelSmoothing))

    /// <summary>The C# options of the binary trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toBinary (options: Options) : NeuralNetworkBinaryTrainer.Options =
        apply options (NeuralNetworkBinaryTrainer.Options(LabelSmoothing = options.LabelSmoothing))

    /// <summary>The C# options of the regression trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toRegression (options: Options) : NeuralNetworkRegressionTrainer.Options =
        if options.LabelSmoothing <> 0f then
            invalid $"LabelSmoothing is {options.LabelSmoothing}: label smoothing applies to classification, not regression; set it to 0."
        let target = apply options (NeuralNetworkRegressionTrainer.Options())
        target.StandardizeLabel <- options.StandardizeLabel
        target

/// <summary>Counts of true classes (rows) against predicted classes (columns), with each class's precision and recall.</summary>
type ConfusionMatrix =
    {
        /// <summary>Row i, column j: the number of rows of class i predicted as class j.</summary>
        Counts: float list list
        /// <summary>Per class: the fraction of rows predicted as the class that are of the class (NaN if none was predicted).</summary>
        PerClassPrecision: float list
        /// <summary>Per class: the fraction of the class's rows predicted as the class.</summary>
        PerClassRecall: float list
    }

/// <summary>Multiclass classification metrics, as ML.NET's evaluator computes them.</summary>
type MulticlassMetrics =
    {
        /// <summary>Fraction of rows predicted correctly.</summary>
        MicroAccuracy: float
        /// <summary>Mean over classes of each class's accuracy.</summary>
        MacroAccuracy: float
        /// <summary>Mean of −log(probability of the true class); lower is better.</summary>
        LogLoss: float
        /// <summary>1 − LogLoss / (log loss of predicting the class frequencies); 1 is perfect, ≤ 0 no better than the prior.</summary>
        LogLossReduction: float
        /// <summary>Log loss of each class's rows.</summary>
        PerClassLogLoss: float list
        /// <summary>Accuracy among the top k predictions for k = 1, 2, …; empty unless the evaluation asked for a top-k count.</summary>
        TopKAccuracies: float list
        /// <summary>The confusion matrix.</summary>
        ConfusionMatrix: ConfusionMatrix
    }

/// <summary>Binary classification metrics, as ML.NET's evaluator computes them from <c>Score</c> and <c>Probability</c>.</summary>
type BinaryMetrics =
    {
        /// <summary>Fraction of rows predicted correctly.</summary>
        Accuracy: float
        /// <summary>Area under the ROC curve: the probability that a positive row scores above a negative one.</summary>
        AreaUnderRocCurve: float
        /// <summary>Area under the precision–recall curve.</summary>
        AreaUnderPrecisionRecallCurve: float
        /// <summary>Harmonic mean of positive precision and recall.</summary>
        F1Score: float
        /// <summary>Fraction of rows predicted positive that are positive.</summary>
        PositivePrecision: float
        /// <summary>Fraction of positive rows predicted positive.</summary>
        PositiveRecall: float
        /// <summary>Fraction of rows predicted negative that are negative.</summary>
        NegativePrecision: float
        /// <summary>Fraction of negative rows predicted negative.</summary>
        NegativeRecall: float
        /// <summary>Mean of −log(probability of the true label); lower is better.</summary>
        LogLoss: float
        /// <summary>1 − LogLoss / Entropy: how much better than predicting the positive rate.</summary>
        LogLossReduction: float
        /// <summary>Entropy of the labels: the log loss of predicting the positive rate.</summary>
        Entropy: float
        /// <summary>The confusion matrix (class 0 positive, class 1 negative, as ML.NET orders them).</summary>
        ConfusionMatrix: ConfusionMatrix
    }

/// <summary>Regression metrics, as ML.NET's evaluator computes them.</summary>
type RegressionMetrics =
    {
        /// <summary>Mean of |y − ŷ|.</summary>
        MeanAbsoluteError: float
        /// <summary>Mean of (y − ŷ)².</summary>
        MeanSquaredError: float
        /// <summary>√MeanSquaredError, in the label's units.</summary>
        RootMeanSquaredError: float
        /// <summary>Mean of the evaluator's loss function (squared error by default).</summary>
        LossFunction: float
        /// <summary>1 − SS_res / SS_tot: 1 is a perfect fit, 0 no better than predicting the mean.</summary>
        RSquared: float
    }

/// <summary>Conversion of ML.NET's confusion matrix.</summary>
[<RequireQualifiedAccess>]
module ConfusionMatrix =
    /// <summary>Converts ML.NET's <c>ConfusionMatrix</c>.</summary>
    /// <param name="matrix">ML.NET's confusion matrix.</param>
    let ofMLNet (matrix: Microsoft.ML.Data.ConfusionMatrix) : ConfusionMatrix =
        { Counts = [ for row in matrix.Counts -> List.ofSeq row ]
          PerClassPrecision = List.ofSeq matrix.PerClassPrecision
          PerClassRecall = List.ofSeq matrix.PerClassRecall }

/// <summary>Conversion of ML.NET's multiclass metrics.</summary>
[<RequireQualifiedAccess>]
module MulticlassMetrics =
    /// <summary>Converts ML.NET's <c>MulticlassClassificationMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.MulticlassClassificationMetrics) : MulticlassMetrics =
        { MicroAccuracy = metrics.MicroAccuracy
          MacroAccuracy = metrics.MacroAccuracy
          LogLoss = metrics.LogLoss
          LogLossReduction = metrics.LogLossReduction
          PerClassLogLoss = List.ofSeq metrics.PerClassLogLoss
          TopKAccuracies = metrics.TopKAccuracyForAllK |> Option.ofObj |> Option.map List.ofSeq |> Option.defaultValue []
          ConfusionMatrix = ConfusionMatrix.ofMLNet metrics.ConfusionMatrix }

/// <summary>Conversion of ML.NET's binary metrics.</summary>
[<RequireQualifiedAccess>]
module BinaryMetrics =
    /// <summary>Converts ML.NET's <c>CalibratedBinaryClassificationMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.CalibratedBinaryClassificationMetrics) : BinaryMetrics =
        { Accuracy = metrics.Accuracy
          AreaUnderRocCurve = metrics.AreaUnderRocCurve
          AreaUnderPrecisionRecallCurve = metrics.AreaUnderPrecisionRecallCurve
          F1Score = metrics.F1Score
          PositivePrecision = metrics.PositivePrecision
          PositiveRecall = metrics.PositiveRecall
          NegativePrecision = metrics.NegativePrecision
          NegativeRecall = metrics.NegativeRecall
          LogLoss = metrics.LogLoss
          LogLossReduction = metrics.LogLossReduction
          Entropy = metrics.Entropy
          ConfusionMatrix = ConfusionMatrix.ofMLNet metrics.ConfusionMatrix }

/// <summary>Conversion of ML.NET's regression metrics.</summary>
[<RequireQualifiedAccess>]
module RegressionMetrics =
    /// <summary>Converts ML.NET's <c>RegressionMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.RegressionMetrics) : RegressionMetrics =
        { MeanAbsoluteError = metrics.MeanAbsoluteError
          MeanSquaredError = metrics.MeanSquaredError
          RootMeanSquaredError = metrics.RootMeanSquaredError
          LossFunction = metrics.LossFunction
          RSquared = metrics.RSquared }

/// <summary>
/// Any estimator as an <c>IEstimator&lt;ITransformer&gt;</c>, the type <c>CrossValidate</c>, <c>Append</c> and
/// others take. ML.NET's estimator interface is covariant, which F# does not apply by itself.
/// </summary>
/// <param name="estimator">An estimator or pipeline.</param>
let estimator<'T when 'T :> ITransformer and 'T: not struct> (estimator: IEstimator<'T>) : IEstimator<ITransformer> =
    match box estimator with
    | :? IEstimator<ITransformer> as covariant -> covariant
    | _ -> nullArg (nameof estimator)

/// <summary>An empty pipeline, to <see cref="M:NNTrainer.FSharp.ML.append``2"/> estimators to.</summary>
let pipeline: Microsoft.ML.Data.EstimatorChain<ITransformer> = Microsoft.ML.Data.EstimatorChain<ITransformer>()

/// <summary>Appends an estimator to a pipeline: <c>pipeline |&gt; ML.append estimator</c>.</summary>
/// <param name="next">The estimator to run after the pipeline's steps.</param>
/// <param name="pipeline">The pipeline; it is not modified.</param>
/// <returns>A pipeline with one more step.</returns>
let append<'Last, 'Next when 'Last :> ITransformer and 'Last: not struct and 'Next :> ITransformer and 'Next: not struct>
    (next: IEstimator<'Next>)
    (pipeline: Microsoft.ML.Data.EstimatorChain<'Last>)
    : Microsoft.ML.Data.EstimatorChain<'Next> =
    pipeline.Append next

/// <summary>
/// The multiclass neural-network trainer (<c>mlContext.MulticlassClassification.Trainers.NeuralNetwork</c>), for a
/// key label; it adds <c>Score</c> (class probabilities) and <c>PredictedLabel</c> (a key).
/// </summary>
/// <param name="mlContext">The ML.NET context; its seed seeds training unless <c>options.Seed</c> is set.</param>
/// <param name="options">The trainer's options.</param>
/// <exception cref="System.ArgumentException">An option is out of range, or the layers or optimizer cannot be expressed by the trainer.</exception>
let multiclass (mlContext: MLContext) (options: Options) : NeuralNetworkMulticlassTrainer =
    mlContext.MulticlassClassification.Trainers.NeuralNetwork(Options.toMulticlass options)

/// <summary>
/// The binary neural-network trainer (<c>mlContext.BinaryClassification.Trainers.NeuralNetwork</c>), for a
/// <c>bool</c> label; it adds <c>Score</c> (logit), <c>Probability</c> and <c>PredictedLabel</c>.
/// </summary>
/// <param name="mlContext">The ML.NET context; its seed seeds training unless <c>options.Seed</c> is set.</param>
/// <param name="options">The trainer's options.</param>
/// <exception cref="System.ArgumentException">An option is out of range, or the layers or optimizer cannot be expressed by the trainer.</exception>
let binary (mlContext: MLContext) (options: Options) : NeuralNetworkBinaryTrainer =
    mlContext.BinaryClassification.Trainers.NeuralNetwork(Options.toBinary options)

/// <summary>
/// The regression neural-network trainer (<c>mlContext.Regression.Trainers.NeuralNetwork</c>), for a
/// <c>float32</c> label; it adds <c>Score</c>, in the label's units.
/// </summary>
/// <param name="mlContext">The ML.NET context; its seed seeds training unless <c>options.Seed</c> is set.</param>
/// <param name="options">The trainer's options.</param>
/// <exception cref="System.ArgumentException">An option is out of range, or the layers or optimizer cannot be expressed by the trainer.</exception>
let regression (mlContext: MLContext) (options: Options) : NeuralNetworkRegressionTrainer =
    mlContext.Regression.Trainers.NeuralNetwork(Options.toRegression options)

/// <summary>Trains a pipeline (or a single estimator) on data: <c>pipeline |&gt; ML.fit data</c>.</summary>
/// <param name="data">The training data.</param>
/// <param name="estimator">The pipeline or estimator.</param>
/// <exception cref="System.ArgumentException">A column is missing or of the wrong type, or the data holds a bad value; the message names it.</exception>
let fit<'T when 'T :> ITransformer and 'T: not struct> (data: IDataView) (estimator: IEstimator<'T>) : 'T = estimator.Fit data

/// <summary>ML.NET data over F# records (or any class): each public property or field becomes a column.</summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="records">The rows; mark a <c>float32[]</c> field <c>[&lt;VectorType(n)&gt;]</c> to make it a known-size feature vector.</param>
let ofRecords<'T when 'T: not struct> (mlContext: MLContext) (records: 'T seq) : IDataView =
    mlContext.Data.LoadFromEnumerable<'T> records

/// <summary>The rows of ML.NET data as <c>[&lt;CLIMutable&gt;]</c> records, one new record per row, matching columns by field name.</summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="data">The data, e.g. a model's predictions.</param>
let toRecords<'T when 'T: not struct and 'T: (new: unit -> 'T)> (mlContext: MLContext) (data: IDataView) : 'T list =
    mlContext.Data.CreateEnumerable<'T>(data, reuseRowObject = false) |> List.ofSeq

/// <summary>
/// A prediction function over a fitted model, reading an input record and returning a new output record
/// (<c>[&lt;CLIMutable&gt;]</c>, fields named after the output columns, e.g. <c>PredictedLabel</c> and <c>Score</c>).
/// It wraps one <c>PredictionEngine</c>: call it from one thread at a time, and make one per thread to predict in parallel.
/// </summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="model">The fitted (or loaded) model.</param>
/// <exception cref="System.ArgumentException">The record types do not match the model's input or output columns.</exception>
let predictor<'Input, 'Output when 'Input: not struct and 'Output: not struct and 'Output: (new: unit -> 'Output)>
    (mlContext: MLContext)
    (model: ITransformer)
    : 'Input -> 'Output =
    let engine = mlContext.Model.CreatePredictionEngine<'Input, 'Output>(model)
    fun input -> engine.Predict input

/// <summary>Multiclass metrics of scored data (a multiclass model's <c>Transform</c> output).</summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="labelColumnName">The key label column (e.g. the output of <c>MapValueToKey</c>).</param>
/// <param name="predictions">The scored data, with <c>Score</c> and <c>PredictedLabel</c>.</param>
let evaluateMulticlass (mlContext: MLContext) (labelColumnName: string) (predictions: IDataView) : MulticlassMetrics =
    mlContext.MulticlassClassification.Evaluate(predictions, labelColumnName = labelColumnName) |> MulticlassMetrics.ofMLNet

/// <summary>Binary metrics of scored data (a binary model's <c>Transform</c> output).</summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="labelColumnName">The <c>bool</c> label column.</param>
/// <param name="predictions">The scored data, with <c>Score</c>, <c>Probability</c> and <c>PredictedLabel</c>.</param>
let evaluateBinary (mlContext: MLContext) (labelColumnName: string) (predictions: IDataView) : BinaryMetrics =
    mlContext.BinaryClassification.Evaluate(predictions, labelColumnName = labelColumnName) |> BinaryMetrics.ofMLNet

/// <summary>Regression metrics of scored data (a regression model's <c>Transform</c> output).</summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="labelColumnName">The <c>float32</c> label column.</param>
/// <param name="predictions">The scored data, with <c>Score</c>.</param>
let evaluateRegression (mlContext: MLContext) (labelColumnName: string) (predictions: IDataView) : RegressionMetrics =
    mlContext.Regression.Evaluate(predictions, labelColumnName = labelColumnName) |> RegressionMetrics.ofMLNet

/// <summary>
/// k-fold cross-validation of a multiclass pipeline: trains it on k − 1 folds and evaluates it on the remaining
/// one, k times.
/// </summary>
/// <param name="mlContext">The ML.NET context (its seed chooses the folds).</param>
/// <param name="folds">Number of folds, at least 2.</param>
/// <param name="labelColumnName">The key label column, as the pipeline's output has it.</param>
/// <param name="pipeline">The pipeline.</param>
/// <param name="data">All the data.</param>
/// <returns>Each fold's metrics, in fold order.</returns>
let crossValidateMulticlass (mlContext: MLContext) (folds: int) (labelColumnName: string) (pipeline: IEstimator<'T>) (data: IDataView) =
    mlContext.MulticlassClassification.CrossValidate(data, estimator pipeline, folds, labelColumnName)
    |> Seq.map (fun fold -> MulticlassMetrics.ofMLNet fold.Metrics)
    |> List.ofSeq

/// <summary>k-fold cross-validation of a binary pipeline.</summary>
/// <param name="mlContext">The ML.NET context (its seed chooses the folds).</param>
/// <param name="folds">Number of folds, at least 2.</param>
/// <param name="labelColumnName">The <c>bool</c> label column.</param>
/// <param name="pipeline">The pipeline.</param>
/// <param name="data">All the data.</param>
/// <returns>Each fold's metrics, in fold order.</returns>
let crossValidateBinary (mlContext: MLContext) (folds: int) (labelColumnName: string) (pipeline: IEstimator<'T>) (data: IDataView) =
    mlContext.BinaryClassification.CrossValidate(data, estimator pipeline, folds, labelColumnName)
    |> Seq.map (fun fold -> BinaryMetrics.ofMLNet fold.Metrics)
    |> List.ofSeq

/// <summary>k-fold cross-validation of a regression pipeline.</summary>
/// <param name="mlContext">The ML.NET context (its seed chooses the folds).</param>
/// <param name="folds">Number of folds, at least 2.</param>
/// <param name="labelColumnName">The <c>float32</c> label column.</param>
/// <param name="pipeline">The pipeline.</param>
/// <param name="data">All the data.</param>
/// <returns>Each fold's metrics, in fold order.</returns>
let crossValidateRegression (mlContext: MLContext) (folds: int) (labelColumnName: string) (pipeline: IEstimator<'T>) (data: IDataView) =
    mlContext.Regression.CrossValidate(data, estimator pipeline, folds, labelColumnName)
    |> Seq.map (fun fold -> RegressionMetrics.ofMLNet fold.Metrics)
    |> List.ofSeq

/// <summary>
/// The neural-network transformer in a fitted model (the last one, searching nested chains), or <c>None</c>. A model
/// reloaded with <c>mlContext.Model.Load</c> has none: it is saved as a chain of stock ML.NET transforms.
/// </summary>
/// <param name="model">A fitted pipeline or transformer.</param>
let rec tryFindNeuralNetwork (model: ITransformer) : NeuralNetworkTransformer option =
    match model with
    | :? NeuralNetworkTransformer as transformer -> Some transformer
    | :? seq<ITransformer> as chain -> chain |> Seq.rev |> Seq.tryPick tryFindNeuralNetwork
    | _ -> None

let private neuralNetwork (model: ITransformer) =
    match tryFindNeuralNetwork model with
    | Some transformer -> transformer
    | None ->
        invalidArg
            (nameof model)
            $"The model ({model.GetType().Name}) holds no NNTrainer neural network. A model reloaded with mlContext.Model.Load is a chain of stock ML.NET transforms without Network or History: read them from the model that Fit returned."

/// <summary>The engine network a fitted model trained, for the F# <c>Network</c> functions (<c>summary</c>, <c>describe</c>, <c>predict</c>, <c>save</c>).</summary>
/// <param name="model">A fitted pipeline or transformer.</param>
/// <exception cref="System.ArgumentException">The model holds no neural network (for instance, it was reloaded from a file).</exception>
let network (model: ITransformer) : Network = (neuralNetwork model).Network

/// <summary>The training history of a fitted model's neural network: every epoch's figures and why training stopped.</summary>
/// <param name="model">A fitted pipeline or transformer.</param>
/// <exception cref="System.ArgumentException">The model holds no neural network (for instance, it was reloaded from a file).</exception>
let history (model: ITransformer) : History = (neuralNetwork model).History |> History.ofTrainingHistory

/// <summary>Saves a fitted model, network included, as an ML.NET .zip: <c>model |&gt; ML.saveModel mlContext path data.Schema</c>.</summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="path">The .zip file to write.</param>
/// <param name="inputSchema">The schema of the data the model takes (the training data's).</param>
/// <param name="model">The fitted model.</param>
let saveModel (mlContext: MLContext) (path: string) (inputSchema: DataViewSchema) (model: ITransformer) : unit =
    mlContext.Model.Save(model, inputSchema, path)

/// <summary>
/// Loads a model saved with <c>saveModel</c> (or <c>mlContext.Model.Save</c>); it scores bit-identically to the
/// saved one. Only NNTrainer.ML's assembly needs to be deployed, nothing needs registering.
/// </summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="path">The .zip file.</param>
/// <returns>The model and the schema of the data it takes.</returns>
let loadModel (mlContext: MLContext) (path: string) : ITransformer * DataViewSchema =
    let model, schema = mlContext.Model.Load(path: string)
    model, schema
