using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Persistence;

/// <summary>
/// A network of text-model size (over a million weights on 20,000 sparse slots) through ML.NET's save and load, scored
/// on a mix of sparse rows and the dense form of the same rows: the reloaded model, which scores row by row, gives the
/// trained transformer's block scores bit for bit, sparse rows staying sparse in both.
/// </summary>
public class LargeNetworkPersistenceTests
{
    private const int Slots = 20_000;

    private sealed class Document
    {
        public bool Label { get; set; }

        [VectorType(Slots)]
        public VBuffer<float> Features { get; set; }
    }

    /// <summary>Each document twice in a row: stored sparse, then as a dense vector of the same values.</summary>
    private static Document[] SparseAndDensePairs(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new Document[2 * count];
        for (int i = 0; i < count; i++)
        {
            bool positive = random.Next(2) == 0;
            var counts = new SortedDictionary<int, float>();
            for (int w = 0; w < 30; w++)
            {
                int word = positive && random.Next(3) == 0 ? random.Next(40) : random.Next(Slots);
                counts[word] = counts.GetValueOrDefault(word) + 0.25f;
            }
            var sparse = new VBuffer<float>(Slots, counts.Count, [.. counts.Values], [.. counts.Keys]);
            var dense = new float[Slots];
            foreach (var (word, value) in counts) dense[word] = value;
            documents[2 * i] = new Document { Label = positive, Features = sparse };
            documents[2 * i + 1] = new Document { Label = positive, Features = new VBuffer<float>(Slots, dense) };
        }
        return documents;
    }

    [Fact]
    public void AMillionWeightModelReloadsAndScoresSparseAndDenseRowsBitForBit()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(SparseAndDensePairs(150, seed: 3));
        var options = new NeuralNetworkBinaryTrainer.Options { Seed = 2, NumberOfEpochs = 2, HiddenLayers = [64] };
        var model = ml.BinaryClassification.Trainers.NeuralNetwork(options).Fit(data);
        Assert.True(model.Model.Parameters.Sum(p => (long)p.Values.Length) > 1_000_000);

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);

        float[] live = [.. model.Transform(data).GetColumn<float>("Score")];
        float[] reloaded = [.. loaded.Transform(data).GetColumn<float>("Score")];
        Assert.Equal(live, reloaded);
        // A sparse row's first layer sums its nonzeros only, the dense kernels every product in blocks: the same
        // value up to the rounding of a different order of additions, far below any difference in the decision.
        for (int i = 0; i < live.Length; i += 2) Assert.Equal(live[i + 1], live[i], 1e-4f);
    }
}
