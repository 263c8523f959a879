namespace NNTrainer.Tests.Training;

/// <summary>
/// One sample at a time (<see cref="Predictor.Predict(ReadOnlySpan{float}, Span{float})"/>, what a PredictionEngine
/// call runs): read in place when the first layer is dense, through the one-row GEMV for layers of 8 neurons or more,
/// and bit-identical to the same rows scored in a batch, whichever layer comes first.
/// </summary>
public class PredictorSingleRowTests
{
    [Fact]
    public void WideDenseLayersScoreEachRowAsInABatch()
    {
        // 130 and 17 neurons leave partial vectors (the overlapping last window); 10 outputs are narrower than 512 bits.
        var network = new Network(seed: 11);
        network.Add(new DenseLayer(50, 130)).Add(new ReLUActivation()).Add(new DenseLayer(130, 17)).Add(new ReLUActivation())
            .Add(new DenseLayer(17, 10)).Add(new SoftmaxActivation());
        network.Build();
        AssertRowsMatchTheBatch(network, RandomInputs(23, 50, seed: 4));
    }

    [Fact]
    public void ANetworkThatDoesNotStartDenseScoresEachRowAsInABatch()
    {
        // Batch normalisation first: the sample is copied into the predictor's own input buffer instead of read in place.
        var network = new Network(seed: 12);
        network.Add(new BatchNormalizationLayer(20)).Add(new DenseLayer(20, 64)).Add(new TanhActivation()).Add(new DenseLayer(64, 3));
        network.Build();
        AssertRowsMatchTheBatch(network, RandomInputs(9, 20, seed: 5));
    }

    private static void AssertRowsMatchTheBatch(Network network, Matrix inputs)
    {
        var batch = network.Predict(inputs);
        var predictor = network.CreatePredictor();
        var row = new float[network.OutputSize];
        for (int r = 0; r < inputs.Rows; r++)
        {
            predictor.Predict(inputs.Row(r), row);
            Assert.Equal(Bits(batch.Row(r).ToArray()), Bits(row));
        }
    }

    private static Matrix RandomInputs(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var inputs = new Matrix(rows, columns);
        for (int i = 0; i < inputs.Data.Length; i++) inputs.Data[i] = (float)(random.NextDouble() * 4 - 2);
        return inputs;
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
