/// ML.NET from F#: save/load, bit-for-bit parity with the C# catalog methods, cross-validation and continued training.
module NNTrainer.FSharp.Tests.MLPersistenceTests

open System
open System.IO
open Microsoft.ML
open Xunit
open NNTrainer.ML
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.MLData
open NNTrainer.FSharp.Tests.MLFixtures

// ---- Save and load ----

let private reloads (fitted: Lazy<Fitted>) (scores: IDataView -> float32 list list) =
    let f = fitted.Force()
    let path = tempZip ()
    try
        f.Model |> ML.saveModel f.Context path f.Train.Schema
        let loaded, schema = ML.loadModel (MLContext()) path
        Assert.Equal(f.Train.Schema.Count, schema.Count)
        Assert.Equal(None, ML.tryFindNeuralNetwork loaded)
        let before = scores (f.Model.Transform f.Test)
        let after = scores (loaded.Transform f.Test)
        Assert.Equal(before.Length, after.Length)
        Assert.Equal<int list list>(before |> List.map bits, after |> List.map bits)
        f, loaded
    finally
        File.Delete path

[<Fact>]
let ``a saved multiclass model reloads with bit-identical scores and the same metrics`` () =
    let f, loaded =
        reloads flowerModel (fun view -> ML.toRecords<FlowerPrediction> (MLContext()) view |> List.map (_.Score >> List.ofArray))
    Assert.Equal(ML.evaluateMulticlass f.Context "Label" (f.Model.Transform f.Test), ML.evaluateMulticlass f.Context "Label" (loaded.Transform f.Test))
    let predict = ML.predictor<Flower, FlowerPrediction> f.Context loaded
    Assert.Equal("virginica", (predict { Species = ""; Length = 20f; Width = 4.5f; Height = 50f }).PredictedLabel)
    Assert.Equal<byte[]>(Network.toBytes (ML.network f.Model), Network.toBytes (ML.network loaded))
    let e = Assert.Throws<ArgumentException>(fun () -> ML.history loaded |> ignore)
    Assert.Contains("reloaded with mlContext.Model.Load", e.Message)

[<Fact>]
let ``a saved binary model reloads with bit-identical scores and the same metrics`` () =
    let f, loaded =
        reloads pointModel (fun view -> ML.toRecords<PointPrediction> (MLContext()) view |> List.map (fun p -> [ p.Score; p.Probability ]))
    Assert.Equal(ML.evaluateBinary f.Context "Inside" (f.Model.Transform f.Test), ML.evaluateBinary f.Context "Inside" (loaded.Transform f.Test))

[<Fact>]
let ``a saved regression model reloads with bit-identical scores and the same metrics`` () =
    let f, loaded = reloads houseModel (fun view -> ML.toRecords<HousePrediction> (MLContext()) view |> List.map (fun p -> [ p.Score ]))
    Assert.Equal(ML.evaluateRegression f.Context "Price" (f.Model.Transform f.Test), ML.evaluateRegression f.Context "Price" (loaded.Transform f.Test))

// ---- Parity with the C# catalog ----

