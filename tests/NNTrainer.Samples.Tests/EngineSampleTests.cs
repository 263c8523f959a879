namespace NNTrainer.Samples.Tests;

/// <summary>Each sample prints exactly the output written at the end of its source.</summary>
public class EngineSampleTests
{
    [Fact]
    public void XorBackpropPrintsItsExpectedOutput() =>
        Assert.Equal(ExpectedOutput.Of("samples/XorBackprop/XorBackprop.cs"), ExpectedOutput.Run(XorBackprop.Example));

    [Fact]
    public void SpiralFromScratchPrintsItsExpectedOutput() =>
        Assert.Equal(ExpectedOutput.Of("samples/SpiralFromScratch/SpiralFromScratch.cs"), ExpectedOutput.Run(SpiralFromScratch.Example));

    [Fact]
    public void LeNetFashionMnistPrintsItsExpectedOutput() =>
        Assert.Equal(ExpectedOutput.Of("samples/LeNetFashionMnist/LeNetFashionMnist.cs"), ExpectedOutput.Run(LeNetFashionMnist.Example));
}
