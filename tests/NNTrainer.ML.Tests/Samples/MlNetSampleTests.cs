using NNTrainer.Samples.Tests;

namespace NNTrainer.ML.Tests.Samples;

/// <summary>Each ML.NET sample prints exactly the output written at the end of its source.</summary>
public class MlNetSampleTests
{
    [Fact]
    public void MulticlassClassificationPrintsItsExpectedOutput() =>
        Assert.Equal(ExpectedOutput.Of("samples/MulticlassClassification/MulticlassClassification.cs"), ExpectedOutput.Run(NNTrainer.Samples.MulticlassClassification.Example));

    [Fact]
    public void BinaryClassificationPrintsItsExpectedOutput() =>
        Assert.Equal(ExpectedOutput.Of("samples/BinaryClassification/BinaryClassification.cs"), ExpectedOutput.Run(NNTrainer.Samples.BinaryClassification.Example));

    [Fact]
    public void RegressionPrintsItsExpectedOutput() =>
        Assert.Equal(ExpectedOutput.Of("samples/Regression/Regression.cs"), ExpectedOutput.Run(NNTrainer.Samples.Regression.Example));

    [Fact]
    public void WeightedAndIncrementalPrintsItsExpectedOutput() =>
        Assert.Equal(ExpectedOutput.Of("samples/WeightedAndIncremental/WeightedAndIncremental.cs"), ExpectedOutput.Run(NNTrainer.Samples.WeightedAndIncremental.Example));
}
