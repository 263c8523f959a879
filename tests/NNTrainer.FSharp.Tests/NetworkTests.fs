/// Network.fit, train, evaluate, predict, save and load: what they return, and the engine's errors they pass on.
module NNTrainer.FSharp.Tests.NetworkTests

open System
open System.IO
open System.Threading
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.ModelGenerators

let private spiralModel =
    Model.ofLayers [ Dense 64; ReLU; Dense 3; Softmax ]
    |> Model.withOptimizer (Adam { AdamOptions.defaults with LearningRate = 0.05f; Decay = 5e-7f })
    |> Model.withSeed 1

let private fullBatch epochs = { TrainOptions.defaults with Epochs = epochs; BatchSize = None }

// Trained once and shared: 1,000 full-batch epochs on the book's 300 spiral points take about a second.
let private trained = lazy (spiralModel |> Network.fit (fullBatch 1000) (Data.spiral 100 3 0))

let private tempFile () =
    Path.Combine(Path.GetTempPath(), $"nntrainer-fsharp-{Guid.NewGuid():N}.nnt")

[<Fact>]
let ``fit learns the book's spiral`` () =
    let network, history = trained.Force()
    Assert.Equal(1000, history.Epochs.Length)
    Assert.Equal<int list>([ 1..1000 ], history.Epochs |> List.map _.Number)
    Assert.Equal(Completed, history.StopReason)
    // Measured: 0.970 on the training points, 0.840 on spiral points drawn with another seed.
    Assert.True((History.last history).Value.Accuracy >= 0.95, $"%A{History.last history}")
    let test = network |> Network.evaluate (Data.spiral 100 3 1)
    Assert.Equal(300, test.Samples)
    Assert.True(test.Accuracy >= 0.8, $"%A{test}")
    Assert.Equal(None, test.Regression)
    Assert.Equal(test.DataLoss + test.RegularizationLoss, test.Loss)

[<Fact>]
let ``fit learns the sine wave and evaluate reports regression figures`` () =
    let network, _ =
        Model.ofLayers [ Dense 64; ReLU; Dense 64; ReLU; Dense 1; Linear ]
        |> Model.withOptimizer (Adam { AdamOptions.defaults with LearningRate = 0.005f; Decay = 1e-3f })
        |> Network.fit (fullBatch 500) (Data.sine 1000)
    let evaluation = network |> Network.evaluate (Data.sine 1000)
    // Measured: R² 0.9989, RMSE 0.023.
    let regression = evaluation.Regression.Value
    Assert.True(regression.RSquared > 0.99, $"%A{regression}")
    Assert.True(regression.RootMeanSquaredError < 0.1, $"%A{regression}")

[<Fact>]
let ``predict, predictMatrix, predictClasses and predictor agree`` () =
    let network, _ = trained.Force()
    let rows = Data.spiral 20 3 2 |> _.Inputs |> Matrix.toRows
    let outputs = network |> Network.predict rows
    Assert.Equal(60, outputs.Length)
    for row in outputs do
        Assert.Equal(3, row.Length)
        Assert.InRange(Array.sum row, 0.9999f, 1.0001f)
    Assert.Equal<float32[][]>(outputs, network |> Network.predictMatrix (Matrix.ofRows rows) |> Matrix.toRows)
    let score = Network.predictor network
    Assert.Equal<float32[][]>(outputs, rows |> Array.map score)
    let argMax (row: float32[]) = Array.IndexOf(row, Array.max row)
    Assert.Equal<int[]>(outputs |> Array.map argMax, network |> Network.predictClasses rows)

[<Fact>]
let ``predicting no samples gives no outputs`` () =
    let network, _ = trained.Force()
    Assert.Empty(network |> Network.predict [])
    Assert.Empty(network |> Network.predictClasses [])

[<Fact>]
let ``predict names the expected width of a sample`` () =
    let network, _ = trained.Force()
    let e = Assert.Throws<ArgumentException>(fun () -> network |> Network.predict [ [| 1f; 2f; 3f |] ] |> ignore)
    Assert.Contains("takes 2 features per sample", e.Message)

[<Fact>]
let ``save and load through a file give back the same network`` () =
    let network, _ = trained.Force()
    let path = tempFile ()
    try
        network |> Network.save path
        Assert.Equal<byte[]>(Network.toBytes network, Network.load path |> Network.toBytes)
        match Network.tryLoad path with
        | Ok loaded -> Assert.Equal(Network.describe network, Network.describe loaded)
        | Error message -> failwith message
    finally
        File.Delete path

