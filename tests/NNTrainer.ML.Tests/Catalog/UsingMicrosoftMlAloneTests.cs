using Microsoft.ML;
using Microsoft.ML.Data;

// Deliberately outside namespace NNTrainer.ML and without `using NNTrainer.ML;`: what a user writes in a file that
// only imports ML.NET.
namespace UsingMicrosoftMlAlone;

public class UsingMicrosoftMlAloneTests
{
    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    [Fact]
    public void TheCatalogMethodsAreFoundWithUsingMicrosoftMlAlone()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 40).Select(i => new Row { Label = i % 2, Features = [i % 2, (i % 5) / 5f] }).ToList();
        var data = mlContext.Data.LoadFromEnumerable(rows);

        var model = mlContext.Regression.Trainers.NeuralNetwork(hiddenLayers: [4], numberOfEpochs: 2).Fit(data);
        var binary = mlContext.BinaryClassification.Trainers.NeuralNetwork(hiddenLayers: [4], numberOfEpochs: 1);
        var multiclass = mlContext.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [4], numberOfEpochs: 1);

        Assert.Equal(2, model.History.Epochs.Count);
        Assert.Equal("Microsoft.ML", typeof(NeuralNetworkCatalog).Namespace);
        Assert.Equal("NNTrainer.ML", binary.GetType().Namespace);
        Assert.Equal("NNTrainer.ML", multiclass.GetType().Namespace);
    }
}
