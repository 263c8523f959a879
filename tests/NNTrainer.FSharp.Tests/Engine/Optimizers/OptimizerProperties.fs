/// Optimizers: finite inputs and finite hyper-parameters never produce NaN or infinity, and a few steps
/// follow the book's update rules computed in float64.
module NNTrainer.FSharp.Tests.Engine.Optimizers.OptimizerProperties

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.Layers
open NNTrainer.Optimizers
open NNTrainer.Tensors
open NNTrainer.FSharp.Tests.Support.Generators

type OptimizerKind =
    | Sgd of learningRate: float32 * decay: float32 * momentum: float32
    | AdaGrad of learningRate: float32 * decay: float32 * epsilon: float32
    | RmsProp of learningRate: float32 * decay: float32 * epsilon: float32 * rho: float32
    | Adam of learningRate: float32 * decay: float32 * epsilon: float32 * beta1: float32 * beta2: float32

type OptimizerCase =
    { Optimizer: OptimizerKind
      Weights: float32[]
      /// One gradient array per step.
      Gradients: float32[][] }

let private create =
    function
    | Sgd(lr, decay, momentum) -> SgdOptimizer(lr, decay, momentum) :> Optimizer
    | AdaGrad(lr, decay, epsilon) -> AdaGradOptimizer(lr, decay, epsilon)
    | RmsProp(lr, decay, epsilon, rho) -> RmsPropOptimizer(lr, decay, epsilon, rho)
    | Adam(lr, decay, epsilon, beta1, beta2) -> AdamOptimizer(lr, decay, epsilon, beta1, beta2)

/// Any hyper-parameters the constructors accept, with the edges of their ranges drawn often: fractions
/// anywhere in [0, 1) including 0 and the largest float32 below 1.
let private fraction = Gen.frequency [ 4, float32In 0.0 0.999; 1, Gen.elements [ 0f; 0.99999994f ] ]
let private learningRate = logUniform -6.0 1.0
let private decay = Gen.frequency [ 1, Gen.constant 0f; 3, logUniform -8.0 0.0 ]
let private epsilon = logUniform -10.0 -3.0

let private kind =
    Gen.oneof
        [ Gen.map3 (fun a b c -> Sgd(a, b, c)) learningRate decay fraction
          Gen.map3 (fun a b c -> AdaGrad(a, b, c)) learningRate decay epsilon
          Gen.map4 (fun a b c d -> RmsProp(a, b, c, d)) learningRate decay epsilon fraction
          gen {
              let! lr = learningRate
              let! d = decay
              let! e = epsilon
              let! b1 = fraction
              let! b2 = fraction
              return Adam(lr, d, e, b1, b2)
          } ]

let private case (weights: Gen<float32>) (gradients: Gen<float32>) (maxSteps: int) =
    gen {
        let! optimizer = kind
        let! size = Gen.choose (1, 40)
        let! steps = Gen.choose (1, maxSteps)
        let! w = arrayOf size weights
        let! g = Gen.arrayOfLength steps (arrayOf size gradients)
        return { Optimizer = optimizer; Weights = w; Gradients = g }
    }

/// Runs the book's step protocol (pre-update, update, post-update) on the weights and biases of a dense layer.
let private run (c: OptimizerCase) =
    let optimizer = create c.Optimizer
    let layer = DenseLayer(1, c.Weights.Length)
    let parameter = layer.Biases
    Array.blit c.Weights 0 parameter.Values 0 c.Weights.Length
    for g in c.Gradients do
        Array.blit g 0 parameter.Gradients 0 g.Length
        optimizer.PreUpdate()
        optimizer.Update parameter
        optimizer.PostUpdate()
    parameter

let private signed (magnitudes: Gen<float32>) =
    Gen.map2 (fun m s -> if s then m else -m) magnitudes (Gen.elements [ true; false ])

