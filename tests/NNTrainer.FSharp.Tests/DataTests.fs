module NNTrainer.FSharp.Tests.DataTests

open Xunit
open NNTrainer.FSharp

[<Fact>]
let ``spiral is the engine's spiral with its labels as targets`` () =
    let data = Data.spiral 30 4 5
    let struct (x, labels) = NNTrainer.Data.SyntheticData.Spiral(30, 4, 5)
    Assert.Equal<float32[][]>(Matrix.toRows x, Matrix.toRows data.Inputs)
    Assert.Equal<float32[][]>(labels |> Array.map (fun l -> [| float32 l |]), Matrix.toRows data.Targets)
    Assert.Equal(120, Data.count data)

[<Fact>]
let ``vertical and sine have the book's shapes`` () =
    let vertical = Data.vertical 10 3 0
    Assert.Equal((30, 2, 1), (vertical.Inputs.Rows, vertical.Inputs.Columns, vertical.Targets.Columns))
    let sine = Data.sine 100
    Assert.Equal((100, 1, 1), (sine.Inputs.Rows, sine.Inputs.Columns, sine.Targets.Columns))
    Assert.Equal(sin (2.0 * System.Math.PI * 0.25) |> float32, sine.Targets[25, 0])

[<Fact>]
let ``ofLabels and ofRows pair samples with targets`` () =
    let labelled = Data.ofLabels [ [| 1f; 2f |]; [| 3f; 4f |] ] [| 1; 0 |]
    Assert.Equal<float32[][]>([| [| 1f |]; [| 0f |] |], Matrix.toRows labelled.Targets)
    let regression = Data.ofRows [ [| 1f |]; [| 2f |] ] [ [| 0.5f; 1f |]; [| 1.5f; 2f |] ]
    Assert.Equal((2, 2), (regression.Targets.Rows, regression.Targets.Columns))

[<Fact>]
let ``Fashion-MNIST loads as 60,000 training and 10,000 test images`` () =
    let train, test = Data.fashionMnist ()
    Assert.Equal((60_000, 784), (train.Inputs.Rows, train.Inputs.Columns))
    Assert.Equal((10_000, 784), (test.Inputs.Rows, test.Inputs.Columns))
    Assert.InRange(train.Targets.AsSpan().ToArray() |> Array.max, 9f, 9f)
