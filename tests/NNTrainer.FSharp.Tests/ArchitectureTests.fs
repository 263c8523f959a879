/// Architectures.shallowNet/leNet/miniVggNet and the book's callbacks (checkpoint, monitor) from F#.
module NNTrainer.FSharp.Tests.ArchitectureTests

open System
open System.IO
open System.Text.Json
open Xunit
open NNTrainer.FSharp

// 12×12: LeNet's second 5×5 convolution needs at least 5×5 after the first pooling.
let private blobShape = Architectures.shape 1 12 12

/// 1×12×12 noise with a bright 3×3 blob in one of four quadrants; the quadrant is the class.
let private blobs (count: int) (seed: int) =
    let random = Random(seed)
    let labels = Array.init count (fun _ -> random.Next 4)
    let rows =
        labels
        |> Array.map (fun label ->
            let row = Array.init 144 (fun _ -> float32 (0.3 * random.NextDouble()))
            let top, left = (label / 2) * 6 + random.Next 4, (label % 2) * 6 + random.Next 4
            for y in top .. top + 2 do
                for x in left .. left + 2 do
                    row[y * 12 + x] <- row[y * 12 + x] + 0.7f
            row)
    Data.ofLabels rows labels

let private bytes (network: NNTrainer.Training.Network) =
    use stream = new MemoryStream()
    network.Save(stream)
    stream.ToArray()

let private engineBuilt (name: string) (network: NNTrainer.Training.Network) =
    network.Set(NNTrainer.Losses.CategoricalCrossEntropyLoss(), NNTrainer.Architectures.BookOptimizer name) |> ignore
    network.Build()
    network

let private tempFolder () =
    Directory.CreateTempSubdirectory("nntrainer-fsharp-arch-").FullName

[<Fact>]
let ``the builders give the C# builders' networks bit for bit`` () =
    Assert.Equal<byte[]>(bytes (engineBuilt "shallownet" (NNTrainer.Architectures.ShallowNet(blobShape, 4, 3))), bytes (Architectures.shallowNet blobShape 4 3))
    Assert.Equal<byte[]>(bytes (engineBuilt "lenet" (NNTrainer.Architectures.LeNet(blobShape, 4, 3))), bytes (Architectures.leNet blobShape 4 3))
    Assert.Equal<byte[]>(bytes (engineBuilt "minivggnet" (NNTrainer.Architectures.MiniVGGNet(blobShape, 4, 3))), bytes (Architectures.miniVggNet blobShape 4 3))

[<Fact>]
let ``leNet has the book's layers and optimizer`` () =
    let network = Architectures.leNet Architectures.fashionMnist 10 0
    let names = network.Layers |> Seq.map (fun l -> l.GetType().Name) |> List.ofSeq
    Assert.Equal<string list>(
        [ "Conv2DLayer"; "ReLUActivation"; "MaxPool2DLayer"; "Conv2DLayer"; "ReLUActivation"; "MaxPool2DLayer"
          "FlattenLayer"; "DenseLayer"; "ReLUActivation"; "DenseLayer"; "SoftmaxActivation" ],
        names)
    let conv2 = network.Layers[3] :?> NNTrainer.Layers.Conv2DLayer
    Assert.Equal((50, 5), (conv2.Filters, conv2.KernelSize))
    Assert.IsType<NNTrainer.Optimizers.SgdOptimizer>(network.Optimizer) |> ignore
    Assert.Equal(0.01f, (nonNull network.Optimizer).LearningRate)

[<Fact>]
let ``a builder refuses a single class`` () =
    Assert.Throws<ArgumentOutOfRangeException>(fun () -> Architectures.shallowNet blobShape 1 0 |> ignore) |> ignore

[<Fact>]
let ``leNet trained from F# learns where the blob is`` () =
    let network = Architectures.leNet blobShape 4 1
    network |> Network.train { TrainOptions.defaults with Epochs = 8; BatchSize = Some 16 } (blobs 192 1) |> ignore
    let accuracy = (network |> Network.evaluate (blobs 200 2)).Accuracy
    Assert.True(accuracy >= 0.9, $"accuracy {accuracy}")

[<Fact>]
let ``the checkpoint holds the best epoch's weights and the monitor logs every epoch`` () =
    let folder = tempFolder ()
    try
        let network = Architectures.shallowNet blobShape 4 5
        let snapshots = Collections.Generic.List<float32[][]>()
        let capture (_: Epoch) = snapshots.Add(network.Parameters |> Seq.map (fun p -> Array.copy p.Values) |> Array.ofSeq)
        let options =
            { TrainOptions.defaults with Epochs = 5; BatchSize = Some 16; Validation = Holdout 0.25 }
            |> Callbacks.add capture
            |> Callbacks.add (Callbacks.checkpoint (Path.Combine(folder, "best.nnt")) network)
            |> Callbacks.add (Callbacks.monitor (Path.Combine(folder, "monitor")))
        let history = network |> Network.train options (blobs 128 3)

        let best = history.Epochs |> List.minBy (fun e -> e.ValidationLoss.Value)
        let loaded = Network.load (Path.Combine(folder, "best.nnt"))
        loaded.Parameters |> Seq.iteri (fun i p -> Assert.Equal<float32[]>(snapshots[best.Number - 1][i], p.Values))
        use log = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "monitor", "training.json")))
        let numbers = log.RootElement.GetProperty("epochs").EnumerateArray() |> Seq.map (fun e -> e.GetProperty("epoch").GetInt32()) |> List.ofSeq
        Assert.Equal<int list>([ 1 .. 5 ], numbers)
    finally
        Directory.Delete(folder, true)

[<Fact>]
let ``a checkpoint template with an unknown placeholder is refused by name`` () =
    let network = Architectures.shallowNet blobShape 4 0
    let e = Assert.Throws<ArgumentException>(fun () -> Callbacks.checkpoint "w-{val_loss:.4f}.hdf5" network |> ignore)
    Assert.Contains("{val_loss:.4f}", e.Message)
