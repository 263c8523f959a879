using Microsoft.ML;
using Microsoft.ML.Data;
using Onnx;

namespace NNTrainer.Onnx.Tests;

/// <summary>Runs the examples of src/NNTrainer.Onnx/README.md as written there (file names under a temporary folder).</summary>
public sealed class ReadmeExamplesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-onnx-readme-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class SpiralRow
    {
        [VectorType(2)]
        public float[] Features = [];
    }

    private sealed class FlowerRow
    {
        public string Label = "";
        public float Length;
        public float Width;
    }

    [Fact]
    public void The_engine_examples_export_a_network_and_ApplyOnnxModel_scores_it()
    {
        var (x, y) = SyntheticData.Spiral(100, 3, seed: 1);
        var network = new Network(seed: 1);
        network.Add(new DenseLayer(2, 64)).Add(new ReLUActivation()).Add(new DenseLayer(64, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.02f));
        network.Fit(x, y, new FitOptions { Epochs = 200 });

        string spiral = Path.Combine(_directory, "spiral.onnx");
        network.SaveAsOnnx(spiral);
        var plain = ModelProto.Parser.ParseFrom(File.ReadAllBytes(spiral));
        Assert.Equal(["input"], plain.Graph.Input.Select(i => i.Name));
        Assert.Equal(["output", "label"], plain.Graph.Output.Select(o => o.Name));

        string mlNetFile = Path.Combine(_directory, "spiral-mlnet.onnx");
        network.SaveAsOnnx(mlNetFile, NetworkOnnxOptions.ForMLNet());
        var mlContext = new MLContext(seed: 0);
        var rows = Enumerable.Range(0, x.Rows).Select(r => new SpiralRow { Features = [x[r, 0], x[r, 1]] }).ToList();
        IDataView data = mlContext.Data.LoadFromEnumerable(rows);
        IDataView scored = mlContext.Transforms.ApplyOnnxModel(mlNetFile).Fit(data).Transform(data);

        // ML.NET keeps the graph's batch dimension as 1: Vector<Single, 1, 3>, a known-size vector of 3 floats.
        var score = Assert.IsType<VectorDataViewType>(scored.Schema["Score"].Type);
        Assert.Equal((NumberDataViewType.Single, 3), (score.ItemType, score.Size));
        double difference = OnnxRunner.MaxAbsDifference(PipelineData.Floats(scored, "Score").SelectMany(v => v).ToArray(), network.Predict(x).AsSpan());
        Assert.InRange(difference, 0, 1e-5);
    }

    [Fact]
    public void The_pipeline_example_exports_raw_columns_in_and_the_label_text_out()
    {
        var random = new Random(3);
        string[] species = ["setosa", "versicolor", "virginica"];
        var flowers = Enumerable.Range(0, 300).Select(i => new FlowerRow
        {
            Label = species[i % 3],
            Length = 10 + 5 * (i % 3) + (float)random.NextDouble() * 4,
            Width = 2 + (i % 3) + (float)random.NextDouble() * 2,
        }).ToList();
        var mlContext = new MLContext(seed: 0);
        IDataView train = mlContext.Data.LoadFromEnumerable(flowers);

        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(mlContext.Transforms.Concatenate("Features", "Length", "Width"))
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(mlContext.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [16], numberOfEpochs: 20))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        ITransformer model = pipeline.Fit(train);

        string path = Path.Combine(_directory, "pipeline.onnx");
        mlContext.Model.ConvertNeuralNetworkToOnnx(model, train.Schema, path);
        var onnxModel = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(["Length", "Width"], onnxModel.Graph.Input.Select(i => i.Name).Order());
        Assert.Equal(["PredictedLabel", "Score"], onnxModel.Graph.Output.Select(o => o.Name).Order());

        var onnx = mlContext.Transforms.ApplyOnnxModel(["Score", "PredictedLabel"], ["Length", "Width"], path);
        var fromOnnx = onnx.Fit(train).Transform(train);
        var ours = model.Transform(train);
        double difference = OnnxRunner.MaxAbsDifference(PipelineData.Floats(fromOnnx, "Score").SelectMany(v => v).ToArray(),
            PipelineData.Floats(ours, "Score").SelectMany(v => v).ToArray());
        Assert.InRange(difference, 0, 1e-5);
        Assert.Equal(PipelineData.Texts(ours, "PredictedLabel"), PipelineData.Texts(fromOnnx, "PredictedLabel"));
    }
}
