using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Evaluation;

/// <summary>ML.NET's own evaluators on given scores: the reference every streaming metric is held to.</summary>
internal static class MlNetReference
{
    private static readonly MLContext Ml = new(seed: 0);

    public static CalibratedBinaryClassificationMetrics Binary(bool[] labels, float[] scores, float[] probabilities) =>
        Ml.BinaryClassification.Evaluate(BinaryView(labels, scores, probabilities), "Label", "Score", "Probability", "PredictedLabel");

    public static BinaryClassificationMetrics BinaryUncalibrated(bool[] labels, float[] scores) =>
        Ml.BinaryClassification.EvaluateNonCalibrated(BinaryView(labels, scores, null), "Label", "Score", "PredictedLabel");

    public static MulticlassClassificationMetrics Multiclass(int[] labels, float[][] scores, int classes)
    {
        var key = new KeyDataViewType(typeof(uint), classes);
        var view = new ColumnarDataView(
        [
            new("Label", key, ColumnarDataView.Getter(r => (uint)labels[r] + 1)),
            new("Score", new VectorDataViewType(NumberDataViewType.Single, classes), row => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> d) =>
            {
                var editor = VBufferEditor.Create(ref d, classes);
                scores[row()].CopyTo(editor.Values);
                d = editor.Commit();
            })),
            // ML.NET requires the column but counts its own arg-max: a constant here shows that it is not read.
            new("PredictedLabel", key, ColumnarDataView.Getter(_ => 1u)),
        ], labels.Length);
        return Ml.MulticlassClassification.Evaluate(view, "Label", "Score", "PredictedLabel");
    }

    public static Microsoft.ML.Data.RegressionMetrics Regression(float[] labels, float[] predictions)
    {
        var view = new ColumnarDataView(
        [
            new("Label", NumberDataViewType.Single, ColumnarDataView.Getter(r => labels[r])),
            new("Score", NumberDataViewType.Single, ColumnarDataView.Getter(r => predictions[r])),
        ], labels.Length);
        return Ml.Regression.Evaluate(view, "Label", "Score");
    }

    private static ColumnarDataView BinaryView(bool[] labels, float[] scores, float[]? probabilities)
    {
        var columns = new List<ColumnarDataView.Column>
        {
            new("Label", BooleanDataViewType.Instance, ColumnarDataView.Getter(r => labels[r])),
            new("Score", NumberDataViewType.Single, ColumnarDataView.Getter(r => scores[r])),
            // Deliberately the opposite of the score's sign: ML.NET thresholds the raw score and ignores this column.
            new("PredictedLabel", BooleanDataViewType.Instance, ColumnarDataView.Getter(r => !(scores[r] > 0))),
        };
        if (probabilities is not null) columns.Add(new("Probability", NumberDataViewType.Single, ColumnarDataView.Getter(r => probabilities[r])));
        return new ColumnarDataView(columns, labels.Length);
    }
}
