module NNTrainer.FSharp.Tests.ModelTests

open Xunit
open NNTrainer.FSharp

[<Fact>]
let ``the loss follows the output layer unless the model names one`` () =
    Assert.Equal(CategoricalCrossEntropy, Model.ofLayers [ Dense 3; Softmax ] |> Model.loss)
    Assert.Equal(BinaryCrossEntropy, Model.ofLayers [ Dense 1; Sigmoid ] |> Model.loss)
    Assert.Equal(MeanSquaredError, Model.ofLayers [ Dense 1; Linear ] |> Model.loss)
    Assert.Equal(MeanSquaredError, Model.ofLayers [ Dense 1 ] |> Model.loss)
    Assert.Equal(MeanSquaredError, Model.ofLayers [] |> Model.loss)
    Assert.Equal(MeanAbsoluteError, Model.ofLayers [ Dense 1; Linear ] |> Model.withLoss MeanAbsoluteError |> Model.loss)

[<Fact>]
let ``output sizes follow the dense layers`` () =
    let model = Model.ofLayers [ Dropout 0.2f; Dense 64; ReLU; DenseWith(10, DenseOptions.defaults); Softmax ]
    Assert.Equal<int list>([ 784; 64; 64; 10; 10 ], Model.outputSizes 784 model)

[<Fact>]
let ``the pipeline functions set one field each`` () =
    let model =
        Model.ofLayers [ Dense 1 ]
        |> Model.withLoss MeanAbsoluteError
        |> Model.withOptimizer Optimizer.sgd
        |> Model.withSeed 7
        |> Model.withInputSize 3
        |> Model.withThreads 2
    let expected =
        { Layers = [ Dense 1 ]
          Loss = Some MeanAbsoluteError
          Optimizer = Sgd { LearningRate = 1f; Decay = 0f; Momentum = 0f; Nesterov = false }
          Seed = 7
          InputSize = Some 3
          NumberOfThreads = 2
          LabelSmoothing = 0f }
    Assert.Equal(expected, model)

[<Fact>]
let ``the default model is Adam, seed 0, one thread, sizes and loss from the data and layers`` () =
    Assert.Equal(
        { Layers = []
          Loss = None
          Optimizer = Adam { LearningRate = 0.001f; Decay = 0f; Epsilon = 1e-7f; Beta1 = 0.9f; Beta2 = 0.999f }
          Seed = 0
          InputSize = None
          NumberOfThreads = 1
          LabelSmoothing = 0f },
        Model.defaults)

[<Fact>]
let ``the thread count does not change the result`` () =
    let model = Model.ofLayers [ Dense 40; ReLU; Dense 3; Softmax ] |> Model.withSeed 3
    let options = { TrainOptions.defaults with Epochs = 3; BatchSize = Some 64 }
    let data = Data.spiral 100 3 0
    let one, _ = model |> Network.fit options data
    let two, _ = model |> Model.withThreads 2 |> Network.fit options data
    Assert.Equal<float32[][]>(one |> Network.predict (Matrix.toRows data.Inputs), two |> Network.predict (Matrix.toRows data.Inputs))
