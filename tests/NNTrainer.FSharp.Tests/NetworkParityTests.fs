/// The F# API builds and trains exactly what the C# API does: same layers, seed, options and data give the
/// same model, byte for byte.
module NNTrainer.FSharp.Tests.NetworkParityTests

open System
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.ModelGenerators

let private bytes (network: NNTrainer.Training.Network) =
    use stream = new IO.MemoryStream()
    network.Save(stream: IO.Stream)
    stream.ToArray()

[<Fact>]
let ``the spiral example gives the same model from F# and from C#`` () =
    let struct (x, labels) = NNTrainer.Data.SyntheticData.Spiral(100, 3, seed = 0)
    // The C# API, as in Network's documentation example.
    let csharp = NNTrainer.Training.Network(seed = 42)
    csharp
        .Add(NNTrainer.Layers.DenseLayer(2, 64))
        .Add(NNTrainer.Activations.ReLUActivation())
        .Add(NNTrainer.Layers.DropoutLayer(0.1f))
        .Add(NNTrainer.Layers.DenseLayer(64, 3))
        .Add(NNTrainer.Activations.SoftmaxActivation())
        .Set(NNTrainer.Losses.CategoricalCrossEntropyLoss(), NNTrainer.Optimizers.AdamOptimizer(learningRate = 0.05f, decay = 5e-7f))
    |> ignore
    let csharpHistory = csharp.Fit(x, labels, NNTrainer.Training.FitOptions(Epochs = 50, BatchSize = 32, ValidationFraction = 0.1))
    // The F# API.
    let fsharp, fsharpHistory =
        Model.ofLayers [ Dense 64; ReLU; Dropout 0.1f; Dense 3; Softmax ]
        |> Model.withOptimizer (Adam { AdamOptions.defaults with LearningRate = 0.05f; Decay = 5e-7f })
        |> Model.withSeed 42
        |> Network.fit { TrainOptions.defaults with Epochs = 50; BatchSize = Some 32; Validation = Holdout 0.1 } (Data.spiral 100 3 0)
    Assert.Equal<byte[]>(bytes csharp, bytes fsharp)
    let figures (e: Epoch) = e.Number, e.DataLoss, e.Accuracy, e.ValidationLoss, e.ValidationAccuracy, e.LearningRate
    Assert.Equal<_ list>(csharpHistory.Epochs |> Seq.map (History.ofEpochResult >> figures) |> List.ofSeq, fsharpHistory.Epochs |> List.map figures)

/// What a C# user writes for a model: one engine object per layer, the input size carried by hand.
let private buildWithCSharpApi (inputSize: int) (model: Model) =
    let network = NNTrainer.Training.Network(model.Seed)
    let mutable width = inputSize
    for layer in model.Layers do
        let engineLayer: NNTrainer.Layers.Layer =
            match layer with
            | Dense n -> NNTrainer.Layers.DenseLayer(width, n)
            | DenseWith(n, o) ->
                let initializer =
                    match o.Initializer with
                    | Initializer.Auto -> NNTrainer.Initialization.WeightInitializer.Auto
                    | Initializer.He -> NNTrainer.Initialization.WeightInitializer.He
                    | Initializer.Glorot -> NNTrainer.Initialization.WeightInitializer.Glorot
                    | Initializer.Book -> NNTrainer.Initialization.WeightInitializer.Book
                    | Initializer.PyTorch -> NNTrainer.Initialization.WeightInitializer.PyTorch
                NNTrainer.Layers.DenseLayer(width, n, o.WeightL1, o.WeightL2, o.BiasL1, o.BiasL2, initializer)
            | Dropout rate -> NNTrainer.Layers.DropoutLayer(rate)
            | ReLU -> NNTrainer.Activations.ReLUActivation()
            | LeakyReLU alpha -> NNTrainer.Activations.LeakyReLUActivation(alpha)
            | Sigmoid -> NNTrainer.Activations.SigmoidActivation()
            | Tanh -> NNTrainer.Activations.TanhActivation()
            | Softmax -> NNTrainer.Activations.SoftmaxActivation()
            | Linear -> NNTrainer.Activations.LinearActivation()
            | Engine description -> description.Create width
        match layer with
        | Dense n
        | DenseWith(n, _) -> width <- n
        | _ -> ()
        network.Add engineLayer |> ignore
    let loss: NNTrainer.Losses.Loss =
        match Model.loss model with
        | CategoricalCrossEntropy -> NNTrainer.Losses.CategoricalCrossEntropyLoss()
        | BinaryCrossEntropy -> NNTrainer.Losses.BinaryCrossEntropyLoss()
        | MeanSquaredError -> NNTrainer.Losses.MeanSquaredErrorLoss()
        | MeanAbsoluteError -> NNTrainer.Losses.MeanAbsoluteErrorLoss()
    let optimizer: NNTrainer.Optimizers.Optimizer =
        match model.Optimizer with
        | Sgd o -> NNTrainer.Optimizers.SgdOptimizer(o.LearningRate, o.Decay, o.Momentum, o.Nesterov)
        | AdaGrad o -> NNTrainer.Optimizers.AdaGradOptimizer(o.LearningRate, o.Decay, o.Epsilon)
        | RmsProp o -> NNTrainer.Optimizers.RmsPropOptimizer(o.LearningRate, o.Decay, o.Epsilon, o.Rho)
        | Adam o -> NNTrainer.Optimizers.AdamOptimizer(o.LearningRate, o.Decay, o.Epsilon, o.Beta1, o.Beta2)
        | AdamW o -> NNTrainer.Optimizers.AdamWOptimizer(o.LearningRate, o.WeightDecay, o.Decay, o.Epsilon, o.Beta1, o.Beta2)
    network.Set(loss, optimizer) |> ignore
    network

