using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>The round 10b switches that let a classifier's penalty be chosen by <see cref="L2Selection"/> (off by default).</summary>
public sealed class L2SelectionClassifierTests
{
    [Theory]
    [InlineData("off", 0.01f)]
    // Labels that are pure noise: the held-out cross-entropy is lowest where the network predicts the base rate, so the
    // strongest penalty the grid allows wins: 0.001 × 300 on the whole grid, the rule's 0.01 when only weaker ones may follow it.
    [InlineData("on", 0.3f)]
    [InlineData("weaker", 0.01f)]
    [InlineData("step", 0.01f)]
    public void NoisyLabelsGetTheStrongestPenaltyTheGridAllows(string mode, float expected)
    {
        var random = new Random(5);
        var rows = TestData.Circle(120, seed: 5);
        foreach (var row in rows) row.Label = random.NextDouble() < 0.5;

        Assert.Equal(expected, Penalty(rows, mode), expected * 1e-3f);
    }

    [Theory]
    [InlineData("weaker")]
    [InlineData("step")]
    public void AClassifierFromTheRuleDownNeverGetsMoreThanTheRule(string mode)
    {
        float penalty = Penalty(TestData.Circle(120, seed: 6), mode);

        // The rule's ×10 has no grid factor within one step (÷3.5) below it, so "step" keeps the rule alone.
        float[] allowed = mode == "step" ? [0.01f] : [0.001f, 0.01f];
        Assert.Contains(allowed, a => Math.Abs(a - penalty) <= a * 1e-3f);
    }

    private static float Penalty(List<BinaryRow> rows, string mode)
    {
        var options = new NeuralNetworkBinaryTrainer.Options
        {
            HiddenLayers = [16], NumberOfEpochs = 40, NumberOfThreads = 1, Seed = 1,
            CrossValidateL2ForClassifiers = mode != "off",
            CrossValidateL2ForClassifiersWeakerOnly = mode is "weaker" or "step",
            CrossValidateL2ForClassifiersOneStep = mode == "step",
        };
        var mlContext = new MLContext(seed: 1);
        var network = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(rows)).Network;
        return Assert.Single(network.Layers.OfType<DenseLayer>().Select(d => d.Weights.L2).Distinct());
    }
}
