/// DenseLayer against central differences of X·W + b (plus L1/L2 penalties) in float64.
module NNTrainer.FSharp.Tests.Engine.Layers.DenseLayerProperties

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.Layers
open NNTrainer.Tensors
open NNTrainer.FSharp.Tests.Support
open NNTrainer.FSharp.Tests.Support.Generators

type DenseCase =
    { Samples: int
      Inputs: int
      Neurons: int
      X: float32[]
      Weights: float32[]
      Biases: float32[]
      /// The upstream gradient: the property checks the gradients of Σ G ⊙ output.
      G: float32[]
      WeightL1: float32
      WeightL2: float32
      BiasL1: float32
      BiasL2: float32 }

// Weights and biases stay ≥ 0.05 away from 0, where the L1 penalty |w| has its kink.
let private denseCase =
    gen {
        let! samples = Gen.choose (1, 5)
        let! inputs = Gen.choose (1, 6)
        let! neurons = Gen.choose (1, 6)
        let! x = arrayOf (samples * inputs) (float32In -2.0 2.0)
        let! w = arrayOf (inputs * neurons) (awayFromZero 0.05 1.5)
        let! b = arrayOf neurons (awayFromZero 0.05 1.0)
        let! g = arrayOf (samples * neurons) (float32In -1.0 1.0)
        let strength = Gen.frequency [ 1, Gen.constant 0f; 2, float32In 0.0 0.1 ]
        let! wl1 = strength
        let! wl2 = strength
        let! bl1 = strength
        let! bl2 = strength
        return
            { Samples = samples; Inputs = inputs; Neurons = neurons; X = x; Weights = w; Biases = b; G = g
              WeightL1 = wl1; WeightL2 = wl2; BiasL1 = bl1; BiasL2 = bl2 }
    }

let private engineLayer (c: DenseCase) =
    let layer = DenseLayer(c.Inputs, c.Neurons, c.WeightL1, c.WeightL2, c.BiasL1, c.BiasL2)
    Array.blit c.Weights 0 layer.Weights.Values 0 c.Weights.Length
    Array.blit c.Biases 0 layer.Biases.Values 0 c.Biases.Length
    layer.Forward(Matrix(c.Samples, c.Inputs, Array.copy c.X), true)
    layer

/// The scalar Σ G ⊙ (X·W + b) + penalties, whose gradients are what Backward(G) must produce.
let private objective (c: DenseCase) (x: float[]) (w: float[]) (b: float[]) =
    let y = Reference.dense c.Samples c.Inputs c.Neurons x w b
    Reference.dot (Reference.ofSingles c.G) y
    + Reference.regularization (float c.WeightL1) (float c.WeightL2) w
    + Reference.regularization (float c.BiasL1) (float c.BiasL2) b

[<Property(MaxTest = 800)>]
let ``forward is X·W + b`` () =
    Prop.forAll (Arb.fromGen denseCase) (fun c ->
        let layer = engineLayer c
        let expected =
            Reference.dense c.Samples c.Inputs c.Neurons (Reference.ofSingles c.X) (Reference.ofSingles c.Weights) (Reference.ofSingles c.Biases)
        GradientCheck.assertClose "output" expected (GradientCheck.values layer.Output))

[<Property(MaxTest = 800)>]
let ``input, weight and bias gradients match central differences`` () =
    Prop.forAll (Arb.fromGen denseCase) (fun c ->
        let layer = engineLayer c
        layer.Backward(Matrix(c.Samples, c.Neurons, Array.copy c.G))
        let x, w, b = Reference.ofSingles c.X, Reference.ofSingles c.Weights, Reference.ofSingles c.Biases
        GradientCheck.assertClose "dInputs" (GradientCheck.numerical (fun x' -> objective c x' w b) x) (GradientCheck.values layer.DInputs)
        GradientCheck.assertClose "dWeights" (GradientCheck.numerical (fun w' -> objective c x w' b) w) layer.Weights.Gradients
        GradientCheck.assertClose "dBiases" (GradientCheck.numerical (fun b' -> objective c x w b') b) layer.Biases.Gradients)

[<Property(MaxTest = 400)>]
let ``the regularisation loss is λ₁·Σ|w| + λ₂·Σw²`` () =
    Prop.forAll (Arb.fromGen denseCase) (fun c ->
        let layer = engineLayer c
        let expected =
            Reference.regularization (float c.WeightL1) (float c.WeightL2) (Reference.ofSingles c.Weights)
            + Reference.regularization (float c.BiasL1) (float c.BiasL2) (Reference.ofSingles c.Biases)
        let actual = layer.Weights.RegularizationLoss() + layer.Biases.RegularizationLoss()
        GradientCheck.assertCloseScalar "regularisation loss" expected actual)
