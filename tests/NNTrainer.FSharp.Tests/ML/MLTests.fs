/// ML.NET from F#: options records, pipelines for the three tasks from F# records, metrics records, prediction
/// functions over [<CLIMutable>] records, save/load, and bit-for-bit parity with the C# catalog methods.
module NNTrainer.FSharp.Tests.MLTests

open System
open System.IO
open Microsoft.ML
open Xunit
open NNTrainer.ML
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.MLData

// Small networks on small tables: each model trains in a fraction of a second.
let private quick =
    { ML.Options.defaults with
        HiddenLayers = [ Dense 16; ReLU ]
        L2Regularization = 0f
        Epochs = Some 40
        BatchSize = 32
        Optimizer = Adam { AdamOptions.defaults with LearningRate = 0.01f }
        NumberOfThreads = Some 1 }

let private flowerPipeline (mlContext: MLContext) (trainer: IEstimator<'T>) =
    ML.pipeline
    |> ML.append (mlContext.Transforms.Conversion.MapValueToKey("Label", "Species"))
    |> ML.append (mlContext.Transforms.Concatenate("Features", "Length", "Width", "Height"))
    |> ML.append (mlContext.Transforms.NormalizeMinMax "Features")
    |> ML.append trainer
    |> ML.append (mlContext.Transforms.Conversion.MapKeyToValue "PredictedLabel")

let private pointPipeline (trainer: IEstimator<'T>) = ML.pipeline |> ML.append trainer

let private housePipeline (mlContext: MLContext) (trainer: IEstimator<'T>) =
    ML.pipeline
    |> ML.append (mlContext.Transforms.Concatenate("Features", "Size", "Age"))
    |> ML.append (mlContext.Transforms.NormalizeMeanVariance "Features")
    |> ML.append trainer

let private pointOptions = { quick with LabelColumnName = "Inside" }
let private houseOptions = { quick with LabelColumnName = "Price" }

type private Fitted =
    { Context: MLContext
      Model: ITransformer
      Train: IDataView
      Test: IDataView }

// Trained once and shared by the tests that only read the models.
let private fitted (train: 'T list) (test: 'T list) (pipeline: MLContext -> IEstimator<'M>) =
    lazy
        (let mlContext = MLContext(seed = 0)
         let trainData = ML.ofRecords mlContext train
         { Context = mlContext
           Model = pipeline mlContext |> ML.fit trainData :> ITransformer
           Train = trainData
           Test = ML.ofRecords mlContext test })

let private flowerModel =
    fitted (flowers 100 1) (flowers 50 2) (fun mlContext -> flowerPipeline mlContext (ML.multiclass mlContext quick))

let private pointModel =
    fitted (points 400 1) (points 200 2) (fun mlContext -> pointPipeline (ML.binary mlContext pointOptions))

let private houseModel =
    fitted (houses 400 1) (houses 200 2) (fun mlContext -> housePipeline mlContext (ML.regression mlContext houseOptions))

let private tempZip () =
    Path.Combine(Path.GetTempPath(), $"nntrainer-fsharp-ml-{Guid.NewGuid():N}.zip")

let private bits (values: float32 seq) = values |> Seq.map BitConverter.SingleToInt32Bits |> List.ofSeq

// ---- Options ----

[<Fact>]
let ``the default options are the trainers' own defaults`` () =
    let csharp = NeuralNetworkMulticlassTrainer.Options()
    let fsharp = ML.Options.toMulticlass ML.Options.defaults
    Assert.Equal<int[]>(csharp.HiddenLayers, fsharp.HiddenLayers)
    Assert.Equal<int[]>([| 100 |], fsharp.HiddenLayers)
    Assert.Equal(0.001f, fsharp.L2Regularization)
    Assert.Equal(csharp.Activation, fsharp.Activation)
    Assert.Equal(csharp.NumberOfEpochs, fsharp.NumberOfEpochs)
    Assert.Equal(csharp.BatchSize, fsharp.BatchSize)
    Assert.Equal(csharp.Optimizer, fsharp.Optimizer)
    // The C# default is null, meaning Adam's 0.001; the F# options say it.
    Assert.Equal(Nullable 0.001f, fsharp.LearningRate)
    Assert.Equal(csharp.LearningRateDecay, fsharp.LearningRateDecay)
    Assert.Equal(csharp.L1Regularization, fsharp.L1Regularization)
    Assert.Equal(csharp.L2Regularization, fsharp.L2Regularization)
    Assert.Equal(csharp.DropoutRate, fsharp.DropoutRate)
    Assert.Equal(csharp.Seed, fsharp.Seed)
    Assert.Equal(csharp.NumberOfThreads, fsharp.NumberOfThreads)
    Assert.Equal(csharp.ValidationSetFraction, fsharp.ValidationSetFraction)
    Assert.Equal(csharp.EarlyStoppingPatience, fsharp.EarlyStoppingPatience)
    Assert.Equal(csharp.SkipNonFiniteRows, fsharp.SkipNonFiniteRows)
    Assert.Null fsharp.EpochEnded
    Assert.Equal(csharp.LabelColumnName, fsharp.LabelColumnName)
    Assert.Equal(csharp.FeatureColumnName, fsharp.FeatureColumnName)
    Assert.True((ML.Options.toRegression ML.Options.defaults).StandardizeLabel)
    Assert.Equal(csharp.ScaleL2ForSmallData, fsharp.ScaleL2ForSmallData)
    Assert.Equal(csharp.ScaleL2ForLargeData, fsharp.ScaleL2ForLargeData)
    Assert.Equal(csharp.CrossValidateL2OnSmallData, fsharp.CrossValidateL2OnSmallData)
    Assert.Equal(csharp.SelectModelOnSmallData, fsharp.SelectModelOnSmallData)
    Assert.False ML.Options.defaults.SelectModelOnSmallData
    Assert.True (ML.Options.toMulticlass { ML.Options.defaults with SelectModelOnSmallData = true }).SelectModelOnSmallData
    Assert.Equal(csharp.StandardizeFeatures, fsharp.StandardizeFeatures)
    Assert.True(ML.Options.defaults.ScaleL2ForSmallData && ML.Options.defaults.ScaleL2ForLargeData)
    Assert.True(ML.Options.defaults.CrossValidateL2OnSmallData && ML.Options.defaults.StandardizeFeatures)
    Assert.Equal(csharp.AnnealLearningRateOnLargeData, fsharp.AnnealLearningRateOnLargeData)
    Assert.True(ML.Options.defaults.AnnealLearningRateOnLargeData)

[<Fact>]
let ``the L2 rules, feature standardisation and the large-data decay can be switched off`` () =
    let off =
        { ML.Options.defaults with
            ScaleL2ForSmallData = false
            ScaleL2ForLargeData = false
            CrossValidateL2OnSmallData = false
            StandardizeFeatures = false
            AnnealLearningRateOnLargeData = false }
    let regression = ML.Options.toRegression off
    Assert.False(regression.ScaleL2ForSmallData || regression.ScaleL2ForLargeData || regression.CrossValidateL2OnSmallData || regression.StandardizeFeatures)
    Assert.False regression.AnnealLearningRateOnLargeData
    let binary = ML.Options.toBinary { ML.Options.defaults with ScaleL2ForLargeData = false }
    Assert.Equal((true, false, true, true), (binary.ScaleL2ForSmallData, binary.ScaleL2ForLargeData, binary.CrossValidateL2OnSmallData, binary.StandardizeFeatures))

[<Fact>]
let ``hidden layers become sizes, one activation and one dropout rate`` () =
    let options =
        ML.Options.toBinary
            { ML.Options.defaults with
                HiddenLayers = [ Dense 12; Tanh; Dropout 0.25f; Dense 6; Tanh; Dropout 0.25f ] }
    Assert.Equal<int[]>([| 12; 6 |], options.HiddenLayers)
    Assert.Equal(NeuralNetworkActivation.Tanh, options.Activation)
    Assert.Equal(0.25f, options.DropoutRate)
    let leaky = ML.Options.toBinary { ML.Options.defaults with HiddenLayers = [ Dense 3; LeakyReLU 0.01f ] }
    Assert.Equal(NeuralNetworkActivation.LeakyReLU, leaky.Activation)
    Assert.Equal(0f, leaky.DropoutRate)
    let sigmoid = ML.Options.toBinary { ML.Options.defaults with HiddenLayers = [ Dense 3; Sigmoid ] }
    Assert.Equal(NeuralNetworkActivation.Sigmoid, sigmoid.Activation)
    let linear = ML.Options.toBinary { ML.Options.defaults with HiddenLayers = [] }
    Assert.Empty linear.HiddenLayers

let badLayerLists =
    let data = TheoryData<Layer list, string>()
    for layers, message in
        [ [ Dense 8; ReLU; Dense 3; Softmax ], "HiddenLayers[3] is Softmax"
          [ Dense 8; ReLU; Dense 4; Tanh ], "HiddenLayers[3] is Tanh, but the first group uses ReLU"
          [ Dense 8; ReLU; Dropout 0.1f; Dense 4; ReLU ], "HiddenLayers[3] has no dropout, but the first has Dropout 0.1f"
          [ Dense 8; ReLU; Dense 4 ], "HiddenLayers[2] is Dense 4 with no activation"
          [ Dense 8; Dropout 0.1f; ReLU ], "HiddenLayers[1] is Dropout 0.1"
          [ Dense 8; LeakyReLU 0.2f ], "HiddenLayers[1] is LeakyReLU 0.2: the ML.NET trainers use a slope of 0.01"
          [ DenseWith(8, DenseOptions.defaults); ReLU ], "HiddenLayers[0] is DenseWith 8"
          [ ReLU; Dense 8; ReLU ], "HiddenLayers[0] is ReLU where a Dense layer should start"
          [ Dense 8; Linear ], "HiddenLayers[1] is Linear: list the hidden layers only" ]
        do
        data.Add(layers, message)
    data

[<Theory>]
[<MemberData(nameof badLayerLists)>]
let ``hidden layers the trainers cannot build are refused with the entry named`` (layers: Layer list, message: string) =
    let options = { ML.Options.defaults with HiddenLayers = layers }
    let e = Assert.Throws<ArgumentException>(fun () -> ML.multiclass (MLContext()) options |> ignore)
    Assert.Equal("options", e.ParamName)
    Assert.Contains(message, e.Message)

[<Fact>]
let ``optimizers carry their learning rate, decay and momentum`` () =
    let sgd =
        ML.Options.toRegression
            { ML.Options.defaults with Optimizer = Sgd { LearningRate = 0.05f; Decay = 1e-3f; Momentum = 0.5f; Nesterov = false } }
    Assert.Equal(NeuralNetworkOptimizer.Sgd, sgd.Optimizer)
    Assert.Equal(Nullable 0.05f, sgd.LearningRate)
    Assert.Equal(1e-3f, sgd.LearningRateDecay)
    Assert.Equal(0.5f, sgd.Momentum)
    let rms = ML.Options.toRegression { ML.Options.defaults with Optimizer = RmsProp { RmsPropOptions.defaults with LearningRate = 0.002f } }
    Assert.Equal(NeuralNetworkOptimizer.RmsProp, rms.Optimizer)
    Assert.Equal(Nullable 0.002f, rms.LearningRate)
    let adaGrad = ML.Options.toRegression { ML.Options.defaults with Optimizer = Optimizer.adaGrad }
    Assert.Equal(NeuralNetworkOptimizer.AdaGrad, adaGrad.Optimizer)
    Assert.Equal(Nullable 1f, adaGrad.LearningRate)

[<Fact>]
let ``optimizer settings the trainers fix are refused by name`` () =
    let refuse optimizer (message: string) =
        let e = Assert.Throws<ArgumentException>(fun () -> ML.Options.toMulticlass { ML.Options.defaults with Optimizer = optimizer } |> ignore)
        Assert.Contains(message, e.Message)
    refuse (Adam { AdamOptions.defaults with Beta1 = 0.8f }) "Adam with Beta1 = 0.9, not 0.8"
    refuse (Adam { AdamOptions.defaults with Epsilon = 1e-8f }) "Adam with Epsilon"
    refuse (RmsProp { RmsPropOptions.defaults with Rho = 0.5f }) "RMSProp with Rho = 0.9, not 0.5"
    refuse (AdaGrad { AdaGradOptions.defaults with Epsilon = 1e-3f }) "AdaGrad with Epsilon"

[<Fact>]
let ``out-of-range options fail with the trainers' message naming the option`` () =
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.binary (MLContext()) { ML.Options.defaults with BatchSize = 0 } |> ignore)
    Assert.Contains("BatchSize", e.Message)
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.regression (MLContext()) { ML.Options.defaults with ValidationSetFraction = Some 1.5f } |> ignore)
    Assert.Contains("ValidationSetFraction", e.Message)
    // Fields named otherwise in C# (NumberOfEpochs, LearningRateDecay) are reported by their F# names.
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.multiclass (MLContext()) { ML.Options.defaults with Epochs = Some 0 } |> ignore)
    Assert.Equal("options.Epochs", e.ParamName)
    Assert.Contains("option Epochs: it must be at least 1", e.Message)
    let badDecay = Adam { AdamOptions.defaults with Decay = -1e-3f }
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.Options.toBinary { ML.Options.defaults with Optimizer = badDecay } |> ignore)
    Assert.Equal("options.Optimizer", e.ParamName)
    Assert.Contains("Decay", e.Message)

