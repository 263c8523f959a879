/// Softmax's defining properties: each row is a probability distribution, unchanged by adding a constant.
module NNTrainer.FSharp.Tests.Engine.Activations.SoftmaxActivationProperties

open System
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.Activations
open NNTrainer.Tensors
open NNTrainer.FSharp.Tests.Support
open NNTrainer.FSharp.Tests.Support.Generators

type SoftmaxCase =
    { Samples: int
      Columns: int
      X: float32[]
      /// One constant per row.
      Shifts: float32[] }

let private softmaxOf (samples: int) (columns: int) (x: float32[]) =
    let softmax = SoftmaxActivation()
    let output = Matrix(samples, columns)
    softmax.Infer(Matrix(samples, columns, x), output)
    GradientCheck.values output

let private shifted (c: SoftmaxCase) =
    c.X |> Array.mapi (fun i v -> v + c.Shifts[i / c.Columns])

let private case (values: Gen<float32>) (shifts: Gen<float32>) =
    gen {
        let! samples = Gen.choose (1, 6)
        let! columns = Gen.choose (1, 12)
        let! x = arrayOf (samples * columns) values
        let! s = arrayOf samples shifts
        return { Samples = samples; Columns = columns; X = x; Shifts = s }
    }

[<Property(MaxTest = 1200)>]
let ``every row is a distribution, even for huge logits`` () =
    let logits = Gen.frequency [ 3, float32In -10.0 10.0; 1, float32In -1e4 1e4; 1, float32In -3e38 3e38 ]
    Prop.forAll (Arb.fromGen (case logits (Gen.constant 0f))) (fun c ->
        let p = softmaxOf c.Samples c.Columns c.X
        for r in 0 .. c.Samples - 1 do
            let row = p[r * c.Columns .. (r + 1) * c.Columns - 1]
            if not (row |> Array.forall (fun v -> v >= 0f && v <= 1f)) then failwith $"row {r} = %A{row} leaves [0, 1]"
            let sum = row |> Array.sumBy float
            if abs (sum - 1.0) > 1e-5 then failwith $"row {r} sums to {sum:R}"
            let largest = c.X[r * c.Columns .. (r + 1) * c.Columns - 1] |> Array.max
            let top = row |> Array.max
            if row[Array.IndexOf(c.X[r * c.Columns .. (r + 1) * c.Columns - 1], largest)] <> top then
                failwith $"row {r}: the largest logit does not get the largest probability")

[<Property(MaxTest = 1200)>]
let ``adding a constant to a row changes nothing beyond float32 rounding of the shifted logits`` () =
    Prop.forAll (Arb.fromGen (case (float32In -10.0 10.0) (float32In -50.0 50.0))) (fun c ->
        let p = softmaxOf c.Samples c.Columns c.X
        let q = softmaxOf c.Samples c.Columns (shifted c)
        // x + c is rounded to float32 (error ≤ 60·6e−8 ≈ 4e−6), which moves a probability by at most that much relatively.
        for i in 0 .. p.Length - 1 do
            if abs (p[i] - q[i]) > 1e-5f then failwith $"value {i}: {p[i]:R} unshifted, {q[i]:R} shifted")

[<Property(MaxTest = 1200)>]
let ``adding a constant that keeps the logits exact changes nothing at all, bit for bit`` () =
    // Multiples of 1/64 in [−16, 16] plus integers in [−1000, 1000] are exact in float32, and so are their
    // differences from the row maximum, so a stable softmax must return the very same bits.
    let sixtyFourths = Gen.choose (-1024, 1024) |> Gen.map (fun i -> float32 i / 64f)
    let integers = Gen.choose (-1000, 1000) |> Gen.map float32
    Prop.forAll (Arb.fromGen (case sixtyFourths integers)) (fun c ->
        let p = softmaxOf c.Samples c.Columns c.X |> Array.map BitConverter.SingleToInt32Bits
        let q = softmaxOf c.Samples c.Columns (shifted c) |> Array.map BitConverter.SingleToInt32Bits
        if p <> q then failwith "the shifted rows' probabilities differ")
