namespace NNTrainer.FSharp

/// <summary>Settings of stochastic gradient descent (<see cref="Optimizer.Sgd"/>).</summary>
type SgdOptions =
    {
        /// <summary>Learning rate, finite and &gt; 0.</summary>
        LearningRate: float32
        /// <summary>Learning-rate decay: the rate at step t is <c>LearningRate / (1 + Decay·t)</c>; 0 keeps it constant.</summary>
        Decay: float32
        /// <summary>Fraction of the previous update kept, in [0, 1); 0 is plain SGD.</summary>
        Momentum: float32
        /// <summary>Nesterov momentum (Keras form: <c>v = μv − lr·g</c>, <c>w += μv − lr·g</c>); needs a momentum &gt; 0.</summary>
        Nesterov: bool
    }

/// <summary>Settings of AdaGrad (<see cref="Optimizer.AdaGrad"/>).</summary>
type AdaGradOptions =
    {
        /// <summary>Learning rate, finite and &gt; 0.</summary>
        LearningRate: float32
        /// <summary>Learning-rate decay per step; 0 keeps it constant.</summary>
        Decay: float32
        /// <summary>Added to the denominator to avoid division by zero; &gt; 0.</summary>
        Epsilon: float32
    }

/// <summary>Settings of RMSProp (<see cref="Optimizer.RmsProp"/>).</summary>
type RmsPropOptions =
    {
        /// <summary>Learning rate, finite and &gt; 0.</summary>
        LearningRate: float32
        /// <summary>Learning-rate decay per step; 0 keeps it constant.</summary>
        Decay: float32
        /// <summary>Added to the denominator to avoid division by zero; &gt; 0.</summary>
        Epsilon: float32
        /// <summary>Decay of the squared-gradient moving average, in [0, 1).</summary>
        Rho: float32
    }

/// <summary>Settings of Adam (<see cref="Optimizer.Adam"/>).</summary>
type AdamOptions =
    {
        /// <summary>Learning rate, finite and &gt; 0.</summary>
        LearningRate: float32
        /// <summary>Learning-rate decay per step; 0 keeps it constant.</summary>
        Decay: float32
        /// <summary>Added to the denominator to avoid division by zero; &gt; 0.</summary>
        Epsilon: float32
        /// <summary>Decay of the gradient's moving average, in [0, 1).</summary>
        Beta1: float32
        /// <summary>Decay of the squared gradient's moving average, in [0, 1).</summary>
        Beta2: float32
    }

/// <summary>Settings of AdamW (<see cref="Optimizer.AdamW"/>).</summary>
type AdamWOptions =
    {
        /// <summary>Learning rate, finite and &gt; 0.</summary>
        LearningRate: float32
        /// <summary>Learning-rate decay per step; 0 keeps it constant.</summary>
        Decay: float32
        /// <summary>Decoupled weight decay λ ≥ 0: every step first multiplies each value by <c>1 − lr·λ</c> (as <c>torch.optim.AdamW</c>).</summary>
        WeightDecay: float32
        /// <summary>Added to the denominator to avoid division by zero; &gt; 0.</summary>
        Epsilon: float32
        /// <summary>Decay of the gradient's moving average, in [0, 1).</summary>
        Beta1: float32
        /// <summary>Decay of the squared gradient's moving average, in [0, 1).</summary>
        Beta2: float32
    }

/// <summary>How a model's parameters are updated from their gradients (the book's update rules).</summary>
type Optimizer =
    /// <summary>Stochastic gradient descent, optionally with momentum.</summary>
    | Sgd of SgdOptions
    /// <summary>AdaGrad: per-value learning rates shrinking with the sum of squared gradients.</summary>
    | AdaGrad of AdaGradOptions
    /// <summary>RMSProp: per-value learning rates from a moving average of squared gradients.</summary>
    | RmsProp of RmsPropOptions
    /// <summary>Adam: momentum plus RMSProp's cache, both bias-corrected.</summary>
    | Adam of AdamOptions
    /// <summary>AdamW: Adam with decoupled weight decay.</summary>
    | AdamW of AdamWOptions

