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

/// <summary>
/// Batches of <see cref="WideInference.MinimumRows"/> rows or more run the dense layers through the wide inference
/// tile over the weights in place: the same bits as one row at a time, and a change of the weights between two batches
/// is seen by the next one.
/// </summary>
public class PredictorWideBatchTests
{
    [Fact]
    public void ALargeBatchScoresEachRowAsAloneAndFollowsChangedWeights()
    {
        var network = new Network(seed: 13);
        network.Add(new DenseLayer(40, 130)).Add(new ReLUActivation()).Add(new DenseLayer(130, 10)).Add(new SoftmaxActivation());
        network.Build();
        var random = new Random(6);
        var inputs = new Matrix(300, 40);
        for (int i = 0; i < inputs.Data.Length; i++) inputs.Data[i] = (float)(random.NextDouble() * 4 - 2);
        var predictor = network.CreatePredictor();
        var outputs = new Matrix(inputs.Rows, 10);

        predictor.Predict(inputs, outputs);
        AssertEachRow(network, inputs, outputs);

        // The user writes a weight directly: the next batch must use it.
        network.Layers.OfType<DenseLayer>().First().Weights.Values[0] += 1f;
        var before = outputs.AsSpan().ToArray();
        predictor.Predict(inputs, outputs);
        Assert.NotEqual(before, outputs.AsSpan().ToArray());
        AssertEachRow(network, inputs, outputs);
    }

    private static void AssertEachRow(Network network, Matrix inputs, Matrix outputs)
    {
        var single = network.CreatePredictor();
        var row = new float[network.OutputSize];
        for (int r = 0; r < inputs.Rows; r++)
        {
            single.Predict(inputs.Row(r), row);
            Assert.Equal(row.Select(BitConverter.SingleToInt32Bits), outputs.Row(r).ToArray().Select(BitConverter.SingleToInt32Bits));
        }
    }
}

/// <summary><see cref="Predictor.PredictRows"/> over a block of rows (an ML.NET block) takes the wide route too: same bits as row by row.</summary>
public class PredictorWideBlockTests
{
    [Fact]
    public void ABlockOfRowsReadInPlaceScoresAsRowByRow()
    {
        var network = new Network(seed: 14);
        network.Add(new DenseLayer(30, 70)).Add(new ReLUActivation()).Add(new DenseLayer(70, 3)).Add(new SoftmaxActivation());
        network.Build();
        var random = new Random(8);
        var inputs = new float[64 * 30];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 4 - 2);
        var block = network.CreatePredictor().PredictRows(inputs, 64);
        var single = network.CreatePredictor();
        var row = new float[3];
        for (int r = 0; r < 64; r++)
        {
            single.Predict(inputs.AsSpan(r * 30, 30), row);
            Assert.Equal(row.Select(BitConverter.SingleToInt32Bits), block.Row(r).ToArray().Select(BitConverter.SingleToInt32Bits));
        }
    }
}
