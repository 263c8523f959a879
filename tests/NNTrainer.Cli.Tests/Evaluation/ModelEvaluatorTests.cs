using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Tests.Evaluation;

public sealed class ModelEvaluatorTests
{
    private static ColumnarDataView Scored(bool[] labels, float[] scores, float[] probabilities) => new(
    [
        new("Label", BooleanDataViewType.Instance, ColumnarDataView.Getter(r => labels[r])),
        new("Score", NumberDataViewType.Single, ColumnarDataView.Getter(r => scores[r])),
        new("Probability", NumberDataViewType.Single, ColumnarDataView.Getter(r => probabilities[r])),
        new("PredictedLabel", BooleanDataViewType.Instance, ColumnarDataView.Getter(r => scores[r] > 0)),
    ], labels.Length);

    [Fact]
    public void BinaryHoldOutOfOneClassGivesAccuracyF1AndLogLossWithoutAuc()
    {
        // `train` on Weka's 14-row weather table holds out 3 rows, all 'yes': ML.NET's evaluator threw from its AUC.
        var metrics = ModelEvaluator.Evaluate(new MLContext(seed: 0), TaskKind.Binary, Scored([true, true, true], [2f, -1f, 3f], [0.9f, 0.3f, 0.95f]));

        Assert.True(double.IsNaN(metrics["AUC"]));
        Assert.Equal(2.0 / 3, metrics["Accuracy"], 1e-12);
        Assert.Equal(0.8, metrics["F1"], 1e-12); // precision 2/2, recall 2/3
        Assert.Equal(-(Math.Log2(0.9f) + Math.Log2(0.3f) + Math.Log2(0.95f)) / 3, metrics["LogLoss"], 1e-6);
    }

    [Fact]
    public void BinaryWithBothClassesIsMlNetsEvaluation()
    {
        bool[] labels = [true, false, true, false];
        float[] scores = [2f, -1f, -0.5f, 0.5f], probabilities = [0.9f, 0.3f, 0.4f, 0.6f];

        var metrics = ModelEvaluator.Evaluate(new MLContext(seed: 0), TaskKind.Binary, Scored(labels, scores, probabilities));
        var reference = MlNetReference.Binary(labels, scores, probabilities);

        Assert.Equal(reference.AreaUnderRocCurve, metrics["AUC"]);
        Assert.Equal(reference.Accuracy, metrics["Accuracy"]);
        Assert.Equal(reference.F1Score, metrics["F1"]);
        Assert.Equal(reference.LogLoss, metrics["LogLoss"]);
    }
}
