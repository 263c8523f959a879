namespace NNTrainer.ML;

/// <summary>Builds the engine network and optimizer that the options describe.</summary>
internal static class NetworkFactory
{
    /// <summary>
    /// Dense layers of the given sizes, each followed by the activation (and dropout when asked), then a dense
    /// output layer and the task's output activation (none for regression); every dense layer's weights get the L2
    /// penalty for <paramref name="rows"/> training rows, or <paramref name="l2Override"/> when given (a strength chosen by
    /// cross-validation, <see cref="L2Selection"/>); <paramref name="hiddenLayers"/> replaces the options' hidden layers
    /// when given (the linear candidate of <see cref="ModelSelection"/>).
    /// </summary>
    public static Network Create(NeuralNetworkOptionsBase options, int inputs, int outputs, Layer? outputActivation, int seed, int threads, long rows, float? l2Override = null,
        int[]? hiddenLayers = null)
    {
        var network = new Network(seed) { NumberOfThreads = threads };
        float l2 = l2Override ?? options.EffectiveL2Regularization(rows, inputs);
        int size = inputs;
        foreach (int neurons in hiddenLayers ?? options.HiddenLayers)
        {
            network.Add(new DenseLayer(size, neurons, weightL1: options.L1Regularization, weightL2: l2));
            network.Add(CreateActivation(options.Activation));
            if (options.DropoutRate > 0) network.Add(new DropoutLayer(options.DropoutRate));
            size = neurons;
        }
        network.Add(new DenseLayer(size, outputs, weightL1: options.L1Regularization, weightL2: l2));
        if (outputActivation is not null) network.Add(outputActivation);
        return network;
    }

    public static Optimizer CreateOptimizer(NeuralNetworkOptionsBase options)
    {
        float rate = options.EffectiveLearningRate;
        float decay = options.LearningRateDecay;
        return options.Optimizer switch
        {
            NeuralNetworkOptimizer.Sgd => new SgdOptimizer(rate, decay, options.Momentum, options.UseNesterovMomentum),
            NeuralNetworkOptimizer.AdamW => new AdamWOptimizer(rate, options.WeightDecay, decay),
            NeuralNetworkOptimizer.AdaGrad => new AdaGradOptimizer(rate, decay),
            NeuralNetworkOptimizer.RmsProp => new RmsPropOptimizer(rate, decay),
            _ => new AdamOptimizer(rate, decay),
        };
    }

    private static Layer CreateActivation(NeuralNetworkActivation activation) => activation switch
    {
        NeuralNetworkActivation.LeakyReLU => new LeakyReLUActivation(),
        NeuralNetworkActivation.Tanh => new TanhActivation(),
        NeuralNetworkActivation.Sigmoid => new SigmoidActivation(),
        _ => new ReLUActivation(),
    };
}
