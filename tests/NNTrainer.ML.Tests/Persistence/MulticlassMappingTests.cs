using Microsoft.ML;

namespace NNTrainer.ML.Tests.Persistence;

public class MulticlassMappingTests
{
    [Theory]
    [InlineData(2, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 64)]
    [InlineData(1000, 1024)]
    [InlineData(4096, 4096)]
    public void TheSmallestPaddingThatHoldsTheClassesIsUsed(int classes, int padding) =>
        Assert.Equal(padding, MulticlassPadding.SizeFor(classes));

    [Fact]
    public void MoreClassesThanTheLargestPaddingCannotBeSaved()
    {
        var error = Assert.Throws<NotSupportedException>(() => MulticlassPadding.SizeFor(4097));
        Assert.Contains("at most 4096 classes", error.Message);
        Assert.Equal(4096, NeuralNetworkMulticlassTrainer.MaximumClassCount);
    }

    [Fact]
    public void EveryPaddingHasAScoringStepWithItsOwnContract()
    {
        var mlContext = new MLContext();
        Assert.All(MulticlassPadding.Sizes, size => Assert.NotNull(MulticlassPadding.CreateMapping(mlContext, size)));
        var contracts = typeof(MulticlassPadding).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.ML.Transforms.CustomMappingFactoryAttributeAttribute), false))
            .Cast<Microsoft.ML.Transforms.CustomMappingFactoryAttributeAttribute>()
            .Select(a => a.ContractName)
            .ToArray();
        Assert.Equal(contracts.Length, contracts.Distinct().Count());
        // Format 1: key, binary, regression and one per padding; format 2: logit, one raw output, and one per padding.
        Assert.Equal(MulticlassPadding.Sizes.Length + 3 + 2 + MulticlassPadding.Sizes.Length, contracts.Length);
    }
}
