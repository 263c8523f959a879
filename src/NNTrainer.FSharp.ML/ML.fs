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
open NNTrainer.FSharp
open NNTrainer.FSharp.MLNet

/// <summary>
/// How an ML.NET neural-network trainer trains (<see cref="T:NNTrainer.FSharp.MLNet.TrainerOptions"/>); start from
/// <c>ML.Options.defaults</c> and change what you need.
/// </summary>
type Options = TrainerOptions

/// <summary>Values and conversions for <see cref="T:NNTrainer.FSharp.ML.Options"/>.</summary>
[<RequireQualifiedAccess>]
module Options =
    /// <summary>The trainers' defaults, read from the C# options (<c>NeuralNetworkDefaults</c>).</summary>
    let defaults: Options = TrainerOptions.defaults

    /// <summary>The C# options of the multiclass trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toMulticlass (options: Options) : NeuralNetworkMulticlassTrainer.Options = TrainerOptions.toMulticlass options

    /// <summary>The C# options of the binary trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toBinary (options: Options) : NeuralNetworkBinaryTrainer.Options = TrainerOptions.toBinary options

    /// <summary>The C# options of the regression trainer, to adjust further or pass to the catalog yourself.</summary>
    /// <param name="options">The F# options.</param>
    /// <exception cref="System.ArgumentException">The hidden layers or the optimizer cannot be expressed by the trainer; the message names the entry.</exception>
    let toRegression (options: Options) : NeuralNetworkRegressionTrainer.Options = TrainerOptions.toRegression options

/// <summary>Counts of true classes against predicted classes (<see cref="T:NNTrainer.FSharp.MLNet.ConfusionMatrix"/>).</summary>
type ConfusionMatrix = NNTrainer.FSharp.MLNet.ConfusionMatrix

/// <summary>Multiclass classification metrics (<see cref="T:NNTrainer.FSharp.MLNet.MulticlassMetrics"/>).</summary>
type MulticlassMetrics = NNTrainer.FSharp.MLNet.MulticlassMetrics

/// <summary>Binary classification metrics (<see cref="T:NNTrainer.FSharp.MLNet.BinaryMetrics"/>).</summary>
type BinaryMetrics = NNTrainer.FSharp.MLNet.BinaryMetrics

/// <summary>Regression metrics (<see cref="T:NNTrainer.FSharp.MLNet.RegressionMetrics"/>).</summary>
type RegressionMetrics = NNTrainer.FSharp.MLNet.RegressionMetrics

/// <summary>Conversion of ML.NET's multiclass metrics.</summary>
[<RequireQualifiedAccess>]
module MulticlassMetrics =
    /// <summary>Converts ML.NET's <c>MulticlassClassificationMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.MulticlassClassificationMetrics) : MulticlassMetrics = NNTrainer.FSharp.MLNet.MulticlassMetrics.ofMLNet metrics

/// <summary>Conversion of ML.NET's binary metrics.</summary>
[<RequireQualifiedAccess>]
module BinaryMetrics =
    /// <summary>Converts ML.NET's <c>CalibratedBinaryClassificationMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.CalibratedBinaryClassificationMetrics) : BinaryMetrics = NNTrainer.FSharp.MLNet.BinaryMetrics.ofMLNet metrics

/// <summary>Conversion of ML.NET's regression metrics.</summary>
[<RequireQualifiedAccess>]
module RegressionMetrics =
    /// <summary>Converts ML.NET's <c>RegressionMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.RegressionMetrics) : RegressionMetrics = NNTrainer.FSharp.MLNet.RegressionMetrics.ofMLNet metrics

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
        let reloaded = try (NeuralNetworkModel.FindNetwork model).IsReloaded with :? ArgumentException -> false // it has a network, not a History
        invalidArg (nameof model) (
            if reloaded then "The model was reloaded with mlContext.Model.Load: its network is there (ML.network returns it), but a saved model keeps no training History; read it from the model that Fit returned."
            else $"The model ({model.GetType().Name}) holds no NNTrainer neural network. A model reloaded with mlContext.Model.Load is a chain of stock ML.NET transforms without a History: read it from the model that Fit returned.")

/// <summary>
/// The engine network in a fitted model, or in one reloaded with <c>ML.loadModel</c> (a bit-identical copy decoded
/// from the .zip), for the F# <c>Network</c> functions and for <see cref="M:NNTrainer.FSharp.ML.fitFrom``2"/>.
/// </summary>
/// <param name="model">A fitted or reloaded pipeline or transformer.</param>
/// <exception cref="System.ArgumentException">The model holds no neural network, or more than one.</exception>
let network (model: ITransformer) : Network = (NeuralNetworkModel.FindNetwork model).Network

/// <summary>
/// Continues training <paramref name="previous"/> on <paramref name="data"/> for the trainer's epochs (the trainer's
/// <c>Fit(data, modelParameters)</c>): <c>ML.binary mlContext options |&gt; ML.fitFrom (ML.network model) newRows</c>.
/// The options must describe the network's layers; a different task, feature count, class count or layer list is an
/// <c>ArgumentException</c> naming both. <paramref name="previous"/> is not changed.
/// </summary>
/// <param name="previous">The network to continue from (<see cref="M:NNTrainer.FSharp.ML.network"/> of a fitted or reloaded model).</param>
/// <param name="data">Training data with the feature and label columns, prepared as for the previous model.</param>
/// <param name="trainer">The trainer (<c>ML.multiclass</c>, <c>ML.binary</c> or <c>ML.regression</c>).</param>
let fitFrom<'T, 'O when 'T :> NeuralNetworkTransformer and 'O :> NeuralNetworkOptionsBase> (previous: Network) (data: IDataView) (trainer: NeuralNetworkTrainerBase<'T, 'O>) : 'T =
    trainer.Fit(data, previous)

/// <summary>The training history of a fitted model's neural network: every epoch's figures and why training stopped.</summary>
/// <param name="model">A fitted pipeline or transformer (a reloaded model has no history).</param>
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
/// Loads a model saved with <c>saveModel</c>; it scores bit-identically to the saved one. The zip is checked first
/// (<c>mlContext.Model.LoadVerified</c>: plain <c>Model.Load</c> can hang on some damaged zips).
/// </summary>
/// <param name="mlContext">The ML.NET context.</param>
/// <param name="path">The .zip file.</param>
/// <returns>The model and the schema of the data it takes.</returns>
/// <exception cref="T:NNTrainer.Persistence.ModelFormatException">The file is not a readable zip or an entry is damaged; the message names the file and the entry.</exception>
let loadModel (mlContext: MLContext) (path: string) : ITransformer * DataViewSchema =
    mlContext.Model.LoadVerified(filePath = path)