/// Reads an engine optimizer's settings into the F# records: the defaults below (read from the engine's constructors, so
/// the two APIs cannot drift apart) and Engine.ofOptimizer (a trained network's optimizer) share it.
module internal EngineOptimizer =
    let sgd (o: NNTrainer.Optimizers.SgdOptimizer) : SgdOptions =
        { LearningRate = o.LearningRate; Decay = o.Decay; Momentum = o.Momentum; Nesterov = o.Nesterov }

    let adaGrad (o: NNTrainer.Optimizers.AdaGradOptimizer) : AdaGradOptions =
        { LearningRate = o.LearningRate; Decay = o.Decay; Epsilon = o.Epsilon }

    let rmsProp (o: NNTrainer.Optimizers.RmsPropOptimizer) : RmsPropOptions =
        { LearningRate = o.LearningRate; Decay = o.Decay; Epsilon = o.Epsilon; Rho = o.Rho }

    let adam (o: NNTrainer.Optimizers.AdamOptimizer) : AdamOptions =
        { LearningRate = o.LearningRate; Decay = o.Decay; Epsilon = o.Epsilon; Beta1 = o.Beta1; Beta2 = o.Beta2 }

    let adamW (o: NNTrainer.Optimizers.AdamWOptimizer) : AdamWOptions =
        { LearningRate = o.LearningRate
          Decay = o.Decay
          WeightDecay = o.WeightDecay
          Epsilon = o.Epsilon
          Beta1 = o.Beta1
          Beta2 = o.Beta2 }

/// <summary>Values for <see cref="SgdOptions"/>.</summary>
[<RequireQualifiedAccess>]
module SgdOptions =
    /// <summary>The book's defaults: learning rate 1.0, no decay, no momentum, no Nesterov.</summary>
    let defaults = EngineOptimizer.sgd (NNTrainer.Optimizers.SgdOptimizer())

/// <summary>Values for <see cref="AdaGradOptions"/>.</summary>
[<RequireQualifiedAccess>]
module AdaGradOptions =
    /// <summary>The book's defaults: learning rate 1.0, no decay, epsilon 1e−7.</summary>
    let defaults = EngineOptimizer.adaGrad (NNTrainer.Optimizers.AdaGradOptimizer())

/// <summary>Values for <see cref="RmsPropOptions"/>.</summary>
[<RequireQualifiedAccess>]
module RmsPropOptions =
    /// <summary>The book's defaults: learning rate 0.001, no decay, epsilon 1e−7, rho 0.9.</summary>
    let defaults = EngineOptimizer.rmsProp (NNTrainer.Optimizers.RmsPropOptimizer())

/// <summary>Values for <see cref="AdamOptions"/>.</summary>
[<RequireQualifiedAccess>]
module AdamOptions =
    /// <summary>The book's defaults: learning rate 0.001, no decay, epsilon 1e−7, beta1 0.9, beta2 0.999.</summary>
    let defaults = EngineOptimizer.adam (NNTrainer.Optimizers.AdamOptimizer())

/// <summary>Values for <see cref="AdamWOptions"/>.</summary>
[<RequireQualifiedAccess>]
module AdamWOptions =
    /// <summary>The engine's defaults: learning rate 0.001, no decay, weight decay 0.01 (PyTorch's), epsilon 1e−7, beta1 0.9, beta2 0.999.</summary>
    let defaults = EngineOptimizer.adamW (NNTrainer.Optimizers.AdamWOptimizer())

/// <summary>Shorthands for <see cref="Optimizer"/>.</summary>
[<RequireQualifiedAccess>]
module Optimizer =
    /// <summary>Adam with the book's defaults.</summary>
    let adam = Adam AdamOptions.defaults

    /// <summary>Plain SGD with the book's defaults.</summary>
    let sgd = Sgd SgdOptions.defaults

    /// <summary>AdaGrad with the book's defaults.</summary>
    let adaGrad = AdaGrad AdaGradOptions.defaults

    /// <summary>RMSProp with the book's defaults.</summary>
    let rmsProp = RmsProp RmsPropOptions.defaults

    /// <summary>AdamW with the engine's defaults (weight decay 0.01).</summary>
    let adamW = AdamW AdamWOptions.defaults