[<Property(MaxTest = 240)>]
let ``any model trained through either API is the same model`` () =
    let cases = gen {
        let! case = modelCase
        let! options = trainOptions case.Samples
        return case, options }
    Prop.forAll (Arb.fromGen cases) (fun (c, options) ->
        let csharp = buildWithCSharpApi c.InputSize c.Model
        let fitOptions =
            NNTrainer.Training.FitOptions(
                Epochs = options.Epochs,
                BatchSize = Option.toNullable options.BatchSize,
                Shuffle = options.Shuffle,
                ValidationFraction = (match options.Validation with Holdout f -> f | _ -> 0.0))
        let data = c.Data
        csharp.Fit(data.Inputs, data.Targets, fitOptions) |> ignore
        let fsharp, _ = c.Model |> Network.fit options c.Data
        Assert.Equal<byte[]>(bytes csharp, bytes fsharp))

[<Fact>]
let ``an engine layer that describes itself is usable from F# without a case of its own`` () =
    let struct (x, labels) = NNTrainer.Data.SyntheticData.Spiral(40, 3, seed = 1)
    let csharp = NNTrainer.Training.Network(seed = 7)
    csharp
        .Add(NNTrainer.Layers.DenseLayer(2, 16))
        .Add(NNTrainer.Layers.LayerNormalizationLayer(16, 1e-3f))
        .Add(NNTrainer.Activations.ReLUActivation())
        .Add(NNTrainer.Layers.DenseLayer(16, 3))
        .Add(NNTrainer.Activations.SoftmaxActivation())
        .Set(NNTrainer.Losses.CategoricalCrossEntropyLoss(), NNTrainer.Optimizers.AdamOptimizer())
    |> ignore
    csharp.Fit(x, labels, NNTrainer.Training.FitOptions(Epochs = 4, BatchSize = 16)) |> ignore
    let layers = [ Dense 16; Engine(NNTrainer.Layers.LayerNormalizationLayer.Description(1e-3f)); ReLU; Dense 3; Softmax ]
    let fsharp, _ =
        Model.ofLayers layers
        |> Model.withSeed 7
        |> Network.fit { TrainOptions.defaults with Epochs = 4; BatchSize = Some 16 } (Data.spiral 40 3 1)
    Assert.Equal<byte[]>(bytes csharp, bytes fsharp)
    // A saved model comes back as the same description, and the widths follow from it.
    let reloaded = Network.ofBytes (bytes fsharp) |> Network.describe
    Assert.Equal<Layer list>(layers, reloaded.Layers)
    Assert.Equal<int list>([ 16; 16; 16; 3; 3 ], Model.outputSizes 2 reloaded)
