using Microsoft.ML;

namespace NNTrainer.ML.Tests.Options;

/// <summary><see cref="NeuralNetworkOptionsBase.Execution"/>: the reference step on request, the same weights either way.</summary>
public class ExecutionOptionTests
{
    [Fact]
    public void TheReferenceStepRunsOnRequestAndTrainsTheSameWeights()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Flowers(40, seed: 1));
        NeuralNetworkMulticlassTransformer Fit(TrainingExecution execution)
        {
            var options = new NeuralNetworkMulticlassTrainer.Options { HiddenLayers = [8], NumberOfEpochs = 3, Seed = 5, Execution = execution };
            var model = TestData.FlowerFeaturizer(ml).Append(ml.MulticlassClassification.Trainers.NeuralNetwork(options)).Fit(data);
            return (NeuralNetworkMulticlassTransformer)NeuralNetworkModel.FindNetwork(model).NetworkSteps[0];
        }
        Assert.Equal(TrainingExecution.Auto, new NeuralNetworkMulticlassTrainer.Options().Execution);
        var auto = Fit(TrainingExecution.Auto);
        var reference = Fit(TrainingExecution.Reference);
        Assert.NotEqual(TrainingStepNames.Reference, auto.History.TrainingStep);
        Assert.Equal(TrainingStepNames.Reference, reference.History.TrainingStep);
        for (int p = 0; p < auto.Network.Parameters.Count; p++)
        {
            Assert.Equal(reference.Network.Parameters[p].Values, auto.Network.Parameters[p].Values);
        }
    }

    [Fact]
    public void AnUnknownExecutionIsRejectedByName()
    {
        var options = new NeuralNetworkRegressionTrainer.Options { Execution = (TrainingExecution)3 };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext().Regression.Trainers.NeuralNetwork(options));
        Assert.Equal("options.Execution", error.ParamName);
    }
}
