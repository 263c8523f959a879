module NNTrainer.FSharp.Tests.TrainingTechniqueTests

open System
open Xunit
open NNTrainer.ML
open NNTrainer.FSharp

let private spiralModel optimizer =
    Model.ofLayers [ Dense 16; ReLU; Dense 3; Softmax ] |> Model.withOptimizer optimizer |> Model.withSeed 3

[<Fact>]
let ``AdamW, Nesterov and label smoothing reach the engine and read back`` () =
    let adamW = AdamW { AdamWOptions.defaults with WeightDecay = 0.05f }
    let network = spiralModel adamW |> Model.withLabelSmoothing 0.1f |> Network.build 2
    match network.Optimizer with
    | :? NNTrainer.Optimizers.AdamWOptimizer as o -> Assert.Equal(0.05f, o.WeightDecay)
    | other -> failwith $"got {other}"
    let described = Network.describe network
    Assert.Equal(adamW, described.Optimizer)
    Assert.Equal(0.1f, described.LabelSmoothing)
    let nesterov = Sgd { SgdOptions.defaults with LearningRate = 0.1f; Momentum = 0.9f; Nesterov = true }
    match (spiralModel nesterov |> Network.build 2).Optimizer with
    | :? NNTrainer.Optimizers.SgdOptimizer as o -> Assert.True o.Nesterov
    | other -> failwith $"got {other}"

[<Fact>]
let ``label smoothing on a regression loss is an error naming it`` () =
    let model = Model.ofLayers [ Dense 1 ] |> Model.withLabelSmoothing 0.1f
    let error = Assert.Throws<ArgumentException>(fun () -> Network.build 2 model |> ignore)
    Assert.Equal("LabelSmoothing", error.ParamName)

[<Fact>]
let ``a schedule sets each epoch's rate`` () =
    let options = { TrainOptions.defaults with Epochs = 4; BatchSize = None; Schedule = Some(StepDecay(0.5f, 2)) }
    let _, history = spiralModel (Sgd { SgdOptions.defaults with LearningRate = 0.4f }) |> Network.fit options (Data.spiral 20 3 0)
    // α = 0.4·0.5^⌊(1 + e)/2⌋ for e = 0 … 3
    Assert.Equal<float32>([ 0.4f; 0.2f; 0.2f; 0.1f ], history.Epochs |> List.map (fun e -> e.LearningRate))

[<Fact>]
let ``the schedules carry the engine's defaults`` () =
    Assert.Equal(StepDecay(0.25f, 5), Schedule.stepDecay)
    Assert.Equal(ExponentialDecay 0.95f, Schedule.exponentialDecay)
    Assert.Equal(Cosine(0, 0f), Schedule.cosine)
    Assert.Equal(OneCycle(0.3f, 25f, 1e4f), Schedule.oneCycle)
    Assert.Equal(ReduceOnPlateau(0.1f, 10, 0f, 0), Schedule.reduceOnPlateau)
    Assert.IsType<NNTrainer.Optimizers.Schedules.CosineSchedule>(Schedule.toEngine (Cosine(2, 1e-4f))) |> ignore

[<Fact>]
let ``gradient clipping bounds the first full-batch step`` () =
    let model = spiralModel (Sgd { SgdOptions.defaults with LearningRate = 1f })
    let data = Data.spiral 20 3 0
    let network = Network.build 2 model
    let before = network.Parameters |> Seq.collect (fun p -> p.Values) |> Array.ofSeq
    Network.train { TrainOptions.defaults with Epochs = 1; BatchSize = None; GradientClipNorm = Some 0.01f } data network |> ignore
    let after = network.Parameters |> Seq.collect (fun p -> p.Values) |> Array.ofSeq
    let moved = Array.map2 (fun (a: float32) b -> float (a - b) ** 2.0) before after |> Array.sum |> sqrt
    Assert.InRange(moved, 0.0099, 0.0101)

[<Fact>]
let ``the ML.NET options take the new settings`` () =
    let options =
        { ML.Options.defaults with
            Optimizer = AdamW { AdamWOptions.defaults with WeightDecay = 0.02f }
            Schedule = Some(OneCycle(0.25f, 10f, 100f))
            GradientClipNorm = 2f
            LabelSmoothing = 0.1f }
    let multiclass = ML.Options.toMulticlass options
    Assert.Equal(NeuralNetworkOptimizer.AdamW, multiclass.Optimizer)
    Assert.Equal(0.02f, multiclass.WeightDecay)
    Assert.Equal(0.25f, (nonNull multiclass.LearningRateSchedule :?> NNTrainer.Optimizers.Schedules.OneCycleSchedule).PctStart)
    Assert.Equal(2f, multiclass.GradientClipNorm)
    Assert.Equal(0.1f, multiclass.LabelSmoothing)
    Assert.Equal(0.1f, (ML.Options.toBinary options).LabelSmoothing)
    let nesterov = ML.Options.toBinary { ML.Options.defaults with Optimizer = Sgd { SgdOptions.defaults with Momentum = 0.9f; Nesterov = true } }
    Assert.True nesterov.UseNesterovMomentum
    let error = Assert.Throws<ArgumentException>(fun () -> ML.Options.toRegression options |> ignore)
    Assert.Contains("LabelSmoothing", error.Message)

[<Fact>]
let ``the reference step runs on request and the history names the step`` () =
    let data = Data.spiral 20 3 0
    let train execution =
        let network = Network.build 2 (spiralModel (Sgd { SgdOptions.defaults with LearningRate = 0.5f }))
        let history = Network.train { TrainOptions.defaults with Epochs = 2; Execution = execution } data network
        history, network.Parameters |> Seq.collect (fun p -> p.Values) |> Array.ofSeq
    Assert.Equal(NNTrainer.Training.TrainingExecution.Auto, TrainOptions.defaults.Execution)
    let auto, autoWeights = train NNTrainer.Training.TrainingExecution.Auto
    let reference, referenceWeights = train NNTrainer.Training.TrainingExecution.Reference
    Assert.Equal(NNTrainer.Training.TrainingStepNames.Reference, reference.TrainingStep)
    Assert.NotEqual<string>(NNTrainer.Training.TrainingStepNames.Reference, auto.TrainingStep)
    Assert.Equal<float32[]>(referenceWeights, autoWeights)
