/// Every loss's value against its formula and its gradient with respect to the outputs against central
/// differences, in float64. Outputs stay inside the losses' clipping range and away from MAE's kink.
module NNTrainer.FSharp.Tests.Engine.Losses.LossGradientProperties

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.Losses
open NNTrainer.Tensors
open NNTrainer.FSharp.Tests.Support
open NNTrainer.FSharp.Tests.Support.Generators

type LossCase =
    { Samples: int
      Columns: int
      Outputs: float32[]
      /// Row-major targets: one column of class indices, or one row per sample.
      Targets: float32[]
      TargetColumns: int }

/// Checks Calculate against the reference mean loss and Backward against its central differences.
let private check (loss: Loss) (reference: float[] -> float) (c: LossCase) =
    let outputs = Matrix(c.Samples, c.Columns, Array.copy c.Outputs)
    let targets = Matrix(c.Samples, c.TargetColumns, Array.copy c.Targets)
    let p = Reference.ofSingles c.Outputs
    GradientCheck.assertCloseScalar "loss" (reference p) (loss.Calculate(outputs, targets))
    loss.Backward(outputs, targets)
    GradientCheck.assertClose "dOutputs" (GradientCheck.numerical reference p) (GradientCheck.values loss.DInputs)

/// Softmax outputs of logits in [−2, 2]: every probability stays far inside [1e−7, 1 − 1e−7].
let private probabilities (samples: int) (classes: int) =
    arrayOf (samples * classes) (float32In -2.0 2.0)
    |> Gen.map (fun logits -> Reference.softmax classes (Reference.ofSingles logits) |> Array.map float32)

let private shape minColumns =
    Gen.zip (Gen.choose (1, 6)) (Gen.choose (minColumns, 6))

[<Property(MaxTest = 800)>]
let ``categorical cross-entropy with class indices`` () =
    let cases =
        gen {
            let! samples, classes = shape 2
            let! p = probabilities samples classes
            let! y = labels samples classes
            return { Samples = samples; Columns = classes; Outputs = p; Targets = Array.map float32 y; TargetColumns = 1 }
        }
    Prop.forAll (Arb.fromGen cases) (fun c ->
        let labels = Array.map int c.Targets
        check (CategoricalCrossEntropyLoss()) (fun p -> Reference.sparseCategoricalCrossEntropy c.Columns p labels) c)

[<Property(MaxTest = 800)>]
let ``categorical cross-entropy with one-hot rows`` () =
    let cases =
        gen {
            let! samples, classes = shape 2
            let! p = probabilities samples classes
            let! y = oneHot samples classes
            return { Samples = samples; Columns = classes; Outputs = p; Targets = y; TargetColumns = classes }
        }
    Prop.forAll (Arb.fromGen cases) (fun c ->
        check (CategoricalCrossEntropyLoss()) (fun p -> Reference.categoricalCrossEntropy c.Columns p (Reference.ofSingles c.Targets)) c)

[<Property(MaxTest = 800)>]
let ``categorical cross-entropy with probability rows`` () =
    let cases =
        gen {
            let! samples, classes = shape 2
            let! p = probabilities samples classes
            let! y = distributions samples classes
            return { Samples = samples; Columns = classes; Outputs = p; Targets = y; TargetColumns = classes }
        }
    Prop.forAll (Arb.fromGen cases) (fun c ->
        check (CategoricalCrossEntropyLoss()) (fun p -> Reference.categoricalCrossEntropy c.Columns p (Reference.ofSingles c.Targets)) c)

[<Property(MaxTest = 800)>]
let ``binary cross-entropy with 0/1 and probability targets`` () =
    let cases =
        gen {
            let! samples, columns = shape 1
            let! p = arrayOf (samples * columns) (float32In 0.02 0.98)
            let! y = arrayOf (samples * columns) (Gen.frequency [ 2, Gen.elements [ 0f; 1f ]; 1, float32In 0.0 1.0 ])
            return { Samples = samples; Columns = columns; Outputs = p; Targets = y; TargetColumns = columns }
        }
    Prop.forAll (Arb.fromGen cases) (fun c ->
        check (BinaryCrossEntropyLoss()) (fun p -> Reference.binaryCrossEntropy p (Reference.ofSingles c.Targets)) c)

[<Property(MaxTest = 800)>]
let ``mean squared error`` () =
    let cases =
        gen {
            let! samples, columns = shape 1
            let! p = arrayOf (samples * columns) (float32In -3.0 3.0)
            let! y = arrayOf (samples * columns) (float32In -3.0 3.0)
            return { Samples = samples; Columns = columns; Outputs = p; Targets = y; TargetColumns = columns }
        }
    Prop.forAll (Arb.fromGen cases) (fun c ->
        check (MeanSquaredErrorLoss()) (fun p -> Reference.meanSquaredError p (Reference.ofSingles c.Targets)) c)

[<Property(MaxTest = 800)>]
let ``mean absolute error away from its kink`` () =
    let cases =
        gen {
            let! samples, columns = shape 1
            let! y = arrayOf (samples * columns) (float32In -3.0 3.0)
            // Each output is ≥ 0.01 from its target, where |y − ŷ| is not differentiable.
            let! offsets = arrayOf (samples * columns) (awayFromZero 0.01 2.0)
            return { Samples = samples; Columns = columns; Outputs = Array.map2 (+) y offsets; Targets = y; TargetColumns = columns }
        }
    Prop.forAll (Arb.fromGen cases) (fun c ->
        check (MeanAbsoluteErrorLoss()) (fun p -> Reference.meanAbsoluteError p (Reference.ofSingles c.Targets)) c)
