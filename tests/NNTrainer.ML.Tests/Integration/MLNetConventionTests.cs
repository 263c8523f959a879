using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Integration;

/// <summary>
/// ML.NET habits a user brings to any binary trainer, tried on the network: splitting and cross-validating by a
/// grouping column (ML.NET adds a hidden helper column the trainer must pass by), and a Platt calibrator fitted on
/// the network's logit after it.
/// </summary>
public class MLNetConventionTests
{
    private sealed class GroupedRow
    {
        public bool Label { get; set; }

        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public float Patient { get; set; }
    }

    /// <summary>The circle rows, ten rows to a patient.</summary>
    private static IDataView Patients(MLContext mlContext) =>
        mlContext.Data.LoadFromEnumerable(TestData.Circle(600, seed: 7).Select((r, i) => new GroupedRow { Label = r.Label, Features = r.Features, Patient = i / 10 }));

    private static NeuralNetworkBinaryTrainer Trainer(MLContext mlContext) =>
        mlContext.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [16], NumberOfEpochs = 60, LearningRate = 0.02f, Seed = 1,
        });

    [Fact]
    public void SplitAndCrossValidationBySamplingKeyKeepAPatientsRowsTogetherAndTrain()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Patients(mlContext);

        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25, samplingKeyColumnName: "Patient", seed: 2);
        var model = Trainer(mlContext).Fit(split.TrainSet);
        var folds = mlContext.BinaryClassification.CrossValidate(data, Trainer(mlContext), numberOfFolds: 5, samplingKeyColumnName: "Patient");

        var trainPatients = split.TrainSet.GetColumn<float>("Patient").ToHashSet();
        Assert.DoesNotContain(split.TestSet.GetColumn<float>("Patient"), trainPatients.Contains);
        double accuracy = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet)).Accuracy;
        Assert.True(accuracy >= 0.85, $"held-out accuracy {accuracy}");
        Assert.Equal(5, folds.Count);
        Assert.All(folds, f => Assert.True(f.Metrics.Accuracy >= 0.8, $"fold accuracy {f.Metrics.Accuracy}"));
    }

    [Fact]
    public void APlattCalibratorAfterTheNetworkGivesAProbabilityMonotoneInTheScore()
    {
        var mlContext = new MLContext(seed: 1);
        var data = Patients(mlContext);

        var model = Trainer(mlContext).Append(mlContext.BinaryClassification.Calibrators.Platt()).Fit(data);
        var scored = model.Transform(data);

        var pairs = scored.GetColumn<float>("Score").Zip(scored.GetColumn<float>("Probability")).OrderBy(p => p.First).ToArray();
        for (int i = 1; i < pairs.Length; i++) Assert.True(pairs[i].Second >= pairs[i - 1].Second, $"probability falls between scores {pairs[i - 1].First} and {pairs[i].First}");
        Assert.InRange(pairs[0].Second, 0f, 0.5f);
        Assert.InRange(pairs[^1].Second, 0.5f, 1f);
        Assert.True(mlContext.BinaryClassification.Evaluate(scored).LogLoss < 0.5);
    }
}
