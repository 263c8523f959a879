using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.Cli.Tests.Support;

/// <summary>The <c>Score</c>s a saved model of <see cref="TestCsv.Binary"/> gives three fixed customers, loaded with plain ML.NET.</summary>
public static class ChurnScores
{
    public static float[] Of(string model)
    {
        var transformer = new MLContext().Model.Load(model, out _);
        var frame = new DataFrame(
            new SingleDataFrameColumn("age", [20f, 40f, 60f]),
            new SingleDataFrameColumn("income", [15f, 50f, 90f]),
            new StringDataFrameColumn("plan", ["basic", "pro", "max"]),
            new StringDataFrameColumn("churned", ["", "", ""]));
        return transformer.Transform(frame).GetColumn<float>("Score").ToArray();
    }
}
