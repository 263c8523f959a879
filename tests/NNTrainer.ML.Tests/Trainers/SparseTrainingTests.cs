using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// The trainers on wide sparse features (the shape of FeaturizeText's output): they train on sparse rows, learn, give
/// the same model for the same seed, and save and load like any model.
/// </summary>
public class SparseTrainingTests
{
    private const int Slots = 6000;

    private sealed class Document
    {
        public bool Label { get; set; }

        [VectorType(Slots)]
        public VBuffer<float> Features { get; set; }
    }

    /// <summary>Documents of 20 "words" whose rows are L2-normalised counts; positive ones draw a quarter of them from 50 words.</summary>
    private static Document[] Documents(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new Document[count];
        for (int i = 0; i < count; i++)
        {
            bool positive = random.Next(2) == 0;
            var counts = new SortedDictionary<int, float>();
            for (int w = 0; w < 20; w++)
            {
                int word = positive && random.Next(4) == 0 ? random.Next(50) : random.Next(Slots);
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
            float norm = MathF.Sqrt(counts.Values.Sum(c => c * c));
            documents[i] = new Document
            {
                Label = positive,
                Features = new VBuffer<float>(Slots, counts.Count, [.. counts.Values.Select(c => c / norm)], [.. counts.Keys]),
            };
        }
        return documents;
    }

    private static NeuralNetworkBinaryTrainer.Options Options(int epochs = 40) => new() { Seed = 5, NumberOfEpochs = epochs, HiddenLayers = [16] };

    [Fact]
    public void TheBinaryTrainerLearnsWideSparseFeaturesOnSparseRows()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Documents(600, seed: 2));
        var test = ml.Data.LoadFromEnumerable(Documents(300, seed: 3));

        var model = ml.BinaryClassification.Trainers.NeuralNetwork(Options()).Fit(train);

        Assert.Equal(NNTrainer.Training.TrainingStepNames.SparseInput, model.History.TrainingStep);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
        Assert.True(metrics.Accuracy >= 0.9, $"accuracy {metrics.Accuracy}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameSparseModelAndItSavesAndLoadsBitForBit()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Documents(300, seed: 4));
        var first = ml.BinaryClassification.Trainers.NeuralNetwork(Options(epochs: 5)).Fit(train);
        var second = ml.BinaryClassification.Trainers.NeuralNetwork(Options(epochs: 5)).Fit(train);
        for (int i = 0; i < first.Model.Parameters.Count; i++) Assert.Equal(first.Model.Parameters[i].Values, second.Model.Parameters[i].Values);

        using var stream = new MemoryStream();
        ml.Model.Save(first, train.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);
        var expected = Scores(first.Transform(train));
        Assert.Equal(expected, Scores(loaded.Transform(train)));
    }

    [Fact]
    public void ValidationDataIsReadSparseAndScoredEveryEpoch()
    {
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(Documents(300, seed: 6));
        var validation = ml.Data.LoadFromEnumerable(Documents(100, seed: 7));
        var model = ml.BinaryClassification.Trainers.NeuralNetwork(Options(epochs: 3)).Fit(train, validation);

        Assert.All(model.History.Epochs, e => Assert.NotNull(e.ValidationLoss));
    }

    private static float[] Scores(IDataView scored) => [.. scored.GetColumn<float>("Score")];
}
