/// Random models described with the F# API, with training data that suits their loss.
module NNTrainer.FSharp.Tests.Support.ModelGenerators

open FsCheck
open FsCheck.FSharp
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.Generators

/// A model, its input size, and training data for it.
type ModelCase =
    { Model: Model
      InputSize: int
      /// Training samples, [samples × InputSize], row-major.
      Inputs: float32[]
      /// Targets, row-major, of the width the loss takes.
      Targets: float32[]
      TargetColumns: int }

    member c.Samples = c.Inputs.Length / c.InputSize

    member c.Data =
        Data.ofMatrices
            (NNTrainer.Tensors.Matrix(c.Samples, c.InputSize, Array.copy c.Inputs))
            (NNTrainer.Tensors.Matrix(c.Samples, c.TargetColumns, Array.copy c.Targets))

let private denseOptions =
    gen {
        let strength = Gen.frequency [ 2, Gen.constant 0f; 1, float32In 0.0 1e-3 ]
        let! wl1 = strength
        let! wl2 = strength
        let! bl1 = strength
        let! bl2 = strength
        let! initializer = Gen.elements [ Initializer.Auto; Initializer.He; Initializer.Glorot; Initializer.Book ]
        return { WeightL1 = wl1; WeightL2 = wl2; BiasL1 = bl1; BiasL2 = bl2; Initializer = initializer }
    }

let private dense =
    gen {
        let! neurons = Gen.choose (1, 6)
        let! options = denseOptions
        let! plain = Gen.elements [ true; false ]
        return if plain then Dense neurons else DenseWith(neurons, options)
    }

let private hiddenActivation =
    Gen.oneof
        [ Gen.constant ReLU
          Gen.map LeakyReLU (float32In 0.0 0.3)
          Gen.constant Sigmoid
          Gen.constant Tanh
          Gen.constant Linear ]

let private hiddenBlock =
    gen {
        let! d = dense
        let! activation = hiddenActivation
        let! dropout = Gen.frequency [ 2, Gen.constant []; 1, Gen.map (fun r -> [ Dropout r ]) (float32In 0.0 0.5) ]
        return d :: activation :: dropout
    }

/// Optimizers with learning rates small enough that a few epochs on bounded data do not diverge.
let optimizer =
    let fraction = float32In 0.0 0.99
    let decay = Gen.frequency [ 1, Gen.constant 0f; 1, logUniform -6.0 -1.0 ]
    let rate = logUniform -4.0 -2.0
    Gen.oneof
        [ Gen.map4 (fun lr d m n -> Sgd { LearningRate = lr; Decay = d; Momentum = m; Nesterov = n && m > 0f }) rate decay fraction (Gen.elements [ false; true ])
          Gen.map3 (fun lr d e -> AdaGrad { LearningRate = lr; Decay = d; Epsilon = e }) rate decay (logUniform -8.0 -4.0)
          Gen.map4 (fun lr d e r -> RmsProp { LearningRate = lr; Decay = d; Epsilon = e; Rho = r }) rate decay (logUniform -8.0 -4.0) fraction
          gen {
              let! lr = rate
              let! d = decay
              let! b1 = fraction
              let! b2 = fraction
              return Adam { LearningRate = lr; Decay = d; Epsilon = 1e-7f; Beta1 = b1; Beta2 = b2 }
          }
          gen {
              let! lr = rate
              let! d = decay
              let! wd = float32In 0.0 0.1
              let! b1 = fraction
              let! b2 = fraction
              return AdamW { LearningRate = lr; Decay = d; WeightDecay = wd; Epsilon = 1e-7f; Beta1 = b1; Beta2 = b2 }
          } ]

type private Head =
    | Classes
    | Binary
    | Regression of Layer * Loss

/// A random model (0–2 hidden blocks, a task-specific head) with random data for it.
let modelCase : Gen<ModelCase> =
    gen {
        let! inputSize = Gen.choose (1, 5)
        let! hidden = Gen.choose (0, 2) |> Gen.bind (fun n -> Gen.listOfLength n hiddenBlock)
        let! outputs = Gen.choose (1, 4)
        let! head =
            Gen.oneof
                [ Gen.constant Classes
                  Gen.constant Binary
                  Gen.map2 (fun a l -> Regression(a, l)) (Gen.elements [ Linear; Tanh ]) (Gen.elements [ MeanSquaredError; MeanAbsoluteError ]) ]
        let classes = max 2 outputs
        let! output = dense
        let outputLayer n = match output with DenseWith(_, o) -> DenseWith(n, o) | _ -> Dense n
        let! samples = Gen.choose (1, 12)
        let! inputs = arrayOf (samples * inputSize) (float32In -1.0 1.0)
        let! optimizer = optimizer
        let! seed = Gen.choose (System.Int32.MinValue, System.Int32.MaxValue)
        let! explicitLoss = Gen.elements [ true; false ]
        let! layers, loss, targets, targetColumns =
            match head with
            | Classes ->
                labels samples classes
                |> Gen.map (fun y -> [ outputLayer classes; Softmax ], CategoricalCrossEntropy, Array.map float32 y, 1)
            | Binary ->
                arrayOf (samples * outputs) (Gen.elements [ 0f; 1f ])
                |> Gen.map (fun y -> [ outputLayer outputs; Sigmoid ], BinaryCrossEntropy, y, outputs)
            | Regression(activation, loss) ->
                arrayOf (samples * outputs) (float32In -0.9 0.9)
                |> Gen.map (fun y -> [ outputLayer outputs; activation ], loss, y, outputs)
        let model =
            { Model.defaults with
                Layers = List.concat hidden @ layers
                Loss = if explicitLoss || loss = MeanAbsoluteError then Some loss else None
                Optimizer = optimizer
                Seed = seed }
        return { Model = model; InputSize = inputSize; Inputs = inputs; Targets = targets; TargetColumns = targetColumns }
    }

/// Training options drawn from what changes the order of random draws: batch size, shuffling, a holdout.
let trainOptions (samples: int) : Gen<TrainOptions> =
    gen {
        let! epochs = Gen.choose (1, 3)
        let! batch = Gen.frequency [ 1, Gen.constant None; 3, Gen.map Some (Gen.choose (1, 8)) ]
        let! shuffle = Gen.elements [ true; false ]
        let! holdout = Gen.elements [ true; false ]
        return
            { TrainOptions.defaults with
                Epochs = epochs
                BatchSize = batch
                Shuffle = shuffle
                Validation = if holdout && samples >= 4 then Holdout 0.25 else NoValidation }
    }
