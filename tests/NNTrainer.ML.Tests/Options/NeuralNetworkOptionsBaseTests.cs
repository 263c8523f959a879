using Microsoft.ML;

namespace NNTrainer.ML.Tests.Options;

public class NeuralNetworkOptionsBaseTests
{
    public static TheoryData<string, Action<NeuralNetworkMulticlassTrainer.Options>> InvalidOptions => new()
    {
        { "LabelColumnName", o => o.LabelColumnName = " " },
        { "FeatureColumnName", o => o.FeatureColumnName = "" },
        { "HiddenLayers", o => o.HiddenLayers = null! },
        { "HiddenLayers", o => o.HiddenLayers = [16, 0] },
        { "Activation", o => o.Activation = (NeuralNetworkActivation)42 },
        { "NumberOfEpochs", o => o.NumberOfEpochs = 0 },
        { "BatchSize", o => o.BatchSize = -1 },
        { "Optimizer", o => o.Optimizer = (NeuralNetworkOptimizer)9 },
        { "LearningRate", o => o.LearningRate = 0 },
        { "LearningRate", o => o.LearningRate = float.NaN },
        { "LearningRateDecay", o => o.LearningRateDecay = -1e-3f },
        { "Momentum", o => o.Momentum = 1 },
        { "L1Regularization", o => o.L1Regularization = float.PositiveInfinity },
        { "L2Regularization", o => o.L2Regularization = -1 },
        { "DropoutRate", o => o.DropoutRate = 1 },
        { "NumberOfThreads", o => o.NumberOfThreads = 0 },
        { "ValidationSetFraction", o => o.ValidationSetFraction = 1 },
        { "EarlyStoppingPatience", o => o.EarlyStoppingPatience = -2 },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AnInvalidOptionIsRejectedWhenTheTrainerIsCreated(string option, Action<NeuralNetworkMulticlassTrainer.Options> spoil)
    {
        var options = new NeuralNetworkMulticlassTrainer.Options();
        spoil(options);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext().MulticlassClassification.Trainers.NeuralNetwork(options));
        Assert.Contains($"Invalid neural-network option {option}", error.Message);
        Assert.Equal($"options.{option}", error.ParamName);
    }

