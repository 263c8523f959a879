module NNTrainer.FSharp.Tests.OptimizerTests

open Xunit
open NNTrainer.FSharp

[<Fact>]
let ``the defaults are the book's`` () =
    Assert.Equal({ LearningRate = 1f; Decay = 0f; Momentum = 0f; Nesterov = false }, SgdOptions.defaults)
    Assert.Equal(
        { AdamWOptions.LearningRate = 0.001f; Decay = 0f; WeightDecay = 0.01f; Epsilon = 1e-7f; Beta1 = 0.9f; Beta2 = 0.999f },
        AdamWOptions.defaults
    )
    Assert.Equal(AdamW AdamWOptions.defaults, Optimizer.adamW)
    Assert.Equal({ AdaGradOptions.LearningRate = 1f; Decay = 0f; Epsilon = 1e-7f }, AdaGradOptions.defaults)
    Assert.Equal({ RmsPropOptions.LearningRate = 0.001f; Decay = 0f; Epsilon = 1e-7f; Rho = 0.9f }, RmsPropOptions.defaults)
    Assert.Equal({ AdamOptions.LearningRate = 0.001f; Decay = 0f; Epsilon = 1e-7f; Beta1 = 0.9f; Beta2 = 0.999f }, AdamOptions.defaults)
    Assert.Equal(Adam AdamOptions.defaults, Optimizer.adam)
    Assert.Equal(Sgd SgdOptions.defaults, Optimizer.sgd)
    Assert.Equal(AdaGrad AdaGradOptions.defaults, Optimizer.adaGrad)
    Assert.Equal(RmsProp RmsPropOptions.defaults, Optimizer.rmsProp)

[<Fact>]
let ``hyper-parameters reach the engine`` () =
    let adam = Adam { LearningRate = 0.02f; Decay = 1e-3f; Epsilon = 1e-6f; Beta1 = 0.8f; Beta2 = 0.99f }
    let network = Model.ofLayers [ Dense 2; Softmax ] |> Model.withOptimizer adam |> Network.build 4
    match network.Optimizer with
    | :? NNTrainer.Optimizers.AdamOptimizer as o ->
        Assert.Equal((0.02f, 1e-3f, 1e-6f, 0.8f, 0.99f), (o.LearningRate, o.Decay, o.Epsilon, o.Beta1, o.Beta2))
    | other -> failwith $"got {other}"