// ---- The three tasks from F# records ----

[<Fact>]
let ``a multiclass pipeline learns from F# records and reports metrics as a record`` () =
    let f = flowerModel.Force()
    let predictions = f.Model.Transform f.Test
    let metrics = predictions |> ML.evaluateMulticlass f.Context "Label"
    // Measured: accuracy 1.000, log loss 0.040 (the classes are well apart).
    Assert.True(metrics.MicroAccuracy >= 0.95, $"%A{metrics}")
    Assert.True(metrics.LogLoss < 0.3, $"%A{metrics}")
    Assert.Equal(3, metrics.PerClassLogLoss.Length)
    Assert.Empty metrics.TopKAccuracies
    Assert.Equal(150.0, metrics.ConfusionMatrix.Counts |> List.sumBy List.sum)
    Assert.Equal(metrics, f.Context.MulticlassClassification.Evaluate(predictions) |> ML.MulticlassMetrics.ofMLNet)
    let topK = f.Context.MulticlassClassification.Evaluate(predictions, topKPredictionCount = 2) |> ML.MulticlassMetrics.ofMLNet
    Assert.Equal(2, topK.TopKAccuracies.Length)
    Assert.Equal(metrics.MicroAccuracy, topK.TopKAccuracies[0])

[<Fact>]
let ``a binary pipeline learns from F# records and reports metrics as a record`` () =
    let f = pointModel.Force()
    let metrics = f.Model.Transform f.Test |> ML.evaluateBinary f.Context "Inside"
    // Measured: accuracy 0.965, AUC 0.997.
    Assert.True(metrics.Accuracy >= 0.9, $"%A{metrics}")
    Assert.True(metrics.AreaUnderRocCurve >= 0.95, $"%A{metrics}")
    Assert.True(metrics.LogLossReduction > 0.5, $"%A{metrics}")
    Assert.Equal(200.0, metrics.ConfusionMatrix.Counts |> List.sumBy List.sum)
    Assert.Equal(2, metrics.ConfusionMatrix.PerClassRecall.Length)

