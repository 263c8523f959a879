/// ML.loadModel checks the zip before ML.NET reads it, as the C# LoadVerified and the CLI do.
module NNTrainer.FSharp.Tests.ModelFileTests

open System
open System.IO
open Microsoft.ML
open Xunit
open NNTrainer.Persistence
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.MLData

/// Changes the CRC-32 recorded for the zip's first entry, in its local header and in the central directory, so the
/// data no longer matches it; ML.NET's plain Model.Load does not compare the two.
let private damageFirstEntryCrc (path: string) =
    let bytes = File.ReadAllBytes path
    let indexOf (signature: byte[]) =
        seq { 0 .. bytes.Length - 4 } |> Seq.find (fun i -> bytes[i .. i + 3] = signature)
    let local = indexOf [| 0x50uy; 0x4Buy; 0x03uy; 0x04uy |]
    let central = indexOf [| 0x50uy; 0x4Buy; 0x01uy; 0x02uy |]
    bytes[local + 14] <- bytes[local + 14] ^^^ 0xFFuy
    bytes[central + 16] <- bytes[central + 16] ^^^ 0xFFuy
    File.WriteAllBytes(path, bytes)

[<Fact>]
let ``loadModel refuses a damaged zip with a ModelFormatException naming the file and the entry`` () =
    let mlContext = MLContext(seed = 1)
    let data = ML.ofRecords mlContext (houses 60 1)
    let model =
        ML.pipeline
        |> ML.append (mlContext.Transforms.Concatenate("Features", "Size", "Age"))
        |> ML.append (ML.regression mlContext { ML.Options.defaults with LabelColumnName = "Price"; HiddenLayers = [ Dense 4; ReLU ]; Epochs = Some 1 })
        |> ML.fit data
    let path = Path.Combine(Path.GetTempPath(), $"nntrainer-fsharp-damaged-{Guid.NewGuid():N}.zip")
    try
        model |> ML.saveModel mlContext path data.Schema
        let loaded, schema = ML.loadModel mlContext path
        Assert.Equal(data.Schema.Count, schema.Count)
        Assert.NotNull loaded
        damageFirstEntryCrc path
        let e = Assert.Throws<ModelFormatException>(fun () -> ML.loadModel mlContext path |> ignore)
        Assert.StartsWith($"Model file {path}: entry '", e.Message)
        Assert.Contains("is damaged: its data has CRC-32 ", e.Message)
    finally
        File.Delete path
