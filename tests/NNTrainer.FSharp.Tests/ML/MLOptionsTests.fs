/// ML.NET from F#: the options records, their defaults and the checks that refuse what the trainers cannot take.
module NNTrainer.FSharp.Tests.MLOptionsTests

open System
open System.IO
open Microsoft.ML
open Xunit
open NNTrainer.ML
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support.MLData
open NNTrainer.FSharp.Tests.MLFixtures

// ---- Options ----

[<Fact>]
let ``the default options are the trainers' own defaults`` () =
    let csharp = NeuralNetworkMulticlassTrainer.Options()
    let fsharp = ML.Options.toMulticlass ML.Options.defaults
    Assert.Equal<int[]>(csharp.HiddenLayers, fsharp.HiddenLayers)
    Assert.Equal<int[]>([| 100 |], fsharp.HiddenLayers)
    Assert.Equal(0.001f, fsharp.L2Regularization)
    Assert.Equal(csharp.Activation, fsharp.Activation)
    Assert.Equal(csharp.NumberOfEpochs, fsharp.NumberOfEpochs)
    Assert.Equal(csharp.BatchSize, fsharp.BatchSize)
    Assert.Equal(csharp.Optimizer, fsharp.Optimizer)
    // The C# default is null, meaning Adam's 0.001; the F# options say it.
    Assert.Equal(Nullable 0.001f, fsharp.LearningRate)
    Assert.Equal(csharp.LearningRateDecay, fsharp.LearningRateDecay)
    Assert.Equal(csharp.L1Regularization, fsharp.L1Regularization)
    Assert.Equal(csharp.L2Regularization, fsharp.L2Regularization)
    Assert.Equal(csharp.DropoutRate, fsharp.DropoutRate)
    Assert.Equal(csharp.Seed, fsharp.Seed)
    Assert.Equal(csharp.NumberOfThreads, fsharp.NumberOfThreads)
    Assert.Equal(csharp.ValidationSetFraction, fsharp.ValidationSetFraction)
    Assert.Equal(csharp.EarlyStoppingPatience, fsharp.EarlyStoppingPatience)
    Assert.Equal(csharp.SkipNonFiniteRows, fsharp.SkipNonFiniteRows)
    Assert.Null fsharp.EpochEnded
    Assert.Equal(csharp.LabelColumnName, fsharp.LabelColumnName)
    Assert.Equal(csharp.FeatureColumnName, fsharp.FeatureColumnName)
    Assert.True((ML.Options.toRegression ML.Options.defaults).StandardizeLabel)
    Assert.Equal(csharp.ScaleL2ForSmallData, fsharp.ScaleL2ForSmallData)
    Assert.Equal(csharp.ScaleL2ForLargeData, fsharp.ScaleL2ForLargeData)
    Assert.Equal(csharp.CrossValidateL2OnSmallData, fsharp.CrossValidateL2OnSmallData)
    Assert.Equal(csharp.SelectModelOnSmallData, fsharp.SelectModelOnSmallData)
    Assert.True ML.Options.defaults.SelectModelOnSmallData
    Assert.False (ML.Options.toMulticlass { ML.Options.defaults with SelectModelOnSmallData = false }).SelectModelOnSmallData
    Assert.Equal(csharp.ChooseEpochsOnHoldOut, fsharp.ChooseEpochsOnHoldOut)
    Assert.False ML.Options.defaults.ChooseEpochsOnHoldOut
    Assert.True (ML.Options.toBinary { ML.Options.defaults with ChooseEpochsOnHoldOut = true }).ChooseEpochsOnHoldOut
    Assert.Equal(csharp.LongTrainingOnLargeData, fsharp.LongTrainingOnLargeData)
    Assert.Equal(None, ML.Options.defaults.LongTrainingOnLargeData)
    Assert.Equal(System.Nullable false, (ML.Options.toRegression { ML.Options.defaults with LongTrainingOnLargeData = Some false }).LongTrainingOnLargeData)
    Assert.Equal(csharp.StrongerPenaltyInBand, fsharp.StrongerPenaltyInBand)
    Assert.True ML.Options.defaults.StrongerPenaltyInBand
    Assert.False (ML.Options.toBinary { ML.Options.defaults with StrongerPenaltyInBand = false }).StrongerPenaltyInBand
    Assert.Equal(csharp.StandardizeFeatures, fsharp.StandardizeFeatures)
    Assert.Equal(csharp.IndicatorFeaturesToUnitRange, fsharp.IndicatorFeaturesToUnitRange)
    Assert.True ML.Options.defaults.IndicatorFeaturesToUnitRange
    Assert.False (ML.Options.toMulticlass { ML.Options.defaults with IndicatorFeaturesToUnitRange = false }).IndicatorFeaturesToUnitRange
    Assert.True(ML.Options.defaults.ScaleL2ForSmallData && ML.Options.defaults.ScaleL2ForLargeData)
    Assert.True(ML.Options.defaults.CrossValidateL2OnSmallData && ML.Options.defaults.StandardizeFeatures)
    Assert.Equal(csharp.AnnealLearningRateOnLargeData, fsharp.AnnealLearningRateOnLargeData)
    Assert.True(ML.Options.defaults.AnnealLearningRateOnLargeData)

