using Microsoft.ML;
using NNTrainer.Hardening.Tests.Scoring;
using NNTrainer.ML;

namespace NNTrainer.Hardening.Tests.Trainers;

/// <summary>
/// Same seed → bit-identical weights with 1 and 2 threads through the ML.NET trainers (dropout, a validation split,
/// several optimizers), with layers wide enough that the kernels really split their work. The engine's own
/// 1/2/3-thread check is NNTrainer.Tests' DeterminismTests; this adds dropout, regularisation and the other optimizers.
/// </summary>
public sealed class ThreadDeterminismTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_ml_net_trainers_give_bit_identical_weights_with_one_and_two_threads(int which)
    {
        var one = ConcurrentScoringTests.Trained(new MLContext(seed: 7), which, threads: 1, hidden: 256).Model;
        var two = ConcurrentScoringTests.Trained(new MLContext(seed: 7), which, threads: 2, hidden: 256).Model;
        var again = ConcurrentScoringTests.Trained(new MLContext(seed: 7), which, threads: 2, hidden: 256).Model;

        Assert.Equal(Weights(one), Weights(two));
        Assert.Equal(Weights(two), Weights(again));
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adagrad")]
    [InlineData("rmsprop")]
    [InlineData("adam")]
    public void The_engine_gives_bit_identical_weights_with_one_and_two_threads_with_dropout_and_regularisation(string optimizer)
    {
        var (x, y) = SyntheticData.Spiral(200, 3, seed: 3);
        Assert.Equal(Engine(x, y, optimizer, threads: 1), Engine(x, y, optimizer, threads: 2));
    }

    private static int[] Engine(Matrix x, int[] y, string optimizer, int threads)
    {
        var network = new Network(seed: 11) { NumberOfThreads = threads };
        network.Add(new DenseLayer(2, 256, weightL1: 1e-5f, weightL2: 1e-4f)).Add(new ReLUActivation()).Add(new DropoutLayer(0.2f))
            .Add(new DenseLayer(256, 256, biasL2: 1e-4f)).Add(new TanhActivation()).Add(new DropoutLayer(0.1f))
            .Add(new DenseLayer(256, 3)).Add(new SoftmaxActivation());
        Optimizer chosen = optimizer switch
        {
            "sgd" => new SgdOptimizer(0.1f, decay: 1e-3f, momentum: 0.9f),
            "adagrad" => new AdaGradOptimizer(0.05f),
            "rmsprop" => new RmsPropOptimizer(0.005f),
            _ => new AdamOptimizer(0.005f),
        };
        network.Set(new CategoricalCrossEntropyLoss(), chosen);
        network.Fit(x, y, new FitOptions { Epochs = 3, BatchSize = 64, ValidationFraction = 0.1 });
        return network.Parameters.SelectMany(p => p.Values).Select(BitConverter.SingleToInt32Bits).ToArray();
    }

    private static int[] Weights(ITransformer model) =>
        NeuralNetworkModel.FindNetwork(model).Network.Parameters.SelectMany(p => p.Values).Select(BitConverter.SingleToInt32Bits).ToArray();
}