[<Fact>]
let ``tryLoad says why a file cannot be loaded`` () =
    let network, _ = trained.Force()
    let path = tempFile ()
    try
        match Network.tryLoad path with
        | Error message -> Assert.Contains(nonNull (Path.GetFileName path), message)
        | Ok _ -> failwith "a missing file loaded"
        File.WriteAllText(path, "not a model")
        match Network.tryLoad path with
        | Error message -> Assert.Contains("Not an NNTrainer model", message)
        | Ok _ -> failwith "a text file loaded"
        let bytes = Network.toBytes network
        bytes[bytes.Length / 2] <- bytes[bytes.Length / 2] ^^^ 0x10uy
        File.WriteAllBytes(path, bytes)
        match Network.tryLoad path with
        | Error message ->
            Assert.Contains("corrupted", message)
            Assert.Contains(path, message)
        | Ok _ -> failwith "a corrupted file loaded"
        let e = Assert.Throws<NNTrainer.Persistence.ModelFormatException>(fun () -> Network.load path |> ignore)
        Assert.Contains("checksum", e.Message)
    finally
        File.Delete path

[<Fact>]
let ``ofBytes rejects truncated bytes with the engine's message`` () =
    let network, _ = trained.Force()
    let bytes = Network.toBytes network
    let e = Assert.Throws<NNTrainer.Persistence.ModelFormatException>(fun () -> Network.ofBytes bytes[.. bytes.Length - 10] |> ignore)
    Assert.Contains("truncated", e.Message)

[<Fact>]
let ``bad data is rejected with the engine's message naming the row`` () =
    let data = Data.spiral 10 3 0
    data.Targets[4, 0] <- 7f
    let e = Assert.Throws<ArgumentException>(fun () -> spiralModel |> Network.fit (fullBatch 1) data |> ignore)
    Assert.Contains("Label 7 at row 4 is not a class index in [0, 2]", e.Message)
    let nonFinite = Data.spiral 10 3 0
    nonFinite.Inputs[3, 1] <- nanf
    let e = Assert.Throws<ArgumentException>(fun () -> spiralModel |> Network.fit (fullBatch 1) nonFinite |> ignore)
    Assert.Contains("row 3, column 1", e.Message)

[<Fact>]
let ``a fixed input size must match the data`` () =
    let e =
        Assert.Throws<ArgumentException>(fun () ->
            spiralModel |> Model.withInputSize 3 |> Network.fit (fullBatch 1) (Data.spiral 10 3 0) |> ignore)
    Assert.Contains("takes 3 features per sample; the training data has 2", e.Message)
    let e = Assert.Throws<ArgumentException>(fun () -> Network.create spiralModel |> ignore)
    Assert.Contains("InputSize is not set", e.Message)
    Assert.Equal(2, (spiralModel |> Model.withInputSize 2 |> Network.create).InputSize)

[<Fact>]
let ``impossible models are rejected with the engine's message`` () =
    let data = Data.spiral 10 3 0
    let fit layers = Model.ofLayers layers |> Network.fit (fullBatch 1) data |> ignore
    Assert.Contains("at least one neuron", Assert.Throws<ArgumentOutOfRangeException>(fun () -> fit [ Dense 0 ]).Message)
    Assert.Contains("dropout rate", Assert.Throws<ArgumentOutOfRangeException>(fun () -> fit [ Dense 3; Dropout 1f ]).Message)
    Assert.Contains("no DenseLayer", Assert.Throws<InvalidOperationException>(fun () -> fit [ Softmax ]).Message)
    Assert.Contains("no layers", Assert.Throws<InvalidOperationException>(fun () -> fit []).Message)
    let badRate () =
        Model.ofLayers [ Dense 3; Softmax ]
        |> Model.withOptimizer (Adam { AdamOptions.defaults with LearningRate = -1f })
        |> Network.fit (fullBatch 1) data
        |> ignore
    Assert.Contains("learning rate", Assert.Throws<ArgumentOutOfRangeException>(badRate).Message)

[<Fact>]
let ``impossible options are rejected`` () =
    let data = Data.spiral 10 3 0
    let fit options = spiralModel |> Network.fit options data |> ignore
    Assert.Contains("(0, 1)", Assert.Throws<ArgumentException>(fun () -> fit { fullBatch 1 with Validation = Holdout 0.0 }).Message)
    Assert.Contains("(0, 1)", Assert.Throws<ArgumentException>(fun () -> fit { fullBatch 1 with Validation = Holdout 1.5 }).Message)
    let noPatience = { fullBatch 1 with EarlyStopping = Some { EarlyStopping.defaults with Patience = 0 } }
    Assert.Contains("patience", Assert.Throws<ArgumentException>(fun () -> fit noPatience).Message)
    Assert.Contains("Epochs", Assert.Throws<ArgumentOutOfRangeException>(fun () -> fit (fullBatch 0)).Message)