[<Fact>]
let ``the L2 rules, feature standardisation and the large-data decay can be switched off`` () =
    let off =
        { ML.Options.defaults with
            ScaleL2ForSmallData = false
            ScaleL2ForLargeData = false
            CrossValidateL2OnSmallData = false
            StandardizeFeatures = false
            AnnealLearningRateOnLargeData = false }
    let regression = ML.Options.toRegression off
    Assert.False(regression.ScaleL2ForSmallData || regression.ScaleL2ForLargeData || regression.CrossValidateL2OnSmallData || regression.StandardizeFeatures)
    Assert.False regression.AnnealLearningRateOnLargeData
    let binary = ML.Options.toBinary { ML.Options.defaults with ScaleL2ForLargeData = false }
    Assert.Equal((true, false, true, true), (binary.ScaleL2ForSmallData, binary.ScaleL2ForLargeData, binary.CrossValidateL2OnSmallData, binary.StandardizeFeatures))

[<Fact>]
let ``hidden layers become sizes, one activation and one dropout rate`` () =
    let options =
        ML.Options.toBinary
            { ML.Options.defaults with
                HiddenLayers = [ Dense 12; Tanh; Dropout 0.25f; Dense 6; Tanh; Dropout 0.25f ] }
    Assert.Equal<int[]>([| 12; 6 |], options.HiddenLayers)
    Assert.Equal(NeuralNetworkActivation.Tanh, options.Activation)
    Assert.Equal(0.25f, options.DropoutRate)
    let leaky = ML.Options.toBinary { ML.Options.defaults with HiddenLayers = [ Dense 3; LeakyReLU 0.01f ] }
    Assert.Equal(NeuralNetworkActivation.LeakyReLU, leaky.Activation)
    Assert.Equal(0f, leaky.DropoutRate)
    let sigmoid = ML.Options.toBinary { ML.Options.defaults with HiddenLayers = [ Dense 3; Sigmoid ] }
    Assert.Equal(NeuralNetworkActivation.Sigmoid, sigmoid.Activation)
    let linear = ML.Options.toBinary { ML.Options.defaults with HiddenLayers = [] }
    Assert.Empty linear.HiddenLayers

let badLayerLists =
    let data = TheoryData<Layer list, string>()
    for layers, message in
        [ [ Dense 8; ReLU; Dense 3; Softmax ], "HiddenLayers[3] is Softmax"
          [ Dense 8; ReLU; Dense 4; Tanh ], "HiddenLayers[3] is Tanh, but the first group uses ReLU"
          [ Dense 8; ReLU; Dropout 0.1f; Dense 4; ReLU ], "HiddenLayers[3] has no dropout, but the first has Dropout 0.1f"
          [ Dense 8; ReLU; Dense 4 ], "HiddenLayers[2] is Dense 4 with no activation"
          [ Dense 8; Dropout 0.1f; ReLU ], "HiddenLayers[1] is Dropout 0.1"
          [ Dense 8; LeakyReLU 0.2f ], "HiddenLayers[1] is LeakyReLU 0.2: the ML.NET trainers use a slope of 0.01"
          [ DenseWith(8, DenseOptions.defaults); ReLU ], "HiddenLayers[0] is DenseWith 8"
          [ ReLU; Dense 8; ReLU ], "HiddenLayers[0] is ReLU where a Dense layer should start"
          [ Dense 8; Linear ], "HiddenLayers[1] is Linear: list the hidden layers only" ]
        do
        data.Add(layers, message)
    data

