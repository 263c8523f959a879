/// The small tables, pipelines and once-trained models that the ML.NET-from-F# tests share.
module NNTrainer.FSharp.Tests.MLFixtures

open System
open System.IO
open Microsoft.ML
open Xunit
open NNTrainer.ML
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.MLData

// Small networks on small tables: each model trains in a fraction of a second.
let quick =
    { ML.Options.defaults with
        HiddenLayers = [ Dense 16; ReLU ]
        L2Regularization = 0f
        Epochs = Some 40
        BatchSize = 32
        Optimizer = Adam { AdamOptions.defaults with LearningRate = 0.01f }
        NumberOfThreads = Some 1 }

let flowerPipeline (mlContext: MLContext) (trainer: IEstimator<'T>) =
    ML.pipeline
    |> ML.append (mlContext.Transforms.Conversion.MapValueToKey("Label", "Species"))
    |> ML.append (mlContext.Transforms.Concatenate("Features", "Length", "Width", "Height"))
    |> ML.append (mlContext.Transforms.NormalizeMinMax "Features")
    |> ML.append trainer
    |> ML.append (mlContext.Transforms.Conversion.MapKeyToValue "PredictedLabel")

let pointPipeline (trainer: IEstimator<'T>) = ML.pipeline |> ML.append trainer

let housePipeline (mlContext: MLContext) (trainer: IEstimator<'T>) =
    ML.pipeline
    |> ML.append (mlContext.Transforms.Concatenate("Features", "Size", "Age"))
    |> ML.append (mlContext.Transforms.NormalizeMeanVariance "Features")
    |> ML.append trainer

let pointOptions = { quick with LabelColumnName = "Inside" }
let houseOptions = { quick with LabelColumnName = "Price" }

type Fitted =
    { Context: MLContext
      Model: ITransformer
      Train: IDataView
      Test: IDataView }

// Trained once and shared by the tests that only read the models.
let fitted (train: 'T list) (test: 'T list) (pipeline: MLContext -> IEstimator<'M>) =
    lazy
        (let mlContext = MLContext(seed = 0)
         let trainData = ML.ofRecords mlContext train
         { Context = mlContext
           Model = pipeline mlContext |> ML.fit trainData :> ITransformer
           Train = trainData
           Test = ML.ofRecords mlContext test })

let flowerModel =
    fitted (flowers 100 1) (flowers 50 2) (fun mlContext -> flowerPipeline mlContext (ML.multiclass mlContext quick))

let pointModel =
    fitted (points 400 1) (points 200 2) (fun mlContext -> pointPipeline (ML.binary mlContext pointOptions))

let houseModel =
    fitted (houses 400 1) (houses 200 2) (fun mlContext -> housePipeline mlContext (ML.regression mlContext houseOptions))

let tempZip () =
    Path.Combine(Path.GetTempPath(), $"nntrainer-fsharp-ml-{Guid.NewGuid():N}.zip")

let bits (values: float32 seq) = values |> Seq.map BitConverter.SingleToInt32Bits |> List.ofSeq
