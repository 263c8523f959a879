using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Tests.Evaluation;

public sealed class StreamingEvaluatorTests
{
    private static readonly ModelSchema Binary = new(TaskKind.Binary, "churned", ["no", "yes"], [], "NeuralNetwork");

    private static (CsvTable Block, ScoredBlock Scored) Block(string?[] labels, float[] raw)
    {
        var block = new CsvTable("f.csv", [TableColumn.Categorical("churned", labels)], Enumerable.Range(2, labels.Length).ToArray());
        var scored = new ScoredBlock();
        scored.Reset(labels.Length, 1);
        for (int r = 0; r < raw.Length; r++)
        {
            scored.RawScores[r] = raw[r];
            scored.Scores[r] = 1f / (1f + MathF.Exp(-raw[r]));
            scored.Classes[r] = raw[r] > 0 ? 1 : 0;
        }
        return (block, scored);
    }

    [Fact]
    public void BlocksAddUpToTheMetricsOfAllTheirRowsAndCountWhatWasLeftOut()
    {
        var evaluator = new StreamingEvaluator(Binary, hasProbability: true);
        var (first, firstScores) = Block(["yes", "no", null, "yes"], [2f, -1f, 5f, -0.5f]);
        var (second, secondScores) = Block(["no", "yes"], [float.NaN, 3f]);
        Assert.Equal(1, evaluator.Add(first, firstScores));
        Assert.Equal(0, evaluator.Add(second, secondScores));

        // Counted: (yes, 2), (no, -1), (yes, -0.5), (yes, 3); the NaN row is left out.
        Assert.Equal(5, evaluator.Count);
        Assert.Equal(1, evaluator.BadScores);
        var metrics = evaluator.Metrics();
        Assert.Equal(["AUC", "Accuracy", "F1", "LogLoss"], metrics.Values.Select(m => m.Name));
        Assert.Equal(1.0, metrics["AUC"]);
        Assert.Equal(0.75, metrics["Accuracy"]);
        Assert.Equal(0.8, metrics["F1"], 12);
    }

    [Fact]
    public void FlippedMeasuresTheModelsNegativeClassAsThePositiveOne()
    {
        var (block, scored) = Block(["yes", "yes", "no", "yes", "no"], [2f, 1f, -1f, -0.5f, 0.7f]);
        var asTrained = new StreamingEvaluator(Binary, hasProbability: true);
        var flipped = new StreamingEvaluator(Binary, hasProbability: true, flipped: true);
        asTrained.Add(block, scored);
        flipped.Add(block, scored);

        // 'yes' positive: TP 2, FP 1, FN 1, F1 4/6. 'no' positive (negative scores predict it): TP 1, FP 1, FN 1, F1 2/4.
        // Accuracy 3/5 and AUC 5/6 (one of the six pairs out of order) either way; log loss the same.
        Assert.Equal(4.0 / 6, asTrained.Metrics()["F1"], 12);
        Assert.Equal(0.5, flipped.Metrics()["F1"], 12);
        Assert.Equal(0.6, flipped.Metrics()["Accuracy"], 12);
        Assert.Equal(5.0 / 6, flipped.Metrics()["AUC"], 12);
        Assert.Equal(5.0 / 6, asTrained.Metrics()["AUC"], 12);
        Assert.Equal(asTrained.Metrics()["LogLoss"], flipped.Metrics()["LogLoss"], 5);
    }

    [Fact]
    public void AnUnknownClassNamesTheFileAndLine()
    {
        var evaluator = new StreamingEvaluator(Binary, hasProbability: false);
        var (block, scored) = Block(["yes", "maybe"], [1f, 1f]);
        var error = Assert.Throws<CliException>(() => evaluator.Add(block, scored));
        Assert.Contains("line 3: label 'maybe' is not one of the model's classes (no, yes)", error.Message);
    }

    [Fact]
    public void WithoutProbabilitiesLogLossIsNaN()
    {
        var evaluator = new StreamingEvaluator(Binary, hasProbability: false);
        var (block, scored) = Block(["yes", "no"], [1f, -1f]);
        evaluator.Add(block, scored);
        Assert.True(double.IsNaN(evaluator.Metrics()["LogLoss"]));
        Assert.Equal(1.0, evaluator.Metrics()["Accuracy"]);
    }
}