    [Fact]
    public void AnOptionSpoiltAfterCreationIsRejectedByFit()
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options();
        var trainer = mlContext.BinaryClassification.Trainers.NeuralNetwork(options);
        options.BatchSize = 0;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(10, seed: 1))));
        Assert.Contains("BatchSize", error.Message);
    }

    [Fact]
    public void TheDefaultsAreTheDocumentedOnes()
    {
        var options = new NeuralNetworkRegressionTrainer.Options();
        Assert.Equal("Label", options.LabelColumnName);
        Assert.Equal("Features", options.FeatureColumnName);
        Assert.Equal([100], options.HiddenLayers);
        Assert.Equal(NeuralNetworkActivation.ReLU, options.Activation);
        Assert.Null(options.NumberOfEpochs);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal(NeuralNetworkOptimizer.Adam, options.Optimizer);
        Assert.Null(options.LearningRate);
        Assert.Equal(0.001f, options.EffectiveLearningRate);
        Assert.Equal(0f, options.LearningRateDecay);
        Assert.Equal(0.9f, options.Momentum);
        Assert.Equal(0f, options.L1Regularization);
        Assert.Equal(0.001f, options.L2Regularization);
        Assert.True(options.ScaleL2ForSmallData);
        Assert.Equal(0f, options.DropoutRate);
        Assert.Null(options.Seed);
        Assert.Null(options.NumberOfThreads);
        Assert.Equal(0f, options.ValidationSetFraction);
        Assert.Equal(0, options.EarlyStoppingPatience);
        Assert.False(options.SkipNonFiniteRows);
        Assert.True(options.StandardizeLabel);
        Assert.True(options.StandardizeFeatures);
        Assert.NotSame(options.HiddenLayers, new NeuralNetworkRegressionTrainer.Options().HiddenLayers);
    }

    [Theory]
    [InlineData(60_000, 128, 22)]
    [InlineData(1_000_000, 128, 10)]
    [InlineData(150, 128, 200)]
    [InlineData(5_000, 32, 64)]
    [InlineData(6_000, 32, 54)]
    [InlineData(60_000, 32, 10)]
    public void AutomaticEpochsAimForAboutTenThousandUpdates(long rows, int batchSize, int expected) =>
        Assert.Equal(expected, NeuralNetworkDefaults.Epochs(rows, batchSize));

    [Theory]
    [InlineData(16_000, 4_326, 145)] // LetterRecognition: 10¹⁰ / (16,000 × 4,326) = 144.5 passes, not 20
    [InlineData(8_000, 79_510, 40)] // Fashion-MNIST 10k: the updates' 40 already spend more
    [InlineData(48_000, 79_510, 10)]
    [InlineData(5_000, 17, 200)] // a tiny network: at most 200
    [InlineData(4_999, 17, 200)] // from 1,000 rows on (round 16; 5,000 before)
    [InlineData(2_274, 1_901, 200)] // MASS's Aids2: 10¹⁰ / (2,274 × 1,901) = 2,313 passes, at most 200 (the updates give 139)
    [InlineData(100_000, 1_000, 100)]
    [InlineData(16_000, 0, 20)] // parameters not known
    public void FromOneThousandRowsTheLongTrainingSpendsAtLeastTheWorkBudget(long rows, long parameters, int expected) =>
        Assert.Equal(expected, NeuralNetworkDefaults.Epochs(rows, 32, parameters));

    [Theory]
    [InlineData(6_000 * 25 * 60.0, 60)] // 4 inputs, 4 hidden, 1 output: 25 parameters × 6,000 rows × 60 passes
    [InlineData(0.0, 54)] // no budget: about 10,000 updates of 188 batches
    public void TheLongTrainingRunsTheBudgetsEpochs(double budget, int expected)
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [4], NumberOfThreads = 1, Seed = 1, EpochWorkBudget = budget, LongTrainingOnLargeData = true };

        var history = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(6_000, seed: 1))).History!;

        Assert.Equal(expected, history.Epochs.Count);
    }

    [Fact]
    public void TheOptionsShapeTheNetwork()
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [7, 5],
            Activation = NeuralNetworkActivation.Tanh,
            DropoutRate = 0.25f,
            L1Regularization = 1e-4f,
            L2Regularization = 1e-3f,
            Optimizer = NeuralNetworkOptimizer.Sgd,
            Momentum = 0.5f,
            LearningRateDecay = 1e-3f,
            NumberOfEpochs = 1,
            NumberOfThreads = 1,
            ScaleL2ForSmallData = false,
        };
        var network = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(20, seed: 1))).Network;

        Assert.Equal(
            [typeof(DenseLayer), typeof(TanhActivation), typeof(DropoutLayer), typeof(DenseLayer), typeof(TanhActivation), typeof(DropoutLayer), typeof(DenseLayer), typeof(SigmoidActivation)],
            network.Layers.Select(l => l.GetType()));
        var dense = network.Layers.OfType<DenseLayer>().ToArray();
        Assert.Equal([7, 5, 1], dense.Select(d => d.Neurons));
        Assert.All(dense, d => Assert.Equal((1e-4f, 1e-3f, 0f), (d.Weights.L1, d.Weights.L2, d.Biases.L2)));
        Assert.Equal(0.25f, network.Layers.OfType<DropoutLayer>().First().Rate);
        var sgd = Assert.IsType<SgdOptimizer>(network.Optimizer);
        Assert.Equal((0.01f, 1e-3f, 0.5f), (sgd.LearningRate, sgd.Decay, sgd.Momentum));
        Assert.IsType<BinaryCrossEntropyLoss>(network.Loss);
    }

    [Theory]
    [InlineData(NeuralNetworkOptimizer.Adam, typeof(AdamOptimizer), 0.001f)]
    [InlineData(NeuralNetworkOptimizer.AdaGrad, typeof(AdaGradOptimizer), 0.01f)]
    [InlineData(NeuralNetworkOptimizer.RmsProp, typeof(RmsPropOptimizer), 0.001f)]
    public void EachOptimizerHasItsUsualLearningRate(NeuralNetworkOptimizer kind, Type type, float rate)
    {
        var options = new NeuralNetworkRegressionTrainer.Options { Optimizer = kind };
        var optimizer = NetworkFactory.CreateOptimizer(options);
        Assert.IsType(type, optimizer);
        Assert.Equal(rate, optimizer.LearningRate);
    }
}