[<Fact>]
let ``a regression pipeline learns from F# records and reports metrics as a record`` () =
    let f = houseModel.Force()
    let metrics = f.Model.Transform f.Test |> ML.evaluateRegression f.Context "Price"
    // Measured: R² 0.993.
    Assert.True(metrics.RSquared >= 0.98, $"%A{metrics}")
    Assert.Equal(1.0, metrics.RootMeanSquaredError * metrics.RootMeanSquaredError / metrics.MeanSquaredError, 6)
    Assert.Equal(1.0, metrics.LossFunction / metrics.MeanSquaredError, 6)
    Assert.True(metrics.MeanAbsoluteError <= metrics.RootMeanSquaredError)

[<Fact>]
let ``the fitted model gives its network and history to the F# functions`` () =
    let f = flowerModel.Force()
    let network = ML.network f.Model
    Assert.Equal<Layer list>([ Dense 16; ReLU; Dense 3; Softmax ], (Network.describe network).Layers)
    Assert.Equal(Some 3, (Network.describe network).InputSize)
    let history = ML.history f.Model
    Assert.Equal<int list>([ 1..40 ], history.Epochs |> List.map _.Number)
    Assert.Equal(Completed, history.StopReason)
    Assert.True((History.last history).Value.Accuracy > 0.95, $"%A{History.last history}")
    Assert.Same(network, (ML.tryFindNeuralNetwork f.Model).Value.Network)

