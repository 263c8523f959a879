namespace NNTrainer.Tests.Training;

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
        var inputs = RandomInputs(300, 40, seed: 6, range: 2);
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

    [Fact]
    public void EveryLayersOutputOfALargeBatchIsThatLayersOwnAlsoWhereAReLUIsFused()
    {
        // Dense, ReLU, Dense (130 columns: a whole strip and a remainder), ReLU, Dense, Softmax: after a wide batch each
        // buffer holds what that layer alone computes, the dense ones before the ReLU and the ReLU ones after it.
        var network = new Network(seed: 15);
        network.Add(new DenseLayer(20, 64)).Add(new ReLUActivation()).Add(new DenseLayer(64, 130)).Add(new ReLUActivation())
            .Add(new DenseLayer(130, 5)).Add(new SoftmaxActivation());
        network.Build();
        var inputs = RandomInputs(50, 20, seed: 9, range: 2);
        var predictor = network.CreatePredictor();
        predictor.Predict(inputs, new Matrix(inputs.Rows, 5));

        AssertEveryLayerAsAlone(network, inputs, predictor);
        // The ReLU buffers really are the activations: some negative pre-activations were cut to 0.
        Assert.Contains(predictor.LayerOutput(0).ToArray(), v => v < 0);
        Assert.DoesNotContain(predictor.LayerOutput(1).ToArray(), v => v < 0);
    }

    [Fact]
    public void TheOneMatrixPredictOfAWholeBlockKeepsEveryRowOfEveryLayerAsTheLayersAloneGiveIt()
    {
        // The CLI scores 8,192-row blocks through Predict(Matrix) and then reads the logits of every row from
        // LayerOutput: the wide route must keep all rows (no tiling) and the layers' own bits. A binary classifier's
        // shape: 22 features, a layer of 100 (a strip and a masked remainder), one sigmoid output.
        var network = new Network(seed: 21);
        network.Add(new DenseLayer(22, 100)).Add(new ReLUActivation()).Add(new DenseLayer(100, 1)).Add(new SigmoidActivation());
        network.Build();
        var inputs = RandomInputs(1000, 22, seed: 4, range: 2);
        var predictor = network.CreatePredictor();

        var scores = predictor.Predict(inputs).AsSpan().ToArray();

        var current = AssertEveryLayerAsAlone(network, inputs, predictor);
        Assert.Equal(current.AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits), scores.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void WidthsWithMaskedColumnsScoreEachRowAsAloneThroughPredictAndNetworkPredict()
    {
        // 100 neurons (a strip and 36 masked columns, the ML.NET trainers' default), 36 (no whole strip), 10 classes
        // through the inference softmax: the batch routes give each row the bits it gets alone, for 71 rows (a
        // partial block of six, of eight and of sixteen).
        var network = new Network(seed: 21);
        network.Add(new DenseLayer(50, 100)).Add(new ReLUActivation()).Add(new DenseLayer(100, 36)).Add(new ReLUActivation())
            .Add(new DenseLayer(36, 10)).Add(new SoftmaxActivation());
        network.Build();
        var inputs = RandomInputs(71, 50, seed: 8, range: 3);
        var outputs = new Matrix(inputs.Rows, 10);
        network.CreatePredictor().Predict(inputs, outputs);
        AssertEachRow(network, inputs, outputs);
        var viaNetwork = new Matrix(inputs.Rows, 10);
        network.Predict(inputs, viaNetwork, batchSize: 64);
        Assert.Equal(outputs.AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits), viaNetwork.AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits));
    }

    /// <summary>Rows of values drawn uniformly from [−range, range) by a seeded generator.</summary>
    private static Matrix RandomInputs(int rows, int columns, int seed, double range)
    {
        var random = new Random(seed);
        var inputs = new Matrix(rows, columns);
        for (int i = 0; i < inputs.Data.Length; i++) inputs.Data[i] = (float)(random.NextDouble() * 2 * range - range);
        return inputs;
    }

    /// <summary>
    /// Asserts that each of the predictor's layer buffers holds, bit for bit, what that layer alone computes from the
    /// previous layer's output; returns the last layer's.
    /// </summary>
    private static Matrix AssertEveryLayerAsAlone(Network network, Matrix inputs, Predictor predictor)
    {
        var current = inputs;
        for (int layer = 0; layer < network.Layers.Count; layer++)
        {
            var expected = new Matrix(inputs.Rows, network.Layers[layer].GetOutputSize(current.Columns));
            network.Layers[layer].Infer(current, expected);
            Assert.Equal(expected.AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits), predictor.LayerOutput(layer).ToArray().Select(BitConverter.SingleToInt32Bits));
            current = expected;
        }
        return current;
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
