/// The fused output gradients, softmax + categorical cross-entropy and sigmoid + binary cross-entropy, against
/// central differences of the loss as a function of the logits, in float64.
module NNTrainer.FSharp.Tests.Engine.Losses.FusedGradientProperties

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.Activations
open NNTrainer.Losses
open NNTrainer.Tensors
open NNTrainer.FSharp.Tests.Support
open NNTrainer.FSharp.Tests.Support.Generators

type FusedCase =
    { Samples: int
      Columns: int
      Logits: float32[]
      Targets: float32[]
      TargetColumns: int }

/// Runs the activation's forward pass on the logits and the fused backward on its output.
let private fusedGradient (activation: Activation) (backward: Matrix * Matrix * Matrix -> unit) (c: FusedCase) =
    activation.Forward(Matrix(c.Samples, c.Columns, Array.copy c.Logits), true)
    let gradient = Matrix(c.Samples, c.Columns)
    backward (activation.Output, Matrix(c.Samples, c.TargetColumns, Array.copy c.Targets), gradient)
    GradientCheck.values gradient

let private softmaxCase (targets: int -> int -> Gen<float32[]>) (targetColumns: int -> int) =
    gen {
        let! samples = Gen.choose (1, 6)
        let! classes = Gen.choose (2, 6)
        let! z = arrayOf (samples * classes) (float32In -3.0 3.0)
        let! y = targets samples classes
        return { Samples = samples; Columns = classes; Logits = z; Targets = y; TargetColumns = targetColumns classes }
    }

let private checkSoftmax (reference: float[] -> float) (c: FusedCase) =
    let actual = fusedGradient (SoftmaxActivation()) SoftmaxCategoricalCrossEntropy.Backward c
    let expected = GradientCheck.numerical (Reference.softmax c.Columns >> reference) (Reference.ofSingles c.Logits)
    GradientCheck.assertClose "dLogits" expected actual

[<Property(MaxTest = 800)>]
let ``softmax + categorical cross-entropy with class indices`` () =
    let cases = softmaxCase (fun s k -> labels s k |> Gen.map (Array.map float32)) (fun _ -> 1)
    Prop.forAll (Arb.fromGen cases) (fun c ->
        checkSoftmax (fun p -> Reference.sparseCategoricalCrossEntropy c.Columns p (Array.map int c.Targets)) c)

[<Property(MaxTest = 800)>]
let ``softmax + categorical cross-entropy with one-hot rows`` () =
    Prop.forAll (Arb.fromGen (softmaxCase oneHot id)) (fun c ->
        checkSoftmax (fun p -> Reference.categoricalCrossEntropy c.Columns p (Reference.ofSingles c.Targets)) c)

[<Property(MaxTest = 800)>]
let ``softmax + categorical cross-entropy with probability rows`` () =
    Prop.forAll (Arb.fromGen (softmaxCase distributions id)) (fun c ->
        checkSoftmax (fun p -> Reference.categoricalCrossEntropy c.Columns p (Reference.ofSingles c.Targets)) c)

[<Property(MaxTest = 800)>]
let ``sigmoid + binary cross-entropy`` () =
    let cases =
        gen {
            let! samples = Gen.choose (1, 6)
            let! columns = Gen.choose (1, 6)
            let! z = arrayOf (samples * columns) (float32In -4.0 4.0)
            let! y = arrayOf (samples * columns) (Gen.frequency [ 2, Gen.elements [ 0f; 1f ]; 1, float32In 0.0 1.0 ])
            return { Samples = samples; Columns = columns; Logits = z; Targets = y; TargetColumns = columns }
        }
    Prop.forAll (Arb.fromGen cases) (fun c ->
        let actual = fusedGradient (SigmoidActivation()) SigmoidBinaryCrossEntropy.Backward c
        let reference (z: float[]) = Reference.binaryCrossEntropy (Array.map Reference.sigmoid z) (Reference.ofSingles c.Targets)
        GradientCheck.assertClose "dLogits" (GradientCheck.numerical reference (Reference.ofSingles c.Logits)) actual)

[<Property(MaxTest = 400)>]
let ``the fused softmax gradient equals the chained one`` () =
    Prop.forAll (Arb.fromGen (softmaxCase oneHot id)) (fun c ->
        let fused = fusedGradient (SoftmaxActivation()) SoftmaxCategoricalCrossEntropy.Backward c
        let softmax = SoftmaxActivation()
        softmax.Forward(Matrix(c.Samples, c.Columns, Array.copy c.Logits), true)
        let loss = CategoricalCrossEntropyLoss()
        loss.Backward(softmax.Output, Matrix(c.Samples, c.TargetColumns, Array.copy c.Targets))
        softmax.Backward(loss.DInputs)
        GradientCheck.assertClose "chained dLogits" (Array.map float fused) (GradientCheck.values softmax.DInputs))
