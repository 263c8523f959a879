namespace NNTrainer.ML.Tests.Trainers;

public class FeatureScalingTests
{
    [Fact]
    public void StandardisesEveryColumnToZeroMeanAndUnitVariance()
    {
        var inputs = Matrix.FromRows([[1000f, 0.5f], [2000f, 0.5f], [3000f, 0.5f], [4000f, 0.5f]]);
        var scaling = FeatureScaling.Fit(inputs);
        scaling.Standardize(inputs);

        Assert.Equal(2500, scaling.Means[0]);
        Assert.Equal(Math.Sqrt(1_250_000), scaling.StandardDeviations[0], 1e-9);
        // A constant column is centred and keeps the unit scale.
        Assert.Equal(0.5, scaling.Means[1], 1e-9);
        Assert.Equal(1, scaling.StandardDeviations[1]);
        var column = Enumerable.Range(0, 4).Select(r => (double)inputs[r, 0]).ToArray();
        Assert.Equal(0, column.Average(), 1e-6);
        Assert.Equal(1, Math.Sqrt(column.Average(v => v * v)), 1e-6);
        Assert.All(Enumerable.Range(0, 4), r => Assert.Equal(0f, inputs[r, 1]));
    }

    [Fact]
    public void FoldingIntoTheFirstLayerGivesTheSameOutputsOnRawInputs()
    {
        var network = new Network(seed: 3);
        network.Add(new DenseLayer(3, 4)).Add(new ReLUActivation()).Add(new DenseLayer(4, 2)).Add(new SoftmaxActivation());
        network.Build();
        var raw = Matrix.FromRows([[120f, -3f, 0.01f], [80f, 5f, 0.02f], [100f, 1f, 0.03f], [95f, 0f, 0.05f]]);
        var standardized = raw.Clone();
        var scaling = FeatureScaling.Fit(standardized);
        scaling.Standardize(standardized);
        var expected = network.Predict(standardized);

        scaling.FoldInto(network);

        var actual = network.Predict(raw);
        for (int r = 0; r < raw.Rows; r++)
        {
            for (int c = 0; c < 2; c++) Assert.Equal(expected[r, c], actual[r, c], 1e-5f);
        }
    }
}
