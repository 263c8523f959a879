namespace NNTrainer.FSharp

/// <summary>
/// The convolutional networks of Rosebrock's "Deep Learning for Computer Vision" (Starter Bundle), built with the
/// book's loss (categorical cross-entropy) and optimizer (<c>NNTrainer.Architectures.BookOptimizer</c>) and ready for
/// <c>Network.train</c>. Each is the engine's <c>NNTrainer.Architectures</c> builder: the same seed gives the same
/// network, bit for bit, as from C#. Images are rows of C·H·W values in NCHW order (<c>Data.fashionMnist</c> gives
/// 1×28×28 ones).
/// </summary>
/// <example>
/// <code>
/// let train, test = Data.fashionMnist ()
/// let network = Architectures.leNet Architectures.fashionMnist 10 0
/// let history = network |> Network.train { TrainOptions.defaults with Epochs = 2; BatchSize = Some 128 } train
/// // or as long as the ML.NET trainer and nntrainer train it by default: about 2,000 weight updates
/// let stopped = network |> Network.train (TrainOptions.convolutional (Data.count train)) train
/// </code>
/// </example>
[<RequireQualifiedAccess>]
module Architectures =
    /// <summary>The shape of a Fashion-MNIST (or MNIST) image: 1 channel of 28×28 pixels.</summary>
    let fashionMnist : NNTrainer.Tensors.ImageShape = NNTrainer.Data.FashionMnist.ImageShape

    /// <summary>An image shape: channels (1 grey, 3 RGB), height and width in pixels.</summary>
    /// <param name="channels">Channels per pixel.</param>
    /// <param name="height">Rows of pixels.</param>
    /// <param name="width">Columns of pixels.</param>
    let shape (channels: int) (height: int) (width: int) = NNTrainer.Tensors.ImageShape(channels, height, width)

    let private ready (name: string) (network: NNTrainer.Training.Network) =
        network.Set(NNTrainer.Losses.CategoricalCrossEntropyLoss(), NNTrainer.Architectures.BookOptimizer name) |> ignore
        network.Build()
        network

    /// <summary>ShallowNet: conv 32 3×3 same → ReLU → flatten → dense classes → softmax; SGD at 0.005.</summary>
    /// <param name="input">Shape of one image.</param>
    /// <param name="classes">Number of classes, at least 2.</param>
    /// <param name="seed">Seed of the network's random source (weights, shuffling, dropout).</param>
    let shallowNet (input: NNTrainer.Tensors.ImageShape) (classes: int) (seed: int) : NNTrainer.Training.Network =
        NNTrainer.Architectures.ShallowNet(input, classes, seed) |> ready "shallownet"

    /// <summary>
    /// LeNet: conv 20 5×5 same → ReLU → max-pool 2 → conv 50 5×5 same → ReLU → max-pool 2 → flatten → dense 500 → ReLU
    /// → dense classes → softmax; SGD at 0.01.
    /// </summary>
    /// <param name="input">Shape of one image; height and width at least 4.</param>
    /// <param name="classes">Number of classes, at least 2.</param>
    /// <param name="seed">Seed of the network's random source (weights, shuffling, dropout).</param>
    let leNet (input: NNTrainer.Tensors.ImageShape) (classes: int) (seed: int) : NNTrainer.Training.Network =
        NNTrainer.Architectures.LeNet(input, classes, seed) |> ready "lenet"

    /// <summary>
    /// MiniVGGNet: [conv 3×3 same → ReLU → batch-norm] ×2 → max-pool 2 → dropout 0.25, with 32 then 64 filters, then
    /// dense 512 → ReLU → batch-norm → dropout 0.5 → dense classes → softmax; SGD at 0.01 with Nesterov momentum 0.9 and
    /// time-based decay 0.01/40.
    /// </summary>
    /// <param name="input">Shape of one image; height and width at least 4.</param>
    /// <param name="classes">Number of classes, at least 2.</param>
    /// <param name="seed">Seed of the network's random source (weights, shuffling, dropout).</param>
    let miniVggNet (input: NNTrainer.Tensors.ImageShape) (classes: int) (seed: int) : NNTrainer.Training.Network =
        NNTrainer.Architectures.MiniVGGNet(input, classes, seed) |> ready "minivggnet"
