namespace NNTrainer.Tests.Training;

public class EvaluateInTilesTests
{
    [Fact]
    public void EvaluatePassesAConvnetThroughItsLayersInSmallTilesWithTheFiguresOfTheWholeBatch()
    {
        // MiniVGGNet holds about 250,000 values per sample in its layers: 1,024 rows at once were a gigabyte.
        var network = Architectures.MiniVGGNet(FashionMnist.ImageShape, 10, seed: 2);
        network.Set(new CategoricalCrossEntropyLoss(), Architectures.BookOptimizer("minivggnet"));
        network.Build();
        var random = new SeededRandom(3);
        var x = new Matrix(300, 784);
        for (int i = 0; i < x.Length; i++) x.Data[i] = random.NextSingle();
        var labels = Enumerable.Range(0, 300).Select(i => i % 10).ToArray();
        var targets = Matrix.FromLabels(labels);

        var result = network.Evaluate(x, targets);

        // The last layer buffers hold one tile (300 = 4 × 67 + 32 rows), not the 300 rows of the batch.
        int firstLayerRows = network.SharedPredictor.LayerOutput(0).Length / network.Layers[0].GetOutputSize(784);
        Assert.Equal(300 % 67, firstLayerRows);
        var predicted = network.Predict(x);
        Assert.Equal(new CategoricalCrossEntropyLoss().SumSampleLosses(predicted, targets) / 300, result.DataLoss);
        int correct = Enumerable.Range(0, 300).Count(r => predicted.Row(r).IndexOf(predicted.Row(r).ToArray().Max()) == labels[r]);
        Assert.Equal(correct / 300.0, result.Accuracy);
    }
}