[<Property(MaxTest = 1200)>]
let ``finite gradients and hyper-parameters never give NaN or infinity`` () =
    // Gradients from 0 and 1e−30 (whose squares underflow) up to 1e6, weights up to 1e3, 1 to 60 steps.
    let gradients = Gen.frequency [ 1, Gen.constant 0f; 6, signed (logUniform -30.0 6.0) ]
    Prop.forAll (Arb.fromGen (case (float32In -1000.0 1000.0) gradients 60)) (fun c ->
        let p = run c
        let bad (values: float32[] | null) =
            match values with
            | null -> None
            | v -> v |> Array.tryFindIndex (fun x -> not (System.Single.IsFinite x))
        let arrays: (string * float32[] | null) list = [ "weights", p.Values; "momentums", p.Momentums; "cache", p.Cache ]
        for name, values in arrays do
            match values with
            | null -> ()
            | v ->
                match bad v with
                | Some i -> failwith $"{name}[{i}] became {v[i]}"
                | None -> ())

/// The book's rules in float64, step by step; also each weight's path length Σ|Δw|, with Adam's and SGD's momentum
/// taken over the gradients' absolute values: a momentum whose terms cancel to almost nothing keeps the float32 rounding
/// of those terms, and a tiny denominator (β₂ = 0 and a zero gradient leave Adam only ε) multiplies that rounding too.
let private referenceRun (c: OptimizerCase) =
    let w = Array.map float c.Weights
    let path = Array.zeroCreate w.Length
    let m = Array.zeroCreate w.Length
    let cache = Array.zeroCreate w.Length
    let mAbs = Array.zeroCreate w.Length
    c.Gradients
    |> Array.iteri (fun t g ->
        let rate lr d = float lr / (1.0 + float d * float t)
        for i in 0 .. w.Length - 1 do
            let gi = float g[i]
            let step, reach =
                match c.Optimizer with
                | Sgd(lr, d, momentum) ->
                    m[i] <- float momentum * m[i] - rate lr d * gi
                    mAbs[i] <- float momentum * mAbs[i] + rate lr d * abs gi
                    m[i], mAbs[i]
                | AdaGrad(lr, d, e) ->
                    cache[i] <- cache[i] + gi * gi
                    let step = -rate lr d * gi / (sqrt cache[i] + float e)
                    step, abs step
                | RmsProp(lr, d, e, rho) ->
                    cache[i] <- float rho * cache[i] + (1.0 - float rho) * gi * gi
                    let step = -rate lr d * gi / (sqrt cache[i] + float e)
                    step, abs step
                | Adam(lr, d, e, b1, b2) ->
                    let b1, b2 = float b1, float b2
                    m[i] <- b1 * m[i] + (1.0 - b1) * gi
                    mAbs[i] <- b1 * mAbs[i] + (1.0 - b1) * abs gi
                    cache[i] <- b2 * cache[i] + (1.0 - b2) * gi * gi
                    let correction = 1.0 - b1 ** float (t + 1)
                    let denominator = sqrt (cache[i] / (1.0 - b2 ** float (t + 1))) + float e
                    -rate lr d * m[i] / correction / denominator, rate lr d * mAbs[i] / correction / denominator
            w[i] <- w[i] + step
            path[i] <- path[i] + reach)
    w, path

[<Property(MaxTest = 1200)>]
let ``a few steps follow the book's update rules`` () =
    // Moderate magnitudes, so float32 and float64 differ only by rounding. Steps can be large and cancel (a
    // cache with rho near 1 stays tiny), so the tolerance scales with the length of the path each weight took.
    let gradients = Gen.frequency [ 1, Gen.constant 0f; 6, signed (logUniform -3.0 3.0) ]
    Prop.forAll (Arb.fromGen (case (float32In -3.0 3.0) gradients 5)) (fun c ->
        let actual = (run c).Values
        let expected, path = referenceRun c
        for i in 0 .. expected.Length - 1 do
            if abs (float actual[i] - expected[i]) > 1e-4 * (1.0 + abs expected[i] + path[i]) then
                failwith $"weight {i}: engine {actual[i]:R}, book's rule in float64 {expected[i]:R}")
