namespace NNTrainer.FSharp

open System
open System.IO

/// <summary>A built (and possibly trained) engine network: the result of <c>Network.fit</c> or <c>Network.load</c>.</summary>
type Network = NNTrainer.Training.Network

/// <summary>
/// Training and using networks with functions: <c>fit</c>, <c>evaluate</c>, <c>predict</c>, <c>save</c>, <c>load</c>.
/// Errors are the engine's exceptions and carry its messages: <c>ArgumentException</c> for bad data,
/// <c>TrainingDivergedException</c>, <c>ModelFormatException</c> for damaged model files.
/// </summary>
/// <example>
/// <code>
/// let network, history =
///     Model.ofLayers [ Dense 64; ReLU; Dense 3; Softmax ]
///     |> Network.fit { TrainOptions.defaults with Epochs = 1000; BatchSize = None } (Data.spiral 100 3 0)
/// let accuracy = (network |> Network.evaluate testData).Accuracy
/// </code>
/// </example>
[<RequireQualifiedAccess>]
module Network =
    /// <summary>Builds a model into a network with freshly drawn weights, for a given number of values per input sample.</summary>
    /// <param name="inputSize">Values per input sample; must agree with <c>model.InputSize</c> when that is set.</param>
    /// <param name="model">The model.</param>
    /// <exception cref="System.ArgumentException">A layer's settings are out of range, or the input sizes disagree.</exception>
    /// <exception cref="System.InvalidOperationException">The model has no layers or no dense layer.</exception>
    let build (inputSize: int) (model: Model) : Network =
        match model.InputSize with
        | Some fixedSize when fixedSize <> inputSize ->
            invalidArg (nameof inputSize) $"The model takes {fixedSize} values per sample (Model.InputSize), not {inputSize}."
        | _ -> ()
        let network = new NNTrainer.Training.Network(model.Seed)
        network.NumberOfThreads <- model.NumberOfThreads
        model.Layers
        |> List.fold
            (fun width description ->
                let layer, next = Engine.layer width description
                network.Add layer |> ignore
                next)
            inputSize
        |> ignore
        network.Set(Engine.loss model.LabelSmoothing (Model.loss model), Engine.optimizer model.Optimizer) |> ignore
        network.Build()
        network

    /// <summary>Builds a model whose <c>InputSize</c> is set into a network with freshly drawn weights.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="System.ArgumentException">The model has no <c>InputSize</c>, or a layer's settings are out of range.</exception>
    let create (model: Model) : Network =
        match model.InputSize with
        | Some size -> build size model
        | None ->
            invalidArg (nameof model) "The model's InputSize is not set: use Model.withInputSize, Network.build, or Network.fit, which takes it from the data."

    /// <summary>Trains an existing network further, in place (weights, optimizer state and random source move on).</summary>
    /// <param name="options">Epochs, batch size, validation, early stopping, callback.</param>
    /// <param name="data">Training data.</param>
    /// <param name="network">The network; it is modified.</param>
    /// <returns>The epochs' figures.</returns>
    /// <exception cref="System.ArgumentException">The data has the wrong shape, a non-finite value, or a target the loss cannot take.</exception>
    /// <exception cref="NNTrainer.Training.TrainingDivergedException">The loss became NaN or infinite; the best weights seen were restored.</exception>
    /// <exception cref="System.OperationCanceledException">The options' cancellation token was signalled.</exception>
    let train (options: TrainOptions) (data: Data) (network: Network) : History =
        network.Fit(data.Inputs, data.Targets, Engine.fitOptions options) |> History.ofTrainingHistory

    /// <summary>
    /// Builds a model, taking the input size from the data unless the model fixes it, and trains it. The same
    /// model, options and data give the same network bit for bit, and the same network as the C# API given the
    /// same layers, seed and options.
    /// </summary>
    /// <param name="options">Epochs, batch size, validation, early stopping, callback.</param>
    /// <param name="data">Training data.</param>
    /// <param name="model">The model.</param>
    /// <returns>The trained network and its training history.</returns>
    /// <exception cref="System.ArgumentException">A setting is out of range, or the data does not suit the model.</exception>
    /// <exception cref="NNTrainer.Training.TrainingDivergedException">The loss became NaN or infinite.</exception>
    let fit (options: TrainOptions) (data: Data) (model: Model) : Network * History =
        let network = build (model.InputSize |> Option.defaultValue data.Inputs.Columns) model
        let history = train options data network
        network, history

    /// <summary>Loss and accuracy of a network on a data set, in inference mode (no dropout).</summary>
    /// <param name="data">The data set.</param>
    /// <param name="network">The network.</param>
    /// <exception cref="System.ArgumentException">The data has the wrong shape or a target the loss cannot take.</exception>
    let evaluate (data: Data) (network: Network) : Evaluation =
        network.Evaluate(data.Inputs, data.Targets) |> Evaluation.ofEvaluationResult

    /// <summary>The network's outputs for a matrix of samples (class probabilities for softmax or sigmoid outputs).</summary>
    /// <param name="inputs">Samples, [samples × input size].</param>
    /// <param name="network">The network.</param>
    let predictMatrix (inputs: Matrix) (network: Network) : Matrix = network.Predict inputs

    /// <summary>The network's outputs for each sample (class probabilities for softmax or sigmoid outputs).</summary>
    /// <param name="inputs">Samples, each of the network's input size.</param>
    /// <param name="network">The network.</param>
    /// <exception cref="System.ArgumentException">The samples differ in length or do not have the network's input size.</exception>
    let predict (inputs: float32[] seq) (network: Network) : float32[][] =
        let rows = Seq.toArray inputs
        if rows.Length = 0 then [||]
        else network.Predict(Matrix.ofRows rows) |> Matrix.toRows

    /// <summary>The predicted class of each sample: the arg-max of the outputs, or for one sigmoid output, 1 above 0.5.</summary>
    /// <param name="inputs">Samples, each of the network's input size.</param>
    /// <param name="network">The network.</param>
    let predictClasses (inputs: float32[] seq) (network: Network) : int[] =
        let rows = Seq.toArray inputs
        if rows.Length = 0 then [||]
        else network.PredictClasses(Matrix.ofRows rows)

    /// <summary>
    /// A scoring function with buffers of its own: call it from one thread at a time; make one per thread to
    /// score in parallel. It reads the network's current weights, so do not train the network meanwhile.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <returns>A function from one sample's features to the network's outputs for it.</returns>
    let predictor (network: Network) : float32[] -> float32[] =
        let engine = network.CreatePredictor()
        fun features ->
            let outputs = Array.zeroCreate engine.OutputSize
            engine.Predict(ReadOnlySpan features, Span outputs)
            outputs

    /// <summary>Saves a network to a file atomically: a crash mid-save leaves any previous file intact.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="network">The network.</param>
    let save (path: string) (network: Network) : unit = network.Save path

    /// <summary>Loads a network saved with <c>save</c> (or the C# API's <c>Save</c>).</summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="NNTrainer.Persistence.ModelFormatException">The file is truncated, corrupted, of a newer format version, or not a model.</exception>
    let load (path: string) : Network = NNTrainer.Training.Network.Load path

    /// <summary>Loads a network, or says why it cannot be loaded (missing, unreadable, damaged or not a model).</summary>
    /// <param name="path">The model file.</param>
    let tryLoad (path: string) : Result<Network, string> =
        try
            Ok(NNTrainer.Training.Network.Load path)
        with
        | :? IOException as e -> Error e.Message
        | :? UnauthorizedAccessException as e -> Error e.Message

    /// <summary>The network in the checked model format, as bytes.</summary>
    /// <param name="network">The network.</param>
    let toBytes (network: Network) : byte[] =
        use stream = new MemoryStream()
        network.Save(stream: Stream)
        stream.ToArray()

    /// <summary>Reads a network from bytes written by <c>toBytes</c>.</summary>
    /// <param name="bytes">The model bytes.</param>
    /// <exception cref="NNTrainer.Persistence.ModelFormatException">The bytes are truncated, corrupted or not a model.</exception>
    let ofBytes (bytes: byte[]) : Network =
        use stream = new MemoryStream(bytes, writable = false)
        NNTrainer.Training.Network.Load(stream: Stream)

    /// <summary>
    /// The model a network was built from, as data: its layers (dense layers without options read as <c>Dense n</c>),
    /// loss, optimizer (Adam's defaults when it has none), seed and input size.
    /// </summary>
    /// <param name="network">The network.</param>
    let describe (network: Network) : Model =
        { Layers = network.Layers |> Seq.map Engine.ofLayer |> List.ofSeq
          Loss = network.Loss |> Option.ofObj |> Option.map Engine.ofLoss
          Optimizer = network.Optimizer |> Option.ofObj |> Option.map Engine.ofOptimizer |> Option.defaultValue Optimizer.adam
          Seed = network.Seed
          InputSize = Some network.InputSize
          NumberOfThreads = network.NumberOfThreads
          LabelSmoothing = network.Loss |> Option.ofObj |> Option.map Engine.labelSmoothing |> Option.defaultValue 0f }

    /// <summary>A table of the layers with their output sizes and parameter counts.</summary>
    /// <param name="network">The network.</param>
    let summary (network: Network) : string = network.Summary()