[<Theory>]
[<MemberData(nameof badLayerLists)>]
let ``hidden layers the trainers cannot build are refused with the entry named`` (layers: Layer list, message: string) =
    let options = { ML.Options.defaults with HiddenLayers = layers }
    let e = Assert.Throws<ArgumentException>(fun () -> ML.multiclass (MLContext()) options |> ignore)
    Assert.Equal("options", e.ParamName)
    Assert.Contains(message, e.Message)

[<Fact>]
let ``optimizers carry their learning rate, decay and momentum`` () =
    let sgd =
        ML.Options.toRegression
            { ML.Options.defaults with Optimizer = Sgd { LearningRate = 0.05f; Decay = 1e-3f; Momentum = 0.5f; Nesterov = false } }
    Assert.Equal(NeuralNetworkOptimizer.Sgd, sgd.Optimizer)
    Assert.Equal(Nullable 0.05f, sgd.LearningRate)
    Assert.Equal(1e-3f, sgd.LearningRateDecay)
    Assert.Equal(0.5f, sgd.Momentum)
    let rms = ML.Options.toRegression { ML.Options.defaults with Optimizer = RmsProp { RmsPropOptions.defaults with LearningRate = 0.002f } }
    Assert.Equal(NeuralNetworkOptimizer.RmsProp, rms.Optimizer)
    Assert.Equal(Nullable 0.002f, rms.LearningRate)
    let adaGrad = ML.Options.toRegression { ML.Options.defaults with Optimizer = Optimizer.adaGrad }
    Assert.Equal(NeuralNetworkOptimizer.AdaGrad, adaGrad.Optimizer)
    Assert.Equal(Nullable 1f, adaGrad.LearningRate)

[<Fact>]
let ``optimizer settings the trainers fix are refused by name`` () =
    let refuse optimizer (message: string) =
        let e = Assert.Throws<ArgumentException>(fun () -> ML.Options.toMulticlass { ML.Options.defaults with Optimizer = optimizer } |> ignore)
        Assert.Contains(message, e.Message)
    refuse (Adam { AdamOptions.defaults with Beta1 = 0.8f }) "Adam with Beta1 = 0.9, not 0.8"
    refuse (Adam { AdamOptions.defaults with Epsilon = 1e-8f }) "Adam with Epsilon"
    refuse (RmsProp { RmsPropOptions.defaults with Rho = 0.5f }) "RMSProp with Rho = 0.9, not 0.5"
    refuse (AdaGrad { AdaGradOptions.defaults with Epsilon = 1e-3f }) "AdaGrad with Epsilon"

[<Fact>]
let ``out-of-range options fail with the trainers' message naming the option`` () =
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.binary (MLContext()) { ML.Options.defaults with BatchSize = 0 } |> ignore)
    Assert.Contains("BatchSize", e.Message)
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.regression (MLContext()) { ML.Options.defaults with ValidationSetFraction = Some 1.5f } |> ignore)
    Assert.Contains("ValidationSetFraction", e.Message)
    // Fields named otherwise in C# (NumberOfEpochs, LearningRateDecay) are reported by their F# names.
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.multiclass (MLContext()) { ML.Options.defaults with Epochs = Some 0 } |> ignore)
    Assert.Equal("options.Epochs", e.ParamName)
    Assert.Contains("option Epochs: it must be at least 1", e.Message)
    let badDecay = Adam { AdamOptions.defaults with Decay = -1e-3f }
    let e = Assert.Throws<ArgumentOutOfRangeException>(fun () -> ML.Options.toBinary { ML.Options.defaults with Optimizer = badDecay } |> ignore)
    Assert.Equal("options.Optimizer", e.ParamName)
    Assert.Contains("Decay", e.Message)
