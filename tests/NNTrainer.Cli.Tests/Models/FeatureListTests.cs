using NNTrainer.Cli.Data;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Tests.Models;

public sealed class FeatureListTests
{
    [Fact]
    public void An_ordinary_table_names_every_feature_and_its_kind()
    {
        FeatureColumn[] features = [new("x1", ColumnKind.Numeric), new("color", ColumnKind.Categorical)];

        Assert.Equal("x1 (numeric), color (categorical)", FeatureList.Describe(features));
    }

    [Fact]
    public void A_wide_table_names_the_first_twenty_and_counts_the_rest_by_kind()
    {
        var features = Enumerable.Range(0, 3000).Select(i => new FeatureColumn($"f{i}", i % 1000 == 999 ? ColumnKind.Categorical : ColumnKind.Numeric)).ToArray();

        var text = FeatureList.Describe(features);

        Assert.StartsWith("f0 (numeric), f1 (numeric), ", text);
        Assert.EndsWith("f19 (numeric) and 2,980 more (2,977 numeric, 3 categorical)", text);
        Assert.DoesNotContain("f20 ", text);
    }
}
