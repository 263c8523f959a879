namespace NNTrainer.FSharp

/// <summary>How a dense layer draws its initial weights (biases always start at zero).</summary>
[<RequireQualifiedAccess>]
type Initializer =
    /// <summary>He before a ReLU or leaky ReLU, Glorot otherwise: the engine's default.</summary>
    | Auto
    /// <summary>He (Kaiming) normal, N(0, 2 / inputs): suited to ReLU-family activations.</summary>
    | He
    /// <summary>Glorot (Xavier) uniform: suited to sigmoid, tanh, softmax and linear outputs.</summary>
    | Glorot
    /// <summary>The book's <c>0.01 · randn</c>, to reproduce its figures.</summary>
    | Book
    /// <summary>PyTorch's default for <c>nn.Linear</c>: U(−1/√inputs, +1/√inputs); MiniVGGNet's layers use it.</summary>
    | PyTorch

/// <summary>Regularisation and initialisation of a dense layer, for <see cref="Layer.DenseWith"/>.</summary>
type DenseOptions =
    {
        /// <summary>L1 strength on the weights (λ₁ in λ₁·Σ|w|); 0 turns it off.</summary>
        WeightL1: float32
        /// <summary>L2 strength on the weights (λ₂ in λ₂·Σw²); 0 turns it off.</summary>
        WeightL2: float32
        /// <summary>L1 strength on the biases; 0 turns it off.</summary>
        BiasL1: float32
        /// <summary>L2 strength on the biases; 0 turns it off.</summary>
        BiasL2: float32
        /// <summary>How the initial weights are drawn.</summary>
        Initializer: Initializer
    }

/// <summary>Functions and values for <see cref="DenseOptions"/>.</summary>
[<RequireQualifiedAccess>]
module DenseOptions =
    /// <summary>No regularisation and <see cref="Initializer.Auto"/>: what <c>Dense n</c> means.</summary>
    let defaults =
        { WeightL1 = 0f
          WeightL2 = 0f
          BiasL1 = 0f
          BiasL2 = 0f
          Initializer = Initializer.Auto }

/// <summary>
/// One step of a sequential model, described as data. The input size of every dense layer is inferred: the
/// first takes the data's width (or <c>Model.InputSize</c>), each later one the width of the step before it.
/// </summary>
/// <example><code>[ Dense 64; ReLU; Dropout 0.1f; Dense 3; Softmax ]</code></example>
type Layer =
    /// <summary>A fully connected layer with this many neurons, unregularised, initialised by <see cref="Initializer.Auto"/>.</summary>
    | Dense of neurons: int
    /// <summary>A fully connected layer with this many neurons, regularisation and initialisation.</summary>
    | DenseWith of neurons: int * options: DenseOptions
    /// <summary>Inverted dropout dropping this fraction of values while training, in [0, 1); the identity at inference.</summary>
    | Dropout of rate: float32
    /// <summary>Rectified linear unit, <c>max(0, x)</c>.</summary>
    | ReLU
    /// <summary>Leaky ReLU with this slope for negative inputs, in [0, 1) (0.01 is the usual choice).</summary>
    | LeakyReLU of alpha: float32
    /// <summary>Logistic sigmoid: independent probabilities (binary and multi-label outputs).</summary>
    | Sigmoid
    /// <summary>Hyperbolic tangent.</summary>
    | Tanh
    /// <summary>Softmax over each sample's values: a distribution over classes.</summary>
    | Softmax
    /// <summary>The identity: the output of regression models.</summary>
    | Linear
    /// <summary>
    /// Any engine layer kind that describes itself (<c>NNTrainer.Layers.Layer.Describe</c>), e.g.
    /// <c>Engine(LayerNormalizationLayer.Description())</c>: a new engine layer needs no case of its own here.
    /// </summary>
    | Engine of description: NNTrainer.Layers.LayerDescription
