namespace NNTrainer.Tests.Training;

public class PredictIntoBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1024)]
    public void PredictIntoABufferMatchesTheAllocatingPredictBitForBit(int batchSize)
    {
        var (x, y) = SyntheticData.Spiral(40, 3);
        var network = NetworkFitTests.Classifier(1, dropout: 0.2f);
        network.Fit(x, y, new FitOptions { Epochs = 3 });
        var expected = network.Predict(x, batchSize);

        var outputs = new Matrix(x.Rows, 3);
        network.Predict(x, outputs, batchSize);
        Assert.Equal(expected.AsSpan().ToArray(), outputs.AsSpan().ToArray());

        var span = new float[x.Rows * 3];
        network.Predict(x.AsSpan(), span, batchSize);
        Assert.Equal(expected.AsSpan().ToArray(), span);

        var classes = new int[x.Rows];
        network.PredictClasses(x, classes, batchSize);
        Assert.Equal(network.PredictClasses(x), classes);
        Assert.Equal(Enumerable.Range(0, x.Rows).Select(r => Kernels.ArgMax(expected.Row(r))), classes);
    }

    [Fact]
    public void EveryRowScoresTheSameInABatchAsOnItsOwn()
    {
        // Sigmoid, tanh and softmax rows of 1 to 9 values: below 4, element-wise kernels take another path for a lone row.
        var (x, _) = SyntheticData.Spiral(50, 3);
        foreach (var network in new[]
        {
            new Network(2).Add(new DenseLayer(2, 3)).Add(new TanhActivation()).Add(new DenseLayer(3, 1)).Add(new SigmoidActivation()),
            new Network(3).Add(new DenseLayer(2, 2)).Add(new SigmoidActivation()).Add(new DenseLayer(2, 3)).Add(new SoftmaxActivation()),
            new Network(5).Add(new DenseLayer(2, 5)).Add(new TanhActivation()).Add(new DenseLayer(5, 9)).Add(new SigmoidActivation()),
        })
        {
            network.Build();
            var batch = network.Predict(x, batchSize: 1024);
            var predictor = network.CreatePredictor();
            var row = new float[network.OutputSize];
            for (int r = 0; r < x.Rows; r++)
            {
                predictor.Predict(x.Row(r), row);
                Assert.Equal(row, batch.Row(r).ToArray());
            }
        }
    }

    [Fact]
    public void BatchPredictionAllocatesNothingPerCall()
    {
        var network = new Network(4).Add(new DenseLayer(20, 32)).Add(new ReLUActivation()).Add(new DenseLayer(32, 10)).Add(new SoftmaxActivation());
        network.Build();
        var x = new Matrix(300, 20);
        for (int i = 0; i < x.Length; i++) x.Data[i] = MathF.Sin(i);
        var outputs = new Matrix(300, 10);
        var classes = new int[300];
        var predictor = network.CreatePredictor();
        var into = new Matrix(300, 10);
        var row = new float[10];

        void ScoreEveryWay()
        {
            network.Predict(x, outputs, batchSize: 64);
            network.Predict(x.AsSpan(), outputs.AsSpan(), batchSize: 128);
            network.PredictClasses(x, classes, batchSize: 64);
            predictor.Predict(x, into);
            predictor.Predict(x);
            predictor.Predict(x.Row(5), row);
        }

        ScoreEveryWay();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) ScoreEveryWay();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(network.Predict(x).AsSpan().ToArray(), outputs.AsSpan().ToArray());
        Assert.Equal(outputs.AsSpan().ToArray(), into.AsSpan().ToArray());
    }

    [Fact]
    public void BuffersOfTheWrongShapeAreRejectedWithTheExpectedShape()
    {
        var network = NetworkFitTests.Classifier(1);
        network.Build();
        var x = new Matrix(5, 2);
        var error = Assert.Throws<ArgumentException>(() => network.Predict(x, new Matrix(4, 3)));
        Assert.Contains("must be 5x3", error.Message);
        error = Assert.Throws<ArgumentException>(() => network.Predict(new float[9], new float[12]));
        Assert.Contains("not a whole number of samples", error.Message);
        error = Assert.Throws<ArgumentException>(() => network.Predict(new float[10], new float[12]));
        Assert.Contains("5 samples give 15 outputs", error.Message);
        error = Assert.Throws<ArgumentException>(() => network.PredictClasses(x, new int[4]));
        Assert.Contains("destination holds 4 classes", error.Message);
        error = Assert.Throws<ArgumentException>(() => network.CreatePredictor().Predict(x, new Matrix(5, 2)));
        Assert.Contains("must be 5x3", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.Predict(x, new Matrix(5, 3), batchSize: 0));
    }
}
