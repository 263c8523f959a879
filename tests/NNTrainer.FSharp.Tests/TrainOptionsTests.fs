module NNTrainer.FSharp.Tests.TrainOptionsTests

open System.Threading
open Xunit
open NNTrainer.FSharp

[<Fact>]
let ``the defaults are the engine's`` () =
    let d = TrainOptions.defaults
    Assert.Equal(10, d.Epochs)
    Assert.Equal(Some 32, d.BatchSize)
    Assert.True d.Shuffle
    Assert.Equal(NoValidation, d.Validation)
    Assert.Equal(None, d.EarlyStopping)
    Assert.True d.OnEpochEnd.IsNone
    Assert.Equal(CancellationToken.None, d.CancellationToken)
    Assert.True d.ValidateInputs
    Assert.Equal({ Patience = 5; MinDelta = 0.0; RestoreBestWeights = true }, EarlyStopping.defaults)

[<Fact>]
let ``a full batch trains one step per epoch`` () =
    let network, _ =
        Model.ofLayers [ Dense 3; Softmax ]
        |> Network.fit { TrainOptions.defaults with Epochs = 4; BatchSize = None } (Data.spiral 50 3 0)
    Assert.Equal(4L, (nonNull network.Optimizer).Iterations)
    let batched, _ =
        Model.ofLayers [ Dense 3; Softmax ]
        |> Network.fit { TrainOptions.defaults with Epochs = 4; BatchSize = Some 32 } (Data.spiral 50 3 0)
    Assert.Equal(4L * 5L, (nonNull batched.Optimizer).Iterations)

[<Fact>]
let ``convolutional options are the default length of the ML.NET trainer and nntrainer`` () =
    let c = TrainOptions.convolutional 4_800
    Assert.Equal(13, c.Epochs)
    Assert.Equal(NoValidation, c.Validation)
    Assert.Equal(None, c.EarlyStopping)
    Assert.Equal(TrainOptions.defaults.BatchSize, c.BatchSize)
    Assert.Equal(NNTrainer.Training.ConvolutionalDefaults.For(4_800L).Epochs, c.Epochs)
    Assert.Equal(50, (TrainOptions.convolutional 150).Epochs)
    Assert.Equal(5, (TrainOptions.convolutional 60_000).Epochs)
    Assert.Throws<System.ArgumentOutOfRangeException>(fun () -> TrainOptions.convolutional 0 |> ignore) |> ignore

[<Fact>]
let ``a convolutional network trained with the convolutional options runs their epochs`` () =
    let images = Data.ofLabels [ for i in 0 .. 239 -> Array.init 64 (fun p -> if (p / 8 + i) % 2 = 0 then 0.8f else float32 ((i * 7 + p * 13) % 10) / 10.0f) ] [| for i in 0 .. 239 -> (if i % 5 = 0 then (i / 5) % 2 else i % 2) |]
    let network = Architectures.shallowNet (Architectures.shape 1 8 8) 2 1
    let history = network |> Network.train (TrainOptions.convolutional (Data.count images)) images
    Assert.Equal(50, history.Epochs.Length)
