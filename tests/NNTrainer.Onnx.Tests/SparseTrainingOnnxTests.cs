using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Onnx.Tests;

/// <summary>A network trained on sparse rows is a dense network once trained: it exports, and scores alike in ONNX Runtime.</summary>
public sealed class SparseTrainingOnnxTests
{
    private const int Slots = 5000;

    private sealed class Document
    {
        public bool Label { get; set; }

        [VectorType(Slots)]
        public VBuffer<float> Features { get; set; }
    }

    [Fact]
    public void A_network_trained_on_wide_sparse_features_scores_alike_in_onnx_runtime()
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(3);
        var documents = Enumerable.Range(0, 200).Select(_ =>
        {
            bool positive = random.Next(2) == 0;
            var slots = new SortedSet<int>();
            while (slots.Count < 12) slots.Add(positive && slots.Count < 4 ? random.Next(30) : random.Next(Slots));
            return new Document { Label = positive, Features = new VBuffer<float>(Slots, slots.Count, [.. slots.Select(s => 0.5f + s % 7 / 10f)], [.. slots]) };
        }).ToArray();
        var data = ml.Data.LoadFromEnumerable(documents);

        var model = ml.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { Seed = 2, HiddenLayers = [8], NumberOfEpochs = 5 }).Fit(data);

        Assert.Equal(NNTrainer.Training.TrainingStepNames.SparseInput, model.History.TrainingStep);
        var onnx = ml.Model.ConvertNeuralNetworkToOnnxProtobuf(model, data);
        var inputs = new Matrix(documents.Length, Slots);
        for (int r = 0; r < documents.Length; r++) documents[r].Features.CopyTo(inputs.Row(r));
        var scores = OnnxRunner.Run(onnx, "Features", inputs);
        var expected = model.Transform(data).GetColumn<float>("Score").ToArray();
        Assert.InRange(OnnxRunner.MaxAbsDifference((float[])scores["Score"], expected), 0, 1e-5);
    }
}