[<Fact>]
let ``OnEpochEnd receives every epoch as an F# record`` () =
    let mlContext = MLContext(seed = 0)
    let seen = ResizeArray<Epoch>()
    let options = { pointOptions with Epochs = Some 5; OnEpochEnd = Some seen.Add }
    let model = pointPipeline (ML.binary mlContext options) |> ML.fit (ML.ofRecords mlContext (points 100 1))
    Assert.Equal<Epoch list>((ML.history model).Epochs |> List.map (fun e -> { e with Elapsed = TimeSpan.Zero }),
                             seen |> Seq.map (fun e -> { e with Elapsed = TimeSpan.Zero }) |> List.ofSeq)
    Assert.Equal<int list>([ 1..5 ], seen |> Seq.map _.Number |> List.ofSeq)

[<Fact>]
let ``a model without a neural network says so`` () =
    let mlContext = MLContext()
    let data = ML.ofRecords mlContext (houses 10 1)
    let model = mlContext.Transforms.Concatenate("Features", "Size", "Age") |> ML.fit data
    Assert.Equal(None, ML.tryFindNeuralNetwork model)
    let e = Assert.Throws<ArgumentException>(fun () -> ML.history model |> ignore)
    Assert.Contains("holds no NNTrainer neural network", e.Message)

