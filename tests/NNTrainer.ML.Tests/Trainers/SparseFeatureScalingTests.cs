namespace NNTrainer.ML.Tests.Trainers;

/// <summary>The scaling of sparse rows: one factor shared by the columns (an outsized dense column has its own), no centring, folded exactly into the first layer.</summary>
public class SparseFeatureScalingTests
{
    // Column 0 is common (every row, values near 0.3); column 1 is rare (one row of 1,600, the value 0.06): a standard
    // deviation would scale the rare value to about 40 and the common ones to about 1.
    private static SparseMatrix RareAndCommon()
    {
        const int rows = 1600;
        var starts = new int[rows + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (int r = 0; r < rows; r++)
        {
            columns.Add(0);
            values.Add(0.2f + 0.2f * (r % 3));
            if (r == 700)
            {
                columns.Add(1);
                values.Add(0.06f);
            }
            starts[r + 1] = columns.Count;
        }
        return new SparseMatrix(rows, 3, starts, [.. columns], [.. values]);
    }

    [Fact]
    public void ARareColumnIsNotInflatedAndZerosStayZero()
    {
        var inputs = RareAndCommon();
        var scaling = FeatureScaling.FitSparse(inputs);
        scaling.Standardize(inputs);

        Assert.All(scaling.Means, m => Assert.Equal(0, m));
        Assert.All(scaling.StandardDeviations, d => Assert.Equal(0.6f, d, 6));
        Assert.Equal(0.1f, inputs.RowValues(700)[1], 6);
        Assert.Equal(1f, inputs.Values.Max(), 6);
        Assert.Equal(1601, inputs.StoredCount);

        var standardized = FeatureScaling.Fit(RareAndCommon().ToDense());
        Assert.True((0.06 - standardized.Means[1]) / standardized.StandardDeviations[1] > 35, "the dense rule's inflation this rule avoids");
    }

    [Fact]
    public void FoldingAndUnfoldingTheSparseScalingIsExactOnTheFirstLayer()
    {
        var network = new Network(seed: 3);
        network.Add(new DenseLayer(3, 4)).Add(new ReLUActivation()).Add(new DenseLayer(4, 1)).Add(new SigmoidActivation());
        network.Build();
        var raw = RareAndCommon();
        var scaled = RareAndCommon();
        var scaling = FeatureScaling.FitSparse(scaled);
        scaling.Standardize(scaled);
        var expected = network.Predict(scaled);
        var biases = (float[])network.Parameters[1].Values.Clone();

        scaling.FoldInto(network);
        var folded = network.Predict(raw);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected.Data[i], folded.Data[i], 1e-6f);
        // No means: the biases are not shifted at all.
        Assert.Equal(biases, network.Parameters[1].Values);

        scaling.Unfold(network);
        var unfolded = network.Predict(scaled);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected.Data[i], unfolded.Data[i], 1e-6f);
    }

    [Fact]
    public void RowsOfWeightZeroDoNotSetTheFactor()
    {
        var inputs = new SparseMatrix(2, 2, [0, 1, 2], [0, 1], [0.5f, 8f]);
        var scaling = FeatureScaling.FitSparse(inputs, [1f, 0f]);
        Assert.Equal(0.5, scaling.StandardDeviations[1]);
    }

    [Fact]
    public void AnOutsizedDenseColumnGetsItsOwnFactorAndLeavesTheSparseSlotsTheirs()
    {
        // Column 0: an amount in dollars in every row; columns 1..8: one-hot slots, one per row. One shared factor
        // (50,000) would shrink every one-hot value to 2e-5.
        const int rows = 400;
        var starts = new int[rows + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (int r = 0; r < rows; r++)
        {
            columns.Add(0);
            values.Add(10_000f + 100f * r);
            columns.Add(1 + r % 8);
            values.Add(1f);
            starts[r + 1] = columns.Count;
        }
        var inputs = new SparseMatrix(rows, 9, starts, [.. columns], [.. values]);
        var scaling = FeatureScaling.FitSparse(inputs);
        scaling.Standardize(inputs);

        Assert.Equal(49_900, scaling.StandardDeviations[0], 6);
        Assert.All(scaling.StandardDeviations.Skip(1), d => Assert.Equal(1, d));
        Assert.Equal(1f, inputs.RowValues(7)[1]);
        Assert.Equal(1f, inputs.RowValues(rows - 1)[0], 6);
    }

    [Fact]
    public void ADenseColumnOfTheSlotsOwnSizeSharesTheirFactor()
    {
        // A common n-gram set in every row (0.3) beside rare ones (0.5): not outsized, so one factor as before.
        var inputs = new SparseMatrix(4, 3, [0, 2, 3, 4, 5], [0, 1, 0, 0, 0], [0.3f, 0.5f, 0.3f, 0.3f, 0.3f]);
        var scaling = FeatureScaling.FitSparse(inputs);
        Assert.All(scaling.StandardDeviations, d => Assert.Equal(0.5, d, 6));
    }
}
