using Microsoft.ML;

namespace NNTrainer.ML.Tests.Options;

/// <summary>AdamW, Nesterov momentum, learning-rate schedules, gradient clipping and label smoothing through the ML.NET options.</summary>
public class TrainingTechniqueOptionsTests
{
    [Fact]
    public void TheDefaultsAreTheDocumentedOnes()
    {
        var multiclass = new NeuralNetworkMulticlassTrainer.Options();
        Assert.Equal(0.01f, multiclass.WeightDecay);
        Assert.False(multiclass.UseNesterovMomentum);
        Assert.Null(multiclass.LearningRateSchedule);
        Assert.Equal(0f, multiclass.GradientClipNorm);
        Assert.Equal(0f, multiclass.LabelSmoothing);
        Assert.Equal(0f, new NeuralNetworkBinaryTrainer.Options().LabelSmoothing);
    }

    public static TheoryData<string, Action<NeuralNetworkMulticlassTrainer.Options>> InvalidOptions => new()
    {
        { "WeightDecay", o => o.WeightDecay = -0.1f },
        { "WeightDecay", o => o.WeightDecay = float.NaN },
        { "UseNesterovMomentum", o => { o.Optimizer = NeuralNetworkOptimizer.Sgd; o.Momentum = 0; o.UseNesterovMomentum = true; } },
        { "GradientClipNorm", o => o.GradientClipNorm = -1 },
        { "GradientClipNorm", o => o.GradientClipNorm = float.PositiveInfinity },
        { "LabelSmoothing", o => o.LabelSmoothing = 1 },
        { "LabelSmoothing", o => o.LabelSmoothing = -0.1f },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AnInvalidOptionIsRejectedByName(string option, Action<NeuralNetworkMulticlassTrainer.Options> spoil)
    {
        var options = new NeuralNetworkMulticlassTrainer.Options();
        spoil(options);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext().MulticlassClassification.Trainers.NeuralNetwork(options));
        Assert.Contains($"Invalid neural-network option {option}", error.Message);
        Assert.Equal($"options.{option}", error.ParamName);
    }

    [Fact]
    public void BinaryLabelSmoothingIsCheckedToo()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext().BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { LabelSmoothing = 2 }));
        Assert.Equal("options.LabelSmoothing", error.ParamName);
    }

    [Fact]
    public void TheSettingsReachTheEngine()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Flowers(30, seed: 1));
        var options = new NeuralNetworkMulticlassTrainer.Options
        {
            HiddenLayers = [8],
            NumberOfEpochs = 6,
            BatchSize = 30,
            Optimizer = NeuralNetworkOptimizer.AdamW,
            LearningRate = 0.01f,
            WeightDecay = 0.05f,
            LearningRateSchedule = new StepDecaySchedule(factor: 0.5f, dropEvery: 2),
            GradientClipNorm = 1f,
            LabelSmoothing = 0.1f,
        };
        var model = TestData.FlowerFeaturizer(ml).Append(ml.MulticlassClassification.Trainers.NeuralNetwork(options)).Fit(data);
        var network = NeuralNetworkModel.FindNetwork(model).Network;

        Assert.Equal(0.05f, Assert.IsType<AdamWOptimizer>(network.Optimizer).WeightDecay);
        Assert.Equal(0.1f, Assert.IsType<CategoricalCrossEntropyLoss>(network.Loss).LabelSmoothing);
        // α = 0.01·0.5^⌊(1 + e)/2⌋ for e = 0 … 5
        var history = ((NeuralNetworkMulticlassTransformer)NeuralNetworkModel.FindNetwork(model).NetworkSteps[0]).History;
        Assert.Equal([0.01f, 0.005f, 0.005f, 0.0025f, 0.0025f, 0.00125f], history.Epochs.Select(e => e.LearningRate));
    }

    [Fact]
    public void SgdTakesNesterovMomentum()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Circle(60, seed: 2));
        var trainer = ml.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [8],
            NumberOfEpochs = 2,
            Optimizer = NeuralNetworkOptimizer.Sgd,
            UseNesterovMomentum = true,
            LabelSmoothing = 0.1f,
        });
        var network = trainer.Fit(data).Network;
        Assert.True(Assert.IsType<SgdOptimizer>(network.Optimizer).Nesterov);
        Assert.Equal(0.1f, Assert.IsType<BinaryCrossEntropyLoss>(network.Loss).LabelSmoothing);
    }
}