[<Fact>]
let ``the history of a reloaded model says its network is there but its history was not saved`` () =
    let mlContext = MLContext(seed = 0)
    let data = ML.ofRecords mlContext (points 50 1)
    let model = pointPipeline (ML.binary mlContext { pointOptions with Epochs = Some 2 }) |> ML.fit data
    use stream = new MemoryStream()
    mlContext.Model.Save(model, data.Schema, stream)
    stream.Position <- 0L
    let reloaded, _ = mlContext.Model.Load(stream)
    Assert.Equal((ML.network model).InputSize, (ML.network reloaded).InputSize)
    let e = Assert.Throws<ArgumentException>(fun () -> ML.history reloaded |> ignore)
    Assert.Contains("reloaded", e.Message)
    Assert.Contains("ML.network", e.Message)
    Assert.DoesNotContain("holds no NNTrainer neural network", e.Message)

[<Fact>]
let ``a label of the wrong type fails with the column named`` () =
    let mlContext = MLContext()
    let data = ML.ofRecords mlContext (houses 20 1)
    let pipeline = housePipeline mlContext (ML.binary mlContext { quick with LabelColumnName = "Price" })
    let e = Assert.ThrowsAny<ArgumentException>(fun () -> pipeline |> ML.fit data |> ignore)
    Assert.Contains("Column 'Price' is the label of the binary neural network and must be Boolean", e.Message)

// ---- Records in and out ----

[<Fact>]
let ``predictor and toRecords read CLIMutable records, and agree`` () =
    let f = flowerModel.Force()
    let test = flowers 5 3
    let predict = ML.predictor<Flower, FlowerPrediction> f.Context f.Model
    let one = test |> List.map predict
    let batch = f.Model.Transform(ML.ofRecords f.Context test) |> ML.toRecords<FlowerPrediction> f.Context
    Assert.Equal<string list>(test |> List.map _.Species, one |> List.map _.PredictedLabel)
    Assert.Equal<string list>(one |> List.map _.PredictedLabel, batch |> List.map _.PredictedLabel)
    for o, b in List.zip one batch do
        Assert.Equal<int list>(bits o.Score, bits b.Score)
        Assert.Equal(1.0, o.Score |> Array.sumBy float, 5)

[<Fact>]
let ``binary and regression predictors read CLIMutable records`` () =
    let p = pointModel.Force()
    let predictPoint = ML.predictor<Point, PointPrediction> p.Context p.Model
    let centre = predictPoint { Inside = false; Features = [| 0f; 0f |] }
    let corner = predictPoint { Inside = false; Features = [| 0.95f; 0.95f |] }
    Assert.True(centre.PredictedLabel && centre.Probability > 0.5f, $"%A{centre}")
    Assert.False(corner.PredictedLabel, $"%A{corner}")
    let h = houseModel.Force()
    let predictHouse = ML.predictor<House, HousePrediction> h.Context h.Model
    let house = predictHouse { Size = 100f; Age = 10f; Price = 0f }
    // The generating rule gives 100 · (4000 − 300) = 370,000.
    Assert.InRange(house.Score, 340_000f, 400_000f)

[<Fact>]
let ``ofRecords reads immutable records too, and toRecords gives them back as CLIMutable ones`` () =
    let mlContext = MLContext()
    let data = ML.ofRecords mlContext [ { Sensor = "a"; Value = 1.5f }; { Sensor = "b"; Value = -2f } ]
    Assert.Equal<string list>([ "Sensor"; "Value" ], [ for column in data.Schema -> column.Name ])
    Assert.Equal<House list>(
        [ { Size = 50f; Age = 1f; Price = 2f } ],
        ML.ofRecords mlContext [ { Size = 50f; Age = 1f; Price = 2f } ] |> ML.toRecords<House> mlContext
    )

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