[<Fact>]
let ``OnEpochEnd sees every epoch the history holds`` () =
    let seen = ResizeArray()
    let _, history =
        spiralModel
        |> Network.fit { TrainOptions.defaults with Epochs = 7; OnEpochEnd = Some seen.Add } (Data.spiral 20 3 0)
    Assert.Equal<Epoch list>(history.Epochs, List.ofSeq seen)
    Assert.All(history.Epochs, fun e -> Assert.Equal(e.DataLoss + e.RegularizationLoss, e.Loss))

[<Fact>]
let ``validation figures come with every epoch`` () =
    let data = Data.spiral 20 3 0
    let _, held = spiralModel |> Network.fit { fullBatch 4 with Validation = Holdout 0.2 } data
    Assert.All(held.Epochs, fun e -> Assert.True(e.ValidationLoss.IsSome && e.ValidationAccuracy.IsSome))
    let _, given = spiralModel |> Network.fit { fullBatch 4 with Validation = ValidateOn(Data.spiral 5 3 9) } data
    Assert.All(given.Epochs, fun e -> Assert.True(e.ValidationLoss.IsSome && e.ValidationAccuracy.IsSome))
    let _, none = spiralModel |> Network.fit (fullBatch 4) data
    Assert.All(none.Epochs, fun e -> Assert.Equal(None, e.ValidationLoss))

[<Fact>]
let ``early stopping stops after the patience and restores the best epoch`` () =
    // No decrease is as large as MinDelta, so epoch 1 stays the best and training stops at 1 + patience.
    let stopping = { Patience = 3; MinDelta = 1e9; RestoreBestWeights = true }
    let network, history =
        spiralModel |> Network.fit { fullBatch 100 with EarlyStopping = Some stopping } (Data.spiral 20 3 0)
    Assert.Equal(EarlyStopped, history.StopReason)
    Assert.Equal(4, history.Epochs.Length)
    Assert.Equal(Some 1, history.BestEpoch)
    Assert.True history.RestoredBestWeights
    let afterOne, _ = spiralModel |> Network.fit (fullBatch 1) (Data.spiral 20 3 0)
    Assert.Equal<float32[][]>(afterOne |> Network.predict [ [| 0.1f; 0.2f |] ], network |> Network.predict [ [| 0.1f; 0.2f |] ])

[<Fact>]
let ``a cancelled token stops training`` () =
    use source = new CancellationTokenSource()
    source.Cancel()
    let options = { fullBatch 5 with CancellationToken = source.Token }
    Assert.ThrowsAny<OperationCanceledException>(fun () -> spiralModel |> Network.fit options (Data.spiral 10 3 0) |> ignore)
    |> ignore

[<Fact>]
let ``train continues where fit stopped`` () =
    // Without shuffling nothing depends on where one call ends and the next begins, so 3 + 4 epochs are 7 epochs.
    let options epochs = { TrainOptions.defaults with Epochs = epochs; BatchSize = Some 16; Shuffle = false }
    let data = Data.spiral 20 3 0
    let split, _ = spiralModel |> Network.fit (options 3) data
    let more = split |> Network.train (options 4) data
    Assert.Equal<int list>([ 1..4 ], more.Epochs |> List.map _.Number)
    let whole, _ = spiralModel |> Network.fit (options 7) data
    Assert.Equal<byte[]>(Network.toBytes whole, Network.toBytes split)

[<Property(MaxTest = 400)>]
let ``describe gives back the model a network was built from`` () =
    Prop.forAll (Arb.fromGen modelCase) (fun c ->
        let normalise =
            function
            | DenseWith(n, options) when options = DenseOptions.defaults -> Dense n
            | layer -> layer
        let expected =
            { c.Model with
                Layers = List.map normalise c.Model.Layers
                Loss = Some(Model.loss c.Model)
                InputSize = Some c.InputSize }
        Assert.Equal(expected, Network.build c.InputSize c.Model |> Network.describe))

[<Fact>]
let ``summary lists the layers`` () =
    let network, _ = trained.Force()
    let summary = Network.summary network
    Assert.Contains("DenseLayer", summary)
    Assert.Contains("total parameters: 387", summary)

[<Fact>]
let ``build checks a fixed input size against the one it is given`` () =
    let e = Assert.Throws<ArgumentException>(fun () -> spiralModel |> Model.withInputSize 3 |> Network.build 2 |> ignore)
    Assert.Contains("takes 3 values per sample (Model.InputSize), not 2", e.Message)
