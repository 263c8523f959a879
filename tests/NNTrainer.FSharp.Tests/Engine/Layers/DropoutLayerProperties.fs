/// DropoutLayer: the identity at inference, and while training a fixed 0-or-1/(1 − rate) mask applied the same
/// way forwards and backwards.
module NNTrainer.FSharp.Tests.Engine.Layers.DropoutLayerProperties

open System
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.Layers
open NNTrainer.Tensors
open NNTrainer.Training
open NNTrainer.FSharp.Tests.Support
open NNTrainer.FSharp.Tests.Support.Generators

type DropoutCase =
    { Samples: int
      Columns: int
      Rate: float32
      Seed: int
      X: float32[]
      G: float32[] }

// Inputs are kept away from 0 so that a dropped value (0) is told apart from a kept one.
let private dropoutCase =
    gen {
        let! samples = Gen.choose (1, 6)
        let! columns = Gen.choose (1, 8)
        let! rate = Gen.frequency [ 1, Gen.constant 0f; 4, float32In 0.0 0.95 ]
        let! seed = Gen.choose (Int32.MinValue, Int32.MaxValue)
        let! x = arrayOf (samples * columns) (awayFromZero 0.01 3.0)
        let! g = arrayOf (samples * columns) (float32In -1.0 1.0)
        return { Samples = samples; Columns = columns; Rate = rate; Seed = seed; X = x; G = g }
    }

/// A dropout layer attached to a built network, so that it has the network's random source for its masks.
let private attached (c: DropoutCase) =
    let dropout = DropoutLayer(c.Rate)
    Network(c.Seed).Add(DenseLayer(c.Columns, c.Columns)).Add(dropout).Build()
    dropout

let private bits (values: float32[]) = values |> Array.map BitConverter.SingleToInt32Bits

[<Property(MaxTest = 800)>]
let ``at inference the output is the input and the gradient passes through unchanged`` () =
    Prop.forAll (Arb.fromGen dropoutCase) (fun c ->
        let dropout = attached c
        dropout.Forward(Matrix(c.Samples, c.Columns, Array.copy c.X), false)
        Assert.Equal<int[]>(bits c.X, bits (GradientCheck.values dropout.Output))
        dropout.Backward(Matrix(c.Samples, c.Columns, Array.copy c.G))
        Assert.Equal<int[]>(bits c.G, bits (GradientCheck.values dropout.DInputs)))

[<Property(MaxTest = 800)>]
let ``while training, forward and backward apply the same mask of 0 or 1 / (1 − rate)`` () =
    Prop.forAll (Arb.fromGen dropoutCase) (fun c ->
        let dropout = attached c
        dropout.Forward(Matrix(c.Samples, c.Columns, Array.copy c.X), true)
        let y = GradientCheck.values dropout.Output
        let scale = 1f / (1f - c.Rate)
        let kept = y |> Array.map (fun v -> v <> 0f)
        for i in 0 .. y.Length - 1 do
            if kept[i] && y[i] <> c.X[i] * scale then
                failwith $"output[{i}] = {y[i]:R}; a kept value must be input·1/(1 − rate) = {c.X[i] * scale:R}"
        if c.Rate = 0f && not (Array.forall id kept) then failwith "a rate of 0 dropped a value"
        dropout.Backward(Matrix(c.Samples, c.Columns, Array.copy c.G))
        let mask = kept |> Array.map (fun k -> if k then float scale else 0.0)
        // With the mask fixed the layer is X ↦ X ⊙ M, so the gradient of Σ G ⊙ (X ⊙ M) is G ⊙ M.
        let objective (x: float[]) = Reference.dot (Reference.ofSingles c.G) (Array.map2 (*) x mask)
        GradientCheck.assertClose "dInputs" (GradientCheck.numerical objective (Reference.ofSingles c.X)) (GradientCheck.values dropout.DInputs))

[<Fact>]
let ``the fraction of values kept is 1 − rate`` () =
    let c = { Samples = 200; Columns = 100; Rate = 0.3f; Seed = 5; X = Array.create 20_000 1f; G = [||] }
    let dropout = attached c
    dropout.Forward(Matrix(c.Samples, c.Columns, c.X), true)
    let kept = GradientCheck.values dropout.Output |> Array.filter (fun v -> v <> 0f) |> Array.length
    // 20,000 Bernoulli(0.7) draws: standard deviation ≈ 65, so ±400 is more than 6σ.
    Assert.InRange(kept, 14_000 - 400, 14_000 + 400)