/// Trains the same pipeline twice from the same seed, once with each trainer, and returns both networks' bytes.
let private twice
    (train: 'T list)
    (pipeline: MLContext -> IEstimator<ITransformer> -> Microsoft.ML.Data.EstimatorChain<'M>)
    fsharpTrainer
    csharpTrainer
    =
    let run (trainer: MLContext -> IEstimator<ITransformer>) =
        let mlContext = MLContext(seed = 5)
        pipeline mlContext (trainer mlContext) |> ML.fit (ML.ofRecords mlContext train) :> ITransformer |> ML.network |> Network.toBytes
    run fsharpTrainer, run csharpTrainer

[<Fact>]
let ``the F# path and the C# simple overloads give bit-identical models`` () =
    let options = { ML.Options.defaults with HiddenLayers = [ Dense 16; ReLU ]; Epochs = Some 10; BatchSize = 32 }
    let fs, cs =
        twice (flowers 30 1) (fun mlContext trainer -> flowerPipeline mlContext trainer)
            (fun mlContext -> ML.multiclass mlContext options |> ML.estimator)
            (fun mlContext -> mlContext.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers = [| 16 |], numberOfEpochs = 10, batchSize = 32) |> ML.estimator)
    Assert.Equal<byte[]>(cs, fs)
    let fs, cs =
        twice (points 120 1) (fun _ trainer -> pointPipeline trainer)
            (fun mlContext -> ML.binary mlContext { options with LabelColumnName = "Inside" } |> ML.estimator)
            (fun mlContext -> mlContext.BinaryClassification.Trainers.NeuralNetwork("Inside", hiddenLayers = [| 16 |], numberOfEpochs = 10, batchSize = 32) |> ML.estimator)
    Assert.Equal<byte[]>(cs, fs)
    let fs, cs =
        twice (houses 120 1) housePipeline
            (fun mlContext -> ML.regression mlContext { options with LabelColumnName = "Price" } |> ML.estimator)
            (fun mlContext -> mlContext.Regression.Trainers.NeuralNetwork("Price", hiddenLayers = [| 16 |], numberOfEpochs = 10, batchSize = 32) |> ML.estimator)
    Assert.Equal<byte[]>(cs, fs)

[<Fact>]
let ``the F# path and the C# Options overloads give bit-identical models with every option set`` () =
    let fsharp =
        { ML.Options.defaults with
            HiddenLayers = [ Dense 12; Tanh; Dropout 0.1f; Dense 6; Tanh; Dropout 0.1f ]
            Epochs = Some 12
            BatchSize = 16
            Optimizer = Sgd { LearningRate = 0.05f; Decay = 1e-3f; Momentum = 0.8f; Nesterov = false }
            L1Regularization = 1e-5f
            L2Regularization = 1e-4f
            Seed = Some 11
            NumberOfThreads = Some 2
            ValidationSetFraction = Some 0.2f
            EarlyStoppingPatience = Some 3 }
    let fill (o: NeuralNetworkOptionsBase) =
        o.HiddenLayers <- [| 12; 6 |]
        o.Activation <- NeuralNetworkActivation.Tanh
        o.DropoutRate <- 0.1f
        o.NumberOfEpochs <- Nullable 12
        o.BatchSize <- 16
        o.Optimizer <- NeuralNetworkOptimizer.Sgd
        o.LearningRate <- Nullable 0.05f
        o.LearningRateDecay <- 1e-3f
        o.Momentum <- 0.8f
        o.L1Regularization <- 1e-5f
        o.L2Regularization <- 1e-4f
        o.Seed <- Nullable 11
        o.NumberOfThreads <- Nullable 2
        o.ValidationSetFraction <- 0.2f
        o.EarlyStoppingPatience <- 3
    let fs, cs =
        twice (flowers 30 1) flowerPipeline
            (fun mlContext -> ML.multiclass mlContext fsharp |> ML.estimator)
            (fun mlContext ->
                let o = NeuralNetworkMulticlassTrainer.Options()
                fill o
                mlContext.MulticlassClassification.Trainers.NeuralNetwork o |> ML.estimator)
    Assert.Equal<byte[]>(cs, fs)
    let fs, cs =
        twice (points 120 1) (fun _ trainer -> pointPipeline trainer)
            (fun mlContext -> ML.binary mlContext { fsharp with LabelColumnName = "Inside" } |> ML.estimator)
            (fun mlContext ->
                let o = NeuralNetworkBinaryTrainer.Options(LabelColumnName = "Inside")
                fill o
                mlContext.BinaryClassification.Trainers.NeuralNetwork o |> ML.estimator)
    Assert.Equal<byte[]>(cs, fs)
    let fs, cs =
        twice (houses 120 1) housePipeline
            (fun mlContext -> ML.regression mlContext { fsharp with LabelColumnName = "Price"; StandardizeLabel = false; Optimizer = Optimizer.rmsProp } |> ML.estimator)
            (fun mlContext ->
                let o = NeuralNetworkRegressionTrainer.Options(LabelColumnName = "Price", StandardizeLabel = false)
                fill o
                o.Optimizer <- NeuralNetworkOptimizer.RmsProp
                o.LearningRate <- Nullable 0.001f
                o.LearningRateDecay <- 0f
                mlContext.Regression.Trainers.NeuralNetwork o |> ML.estimator)
    Assert.Equal<byte[]>(cs, fs)

// ---- Cross-validation ----

[<Fact>]
let ``cross-validation takes an F# pipeline and returns each fold's metrics`` () =
    let mlContext = MLContext(seed = 0)
    let multiclass =
        flowerPipeline mlContext (ML.multiclass mlContext quick)
        |> fun pipeline -> ML.crossValidateMulticlass mlContext 3 "Label" pipeline (ML.ofRecords mlContext (flowers 40 1))
    Assert.Equal(3, multiclass.Length)
    for fold in multiclass do
        Assert.True(fold.MicroAccuracy >= 0.9, $"%A{fold}")
    let binary = ML.crossValidateBinary mlContext 2 "Inside" (pointPipeline (ML.binary mlContext pointOptions)) (ML.ofRecords mlContext (points 300 1))
    Assert.Equal(2, binary.Length)
    for fold in binary do
        Assert.True(fold.AreaUnderRocCurve >= 0.9, $"%A{fold}")
    let regression =
        ML.crossValidateRegression mlContext 2 "Price" (housePipeline mlContext (ML.regression mlContext houseOptions)) (ML.ofRecords mlContext (houses 300 1))
    Assert.Equal(2, regression.Length)
    for fold in regression do
        Assert.True(fold.RSquared >= 0.95, $"%A{fold}")

// ---- Continued training ----

[<Fact>]
let ``fitFrom continues a reloaded model exactly as the fitted one, and refuses a network of another shape`` () =
    let f = pointModel.Force()
    let path = tempZip ()
    try
        f.Model |> ML.saveModel f.Context path f.Train.Schema
        let loaded, _ = ML.loadModel (MLContext()) path
        let more = { pointOptions with Epochs = Some 5; Seed = Some 1 }
        let mlContext = MLContext(seed = 0)
        let fromLive = ML.binary mlContext more |> ML.fitFrom (ML.network f.Model) f.Train
        let fromLoaded = ML.binary mlContext more |> ML.fitFrom (ML.network loaded) f.Train
        Assert.Equal<byte[]>(Network.toBytes fromLive.Network, Network.toBytes fromLoaded.Network)
        Assert.Equal(5, (ML.history fromLive).Epochs.Length)
        Assert.True((ML.history fromLive).Epochs.Head.Loss < (ML.history f.Model).Epochs.Head.Loss, "continues from the trained weights")
        let e =
            Assert.Throws<ArgumentException>(fun () ->
                ML.binary mlContext { more with HiddenLayers = [ Dense 8; ReLU ] } |> ML.fitFrom (ML.network loaded) f.Train |> ignore)
        Assert.Contains("Dense(2→16) in the model but Dense(2→8) in the options", e.Message)
    finally
        File.Delete path

[<Fact>]
let ``the example weight column and the kept optimizer state reach the C# options`` () =
    Assert.Null(ML.Options.defaults.ExampleWeightColumnName |> Option.toObj)
    let options = { ML.Options.defaults with ExampleWeightColumnName = Some "Weight"; KeepOptimizerState = true }
    for csharp in [ ML.Options.toBinary options :> NeuralNetworkOptionsBase; ML.Options.toMulticlass options; ML.Options.toRegression options ] do
        Assert.Equal("Weight", csharp.ExampleWeightColumnName)
        Assert.True(csharp.KeepOptimizerState)
