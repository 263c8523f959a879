namespace NNTrainer.FSharp

/// <summary>
/// A sequential neural network described as data: its layers, loss, optimizer and seed. Building it
/// (<c>Network.fit</c>, <c>Network.create</c>) gives an engine <c>NNTrainer.Training.Network</c>; the same model and
/// data always give the same network, bit for bit.
/// </summary>
/// <example>
/// <code>
/// let model =
///     Model.ofLayers [ Dense 64; ReLU; Dense 3; Softmax ]
///     |> Model.withOptimizer (Adam { AdamOptions.defaults with LearningRate = 0.05f; Decay = 5e-7f })
///     |> Model.withSeed 1
/// </code>
/// </example>
type Model =
    {
        /// <summary>The layers, in order.</summary>
        Layers: Layer list
        /// <summary>The data loss; <c>None</c> picks it from the last layer (see <c>Loss.forLayers</c>).</summary>
        Loss: Loss option
        /// <summary>The optimizer.</summary>
        Optimizer: Optimizer
        /// <summary>Seed of the network's single random source: initial weights, dropout, shuffling, validation split.</summary>
        Seed: int
        /// <summary>Values per input sample; <c>None</c> takes the training data's width.</summary>
        InputSize: int option
        /// <summary>Threads the matrix kernels may use; results are bit-identical for any value.</summary>
        NumberOfThreads: int
        /// <summary>
        /// Label smoothing ε in [0, 1) for the cross-entropy losses: targets <c>(1 − ε)·onehot + ε/K</c> (categorical) or
        /// <c>y·(1 − ε) + ε/2</c> (binary); 0 is off.
        /// </summary>
        LabelSmoothing: float32
    }

/// <summary>Functions building and inspecting <see cref="Model"/> values, for use in pipelines.</summary>
[<RequireQualifiedAccess>]
module Model =
    /// <summary>
    /// No layers, loss chosen from the last layer, Adam with the book's defaults, seed 0 (the engine's default,
    /// so runs are reproducible unless asked otherwise), input size from the data, one thread, no label smoothing.
    /// </summary>
    let defaults =
        { Layers = []
          Loss = None
          Optimizer = Optimizer.adam
          Seed = 0
          InputSize = None
          NumberOfThreads = 1
          LabelSmoothing = 0f }

    /// <summary>The default model with these layers.</summary>
    /// <param name="layers">The layers, in order.</param>
    let ofLayers (layers: Layer list) = { defaults with Layers = layers }

    /// <summary>Sets the loss.</summary>
    /// <param name="loss">The data loss.</param>
    /// <param name="model">The model.</param>
    let withLoss (loss: Loss) (model: Model) = { model with Loss = Some loss }

    /// <summary>Sets the optimizer.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="model">The model.</param>
    let withOptimizer (optimizer: Optimizer) (model: Model) = { model with Optimizer = optimizer }

    /// <summary>Sets the label smoothing of the cross-entropy losses.</summary>
    /// <param name="labelSmoothing">ε in [0, 1).</param>
    /// <param name="model">The model.</param>
    let withLabelSmoothing (labelSmoothing: float32) (model: Model) = { model with LabelSmoothing = labelSmoothing }

    /// <summary>Sets the seed.</summary>
    /// <param name="seed">Seed of the network's random source.</param>
    /// <param name="model">The model.</param>
    let withSeed (seed: int) (model: Model) = { model with Seed = seed }

    /// <summary>Fixes the number of values per input sample instead of taking it from the data.</summary>
    /// <param name="inputSize">Values per sample.</param>
    /// <param name="model">The model.</param>
    let withInputSize (inputSize: int) (model: Model) = { model with InputSize = Some inputSize }

    /// <summary>Sets the number of threads the kernels may use.</summary>
    /// <param name="threads">Threads, at least 1.</param>
    /// <param name="model">The model.</param>
    let withThreads (threads: int) (model: Model) = { model with NumberOfThreads = threads }

    /// <summary>The loss the model trains with: its own, or the one its last layer calls for.</summary>
    /// <param name="model">The model.</param>
    let loss (model: Model) = model.Loss |> Option.defaultWith (fun () -> Loss.forLayers model.Layers)

    /// <summary>The number of values per sample each layer produces, for a given input size.</summary>
    /// <param name="inputSize">Values per input sample.</param>
    /// <param name="model">The model.</param>
    let outputSizes (inputSize: int) (model: Model) =
        model.Layers
        |> List.scan
            (fun width layer ->
                match layer with
                | Dense n
                | DenseWith(n, _) -> n
                | Engine description -> description.GetOutputSize width
                | _ -> width)
            inputSize
        |> List.tail
