/// ML.NET from F#: pipelines for the three tasks from F# records, metrics records, and prediction functions over
/// [<CLIMutable>] records.
module NNTrainer.FSharp.Tests.MLPipelineTests

open System
open System.IO
open Microsoft.ML
open Xunit
open NNTrainer.ML
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.MLData
open NNTrainer.FSharp.Tests.MLFixtures

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
