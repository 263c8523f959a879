using NNTrainer.Activations;
using NNTrainer.Data;
using NNTrainer.Initialization;
using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Optimizers;
using NNTrainer.Tensors;
using NNTrainer.Training;

namespace NNTrainer;

/// <summary>
/// The convolutional networks of Rosebrock's "Deep Learning for Computer Vision" (Starter Bundle), layer for layer
/// as the book builds them in Keras: <see cref="ShallowNet"/>, <see cref="LeNet"/> and <see cref="MiniVGGNet"/>.
/// Each returns an unbuilt <see cref="Network"/> ending in a softmax; set a loss and an optimizer (the book uses
/// <see cref="CategoricalCrossEntropyLoss"/> and SGD, see <see cref="BookOptimizer"/>) and call <c>Fit</c>.
/// </summary>
/// <remarks>All convolutions use "same" padding, as in the book; pooling is 2×2 at stride 2.</remarks>
public static class Architectures
{
    /// <summary>The book's first network: conv 32 3×3 same → ReLU → flatten → dense classes → softmax.</summary>
    /// <param name="input">Shape of one image (e.g. <see cref="FashionMnist.ImageShape"/>).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="seed">Seed of the network's random source (weights, shuffling, dropout).</param>
    public static Network ShallowNet(ImageShape input, int classes, int seed = 0)
    {
        CheckClasses(classes);
        var conv = new Conv2DLayer(input, 32, 3, padding: Padding.Same);
        return new Network(seed)
            .Add(conv)
            .Add(new ReLUActivation())
            .Add(new FlattenLayer(conv.OutputShape))
            .Add(new DenseLayer(conv.OutputShape.Size, classes))
            .Add(new SoftmaxActivation());
    }

    /// <summary>
    /// LeNet: conv 20 5×5 same → ReLU → max-pool 2 → conv 50 5×5 same → ReLU → max-pool 2 → flatten → dense 500 → ReLU
    /// → dense classes → softmax.
    /// </summary>
    /// <param name="input">Shape of one image; height and width at least 4 (two 2×2 poolings).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="seed">Seed of the network's random source (weights, shuffling, dropout).</param>
    public static Network LeNet(ImageShape input, int classes, int seed = 0)
    {
        CheckClasses(classes);
        var network = new Network(seed);
        var conv1 = new Conv2DLayer(input, 20, 5, padding: Padding.Same);
        var pool1 = new MaxPool2DLayer(conv1.OutputShape);
        var conv2 = new Conv2DLayer(pool1.OutputShape, 50, 5, padding: Padding.Same);
        var pool2 = new MaxPool2DLayer(conv2.OutputShape);
        return network
            .Add(conv1).Add(new ReLUActivation()).Add(pool1)
            .Add(conv2).Add(new ReLUActivation()).Add(pool2)
            .Add(new FlattenLayer(pool2.OutputShape))
            .Add(new DenseLayer(pool2.OutputShape.Size, 500)).Add(new ReLUActivation())
            .Add(new DenseLayer(500, classes)).Add(new SoftmaxActivation());
    }

    /// <summary>
    /// MiniVGGNet: two blocks of [conv 3×3 same → ReLU → batch-norm] × 2 → max-pool 2 → dropout 0.25, with 32 then 64
    /// filters, then flatten → dense 512 → ReLU → batch-norm → dropout 0.5 → dense classes → softmax. Batch
    /// normalisation comes after the ReLU, as in the book's code. Every convolution and dense layer draws PyTorch's default
    /// weights (<see cref="WeightInitializer.PyTorch"/>), not the engine's He/Glorot rule.
    /// </summary>
    /// <remarks>
    /// Measured in docs/images.md, "Round 11": on 4,800 Fashion-MNIST images with Adam, He's draw trained more slowly than
    /// PyTorch's (√6 times smaller), in this engine and in PyTorch alike (first-epoch loss 0.85–0.87 against 0.65–0.66),
    /// mostly through the output layer's draw; by 13 epochs the test figures of the two draws lay within the seed spread.
    /// With PyTorch's draw the network trains as a PyTorch user's MiniVGGNet does.
    /// </remarks>
    /// <param name="input">Shape of one image; height and width at least 4 (two 2×2 poolings).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="seed">Seed of the network's random source (weights, shuffling, dropout).</param>
    public static Network MiniVGGNet(ImageShape input, int classes, int seed = 0)
    {
        CheckClasses(classes);
        var network = new Network(seed);
        var shape = input;
        foreach (int filters in new[] { 32, 64 })
        {
            for (int i = 0; i < 2; i++)
            {
                var conv = new Conv2DLayer(shape, filters, 3, padding: Padding.Same, initializer: WeightInitializer.PyTorch);
                shape = conv.OutputShape;
                network.Add(conv).Add(new ReLUActivation()).Add(new BatchNormalizationLayer(shape));
            }
            var pool = new MaxPool2DLayer(shape);
            shape = pool.OutputShape;
            network.Add(pool).Add(new DropoutLayer(0.25f));
        }
        return network
            .Add(new FlattenLayer(shape))
            .Add(new DenseLayer(shape.Size, 512, initializer: WeightInitializer.PyTorch)).Add(new ReLUActivation())
            .Add(new BatchNormalizationLayer(512)).Add(new DropoutLayer(0.5f))
            .Add(new DenseLayer(512, classes, initializer: WeightInitializer.PyTorch)).Add(new SoftmaxActivation());
    }

    /// <summary>
    /// The optimizer the book trains each network with: SGD at 0.005 for ShallowNet and 0.01 for LeNet; for MiniVGGNet
    /// 0.01 with Nesterov momentum 0.9 and time-based decay 0.01/40 per batch (the book's 40 epochs), as
    /// <c>cnn_torch.py</c> does in PyTorch.
    /// </summary>
    /// <param name="architecture">"shallownet", "lenet" or "minivggnet" (any case).</param>
    public static SgdOptimizer BookOptimizer(string architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture.ToLowerInvariant() switch
        {
            "shallownet" => new SgdOptimizer(learningRate: 0.005f),
            "lenet" => new SgdOptimizer(learningRate: 0.01f),
            "minivggnet" => new SgdOptimizer(learningRate: 0.01f, decay: 0.01f / 40, momentum: 0.9f, nesterov: true),
            _ => throw new ArgumentException($"Architectures.BookOptimizer: unknown architecture \"{architecture}\"; expected shallownet, lenet or minivggnet.", nameof(architecture)),
        };
    }

    private static void CheckClasses(int classes)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "Architectures: a classifier needs at least 2 classes.");
    }
}
