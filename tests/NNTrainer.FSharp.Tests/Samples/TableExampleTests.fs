/// The F# sample's ML.NET part prints what its "Expected output" block says.
module NNTrainer.FSharp.Tests.Samples.TableExampleTests

open Xunit

[<Fact>]
let ``the ML.NET table sample prints its expected output`` () =
    ExpectedOutput.check "TableExample.fs" FSharpSample.TableExample.run
