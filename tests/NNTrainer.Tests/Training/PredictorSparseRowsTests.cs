namespace NNTrainer.Tests.Training;

/// <summary>
/// <see cref="Predictor.PredictSparseRows"/>: the first dense layer on the stored values only. Its bits are those of
/// <see cref="Network.Predict(SparseMatrix)"/> and do not depend on the batch; the dense form of the same rows agrees
/// up to rounding, because the dense kernels also add the zeros' products and sum in another order.
/// </summary>
public class PredictorSparseRowsTests
{
    private const int Inputs = 300;

    private static Network SoftmaxNetwork()
    {
        var network = new Network(seed: 4);
        network.Add(new DenseLayer(Inputs, 16)).Add(new ReLUActivation()).Add(new DenseLayer(16, 3)).Add(new SoftmaxActivation());
        network.Build();
        return network;
    }

    private static Matrix DenseRows(int count, int seed)
    {
        var random = new Random(seed);
        var dense = new Matrix(count, Inputs);
        for (int r = 0; r < count; r++)
        {
            for (int k = 0; k < 12; k++) dense[r, random.Next(Inputs)] = (float)(random.NextDouble() * 2 - 1);
        }
        return dense;
    }

    [Fact]
    public void SparseRowsScoreLikeTheSparsePredictAloneOrInABatchAndLikeTheirDenseFormUpToRounding()
    {
        var network = SoftmaxNetwork();
        var denseRows = DenseRows(5, seed: 1);
        var rows = SparseMatrix.FromDense(denseRows);
        var expected = network.Predict(rows);
        var predictor = network.CreatePredictor();

        var batch = predictor.PredictSparseRows(rows.RowStarts, rows.ColumnIndices, rows.Values, rows.Rows).Data[..(5 * 3)];
        Assert.Equal(expected.Data[..(5 * 3)], batch);
        for (int r = 0; r < rows.Rows; r++)
        {
            var alone = predictor.PredictSparseRows(rows.RowStarts.AsSpan(r, 2), rows.ColumnIndices, rows.Values, 1).Data[..3];
            Assert.Equal(batch[(r * 3)..(r * 3 + 3)], alone);
        }
        var dense = network.Predict(denseRows);
        for (int i = 0; i < batch.Length; i++) Assert.Equal(dense.Data[i], batch[i], 1e-5f);
    }

    [Fact]
    public void RowStartsOutsideTheValuesOrAnInputOutOfRangeAreRejected()
    {
        var predictor = SoftmaxNetwork().CreatePredictor();
        var outside = Assert.Throws<ArgumentException>(() => predictor.PredictSparseRows([0, 3], [1, 2], [1f, 1f], 1));
        Assert.Contains("outside the 2 given", outside.Message);
        var index = Assert.Throws<ArgumentException>(() => predictor.PredictSparseRows([0, 2], [1, Inputs], [1f, 1f], 1));
        Assert.Contains($"names input {Inputs}", index.Message);
        Assert.Throws<ArgumentException>(() => predictor.PredictSparseRows([0], [], [], 1));
    }
}
