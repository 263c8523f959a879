/// Every activation's forward pass against its formula and its backward pass against central differences,
/// in float64, on random small batches.
module NNTrainer.FSharp.Tests.Engine.Activations.ActivationGradientProperties

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.Activations
open NNTrainer.Tensors
open NNTrainer.FSharp.Tests.Support
open NNTrainer.FSharp.Tests.Support.Generators

type ActivationCase =
    { Samples: int
      Columns: int
      X: float32[]
      G: float32[] }

/// A batch whose values come from the given generator, and an upstream gradient.
let private caseWith (values: Gen<float32>) =
    gen {
        let! samples = Gen.choose (1, 5)
        let! columns = Gen.choose (1, 7)
        let! x = arrayOf (samples * columns) values
        let! g = arrayOf (samples * columns) (float32In -1.0 1.0)
        return { Samples = samples; Columns = columns; X = x; G = g }
    }

// ReLU-family inputs keep ≥ 0.01 from the kink at 0, far beyond the differencing step.
let private awayFromKink = caseWith (awayFromZero 0.01 3.0)
let private smooth = caseWith (float32In -4.0 4.0)

/// Checks forward against the reference and backward against central differences of Σ G ⊙ f(X).
let private check (activation: Activation) (reference: int -> float[] -> float[]) (c: ActivationCase) =
    activation.Forward(Matrix(c.Samples, c.Columns, Array.copy c.X), true)
    let x = Reference.ofSingles c.X
    GradientCheck.assertClose "output" (reference c.Columns x) (GradientCheck.values activation.Output)
    activation.Backward(Matrix(c.Samples, c.Columns, Array.copy c.G))
    let objective (x': float[]) = Reference.dot (Reference.ofSingles c.G) (reference c.Columns x')
    GradientCheck.assertClose "dInputs" (GradientCheck.numerical objective x) (GradientCheck.values activation.DInputs)

let private elementwise f = fun (_: int) (x: float[]) -> Array.map f x

[<Property(MaxTest = 600)>]
let ``ReLU`` () =
    Prop.forAll (Arb.fromGen awayFromKink) (check (ReLUActivation()) (elementwise Reference.relu))

[<Property(MaxTest = 600)>]
let ``LeakyReLU with any slope in [0, 1)`` () =
    let cases = Gen.zip (float32In 0.0 0.99) awayFromKink
    Prop.forAll (Arb.fromGen cases) (fun (alpha, c) ->
        check (LeakyReLUActivation(alpha)) (elementwise (Reference.leakyRelu (float alpha))) c)

[<Property(MaxTest = 600)>]
let ``Sigmoid`` () =
    Prop.forAll (Arb.fromGen smooth) (check (SigmoidActivation()) (elementwise Reference.sigmoid))

[<Property(MaxTest = 600)>]
let ``Tanh`` () =
    Prop.forAll (Arb.fromGen smooth) (check (TanhActivation()) (elementwise tanh))

[<Property(MaxTest = 600)>]
let ``Softmax`` () =
    Prop.forAll (Arb.fromGen smooth) (check (SoftmaxActivation()) Reference.softmax)

[<Property(MaxTest = 600)>]
let ``Linear`` () =
    Prop.forAll (Arb.fromGen smooth) (check (LinearActivation()) (elementwise id))
