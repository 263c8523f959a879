/// The F# sample's spiral part prints what its "Expected output" block says.
module NNTrainer.FSharp.Tests.Samples.SpiralExampleTests

open Xunit

[<Fact>]
let ``the spiral sample prints its expected output`` () =
    ExpectedOutput.check "SpiralExample.fs" FSharpSample.SpiralExample.run
