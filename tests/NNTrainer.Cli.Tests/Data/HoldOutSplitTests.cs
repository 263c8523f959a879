using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class HoldOutSplitTests
{
    private static float[] Labels(params int[] counts) => [.. counts.SelectMany((n, c) => Enumerable.Repeat((float)c, n))];

    [Fact]
    public void RandomIsASeededPartitionInFileOrder()
    {
        var (train, test) = HoldOutSplit.Random(100, 0.2, seed: 3);

        Assert.Equal(20, test.Length);
        Assert.Equal(Enumerable.Range(0, 100), train.Concat(test).Order());
        Assert.Equal(train.Order(), train);
        Assert.Equal(test.Order(), test);
        Assert.Equal(test, HoldOutSplit.Random(100, 0.2, seed: 3).Test);
        Assert.NotEqual(test, HoldOutSplit.Random(100, 0.2, seed: 4).Test);
    }

    [Fact]
    public void QuotasAreTheSharesRoundedByLargestRemainderWithEveryClassOnBothSides()
    {
        // 100 rows, 20 held out: shares 14, 4, 1.6 and 0.4; floors 14, 4, 1, 0 leave one row, which goes to the largest
        // remainder (1.6); the class of 2 rows then gets its one row on each side, so 21 are held out.
        Assert.Equal([14, 4, 2, 1], HoldOutSplit.Quotas(Labels(70, 20, 8, 2), 4, 0.2));
        // Weka's unbalanced: 844 'Inactive' and 12 'Active', 171 held out: 168.6 and 2.4, so 169 and 2.
        Assert.Equal([169, 2], HoldOutSplit.Quotas(Labels(844, 12), 2, 0.2));
        // Equal remainders go to the larger class (shares 1.5, 1 and 0.5 of 3), then the lower index (2, 1.5 and 1.5 of 5).
        Assert.Equal([2, 1, 1], HoldOutSplit.Quotas(Labels(6, 4, 2), 3, 0.25));
        Assert.Equal([2, 2, 1], HoldOutSplit.Quotas(Labels(4, 3, 3), 3, 0.5));
    }

    [Fact]
    public void AClassOfOneRowTrainsUnlessNothingWouldBeHeldOut()
    {
        Assert.Equal([4, 0], HoldOutSplit.Quotas(Labels(19, 1), 2, 0.2));
        Assert.Equal([1, 0, 0], HoldOutSplit.Quotas(Labels(1, 1, 1), 3, 0.2));
    }

    [Fact]
    public void StratifiedHoldsOutEachClassInItsQuotaSeededAndInFileOrder()
    {
        // Classes interleaved in the file, as they would be in a real table.
        var labels = Enumerable.Range(0, 100).Select(i => (float)(i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2)).ToArray();
        var quotas = HoldOutSplit.Quotas(labels, 3, 0.25);

        var (train, test) = HoldOutSplit.Stratified(labels, 3, 0.25, seed: 7);

        Assert.Equal([18, 5, 2], quotas);
        Assert.Equal(quotas, Enumerable.Range(0, 3).Select(c => test.Count(r => labels[r] == c)));
        Assert.Equal(Enumerable.Range(0, 100), train.Concat(test).Order());
        Assert.Equal(test.Order(), test);
        Assert.Equal(train.Order(), train);
        Assert.Equal(test, HoldOutSplit.Stratified(labels, 3, 0.25, seed: 7).Test);
        Assert.NotEqual(test, HoldOutSplit.Stratified(labels, 3, 0.25, seed: 8).Test);
    }
}
