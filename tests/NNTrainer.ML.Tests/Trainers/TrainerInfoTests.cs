using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace NNTrainer.ML.Tests.Trainers;

public class TrainerInfoTests
{
    public static TheoryData<string> Tasks => new() { "multiclass", "binary", "regression" };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void EveryTrainerReportsTheSameHonestInfo(string task)
    {
        var info = Trainer(new MLContext(seed: 1), task).Info;

        Assert.True(info.NeedNormalization);
        // Training reads the view once into memory (TrainingReadsTheDataOnceWithOneCursor): a cache would be a second copy.
        Assert.False(info.WantCaching);
        Assert.False(Internal(info, "NeedCalibration"));
        Assert.True(Internal(info, "SupportsValidation"));
        Assert.True(Internal(info, "SupportsIncrementalTraining"));
    }

    [Fact]
    public void TheTrainersAreTrainerEstimatorsOfTheEngineNetwork()
    {
        var mlContext = new MLContext(seed: 1);
        Assert.IsAssignableFrom<ITrainerEstimator<NeuralNetworkMulticlassTransformer, Network>>(Trainer(mlContext, "multiclass"));
        Assert.IsAssignableFrom<ITrainerEstimator<NeuralNetworkBinaryTransformer, Network>>(Trainer(mlContext, "binary"));
        Assert.IsAssignableFrom<ITrainerEstimator<NeuralNetworkRegressionTransformer, Network>>(Trainer(mlContext, "regression"));
    }

    [Fact]
    public void ATrainerCanBeHeldAsTheGenericTrainerEstimatorMlNetsHelpersTake()
    {
        // ITrainerEstimator is covariant: code written against any single-feature prediction transformer takes ours.
        ITrainerEstimator<ISingleFeaturePredictionTransformer<Network>, Network> trainer = new MLContext(seed: 1).Regression.Trainers.NeuralNetwork();
        Assert.Same(Trainer(new MLContext(seed: 2), "binary").Info, trainer.Info);
    }

    private static ITrainerEstimator<ISingleFeaturePredictionTransformer<Network>, Network> Trainer(MLContext mlContext, string task) => task switch
    {
        "multiclass" => mlContext.MulticlassClassification.Trainers.NeuralNetwork(),
        "binary" => mlContext.BinaryClassification.Trainers.NeuralNetwork(),
        _ => mlContext.Regression.Trainers.NeuralNetwork(),
    };

    private static bool Internal(TrainerInfo info, string property) =>
        (bool)typeof(TrainerInfo).GetProperty(property, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(info)!;
}
