/// Runs an F# sample against the "// Expected output:" block at the end of its source file.
module NNTrainer.FSharp.Tests.Samples.ExpectedOutput

open System
open System.IO
open System.Text.RegularExpressions
open Xunit

let private samples = Path.Combine(__SOURCE_DIRECTORY__, "..", "..", "..", "samples", "FSharpSample")

/// The lines of the sample's "// Expected output:" comment block.
let private expectedOutput (source: string) =
    File.ReadAllLines source
    |> Array.skipWhile (fun line -> line.Trim() <> "// Expected output:")
    |> Array.skip 1
    |> Array.takeWhile (fun line -> line.StartsWith "//")
    |> Array.map (fun line -> line.Substring(2).Trim())

let private number = Regex(@"-?\d+\.\d+")

/// Same words and integers; decimals within 0.02, because another CPU's SIMD width may round differently.
let private matches (expected: string) (actual: string) =
    let shape (line: string) = number.Replace(line, "#")
    shape expected = shape actual
    && Seq.forall2
        (fun (e: Match) (a: Match) -> abs (float e.Value - float a.Value) <= 0.02)
        (number.Matches expected)
        (number.Matches actual)

/// Runs the sample and checks each printed line against its source file's expected output.
let check (sourceFile: string) (run: TextWriter -> unit) =
    let source = Path.Combine(samples, sourceFile)
    let expected = expectedOutput source
    Assert.True(expected.Length > 5, $"no expected-output block found in {source}")
    use writer = new StringWriter()
    run writer
    let actual = writer.ToString().Split('\n') |> Array.map _.Trim() |> Array.filter (String.IsNullOrEmpty >> not)
    Assert.Equal(expected.Length, actual.Length)
    for e, a in Array.zip expected actual do
        Assert.True(matches e a, $"expected: {e}{Environment.NewLine}actual:   {a}")
