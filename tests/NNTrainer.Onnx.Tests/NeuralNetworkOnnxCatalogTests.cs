using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using NNTrainer.ML;
using Onnx;

namespace NNTrainer.Onnx.Tests;

public sealed class NeuralNetworkOnnxCatalogTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-5;
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-onnx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<NeuralNetworkTask, NeuralNetworkActivation, bool> Cases()
    {
        var data = new TheoryData<NeuralNetworkTask, NeuralNetworkActivation, bool>();
        foreach (var task in Enum.GetValues<NeuralNetworkTask>())
        {
            foreach (var activation in Enum.GetValues<NeuralNetworkActivation>())
            {
                data.Add(task, activation, false);
                data.Add(task, activation, true);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Whole_pipeline_scores_raw_columns_like_the_model_in_onnx_runtime_and_ml_net(NeuralNetworkTask task, NeuralNetworkActivation activation, bool reloaded)
    {
        var ml = new MLContext(seed: 1);
        var rows = PipelineData.Rows(2000, seed: 5);
        var data = ml.Data.LoadFromEnumerable(rows);
        ITransformer model = PipelineData.Pipeline(ml, task, activation).Fit(data);
        if (reloaded)
        {
            var zip = Path.Combine(_directory, "model.zip");
            ml.Model.Save(model, data.Schema, zip);
            model = ml.Model.Load(zip, out _);
        }
        var onnxPath = Path.Combine(_directory, "model.onnx");
        using (var file = File.Create(onnxPath)) ml.Model.ConvertNeuralNetworkToOnnx(model, data, file);
        var onnx = ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnxPath));
        Assert.Equal(["Colour", "Length", "Width"], onnx.Graph.Input.Select(i => i.Name).Order());
        Assert.DoesNotContain(onnx.Graph.Node, n => n.OpType == "Dropout");
        Assert.True(onnx.OpsetImport.Single(o => o.Domain == "").Version >= 13);

        var ours = model.Transform(data);
        var fromRuntime = OnnxRunner.Run(onnx,
        [
            OnnxRunner.Column("Length", rows.Select(r => r.Length).ToArray()),
            OnnxRunner.Column("Width", rows.Select(r => r.Width).ToArray()),
            OnnxRunner.Column("Colour", rows.Select(r => r.Colour).ToArray()),
        ]);
        string[] outputs = task switch
        {
            NeuralNetworkTask.BinaryClassification => ["Score", "Probability", "PredictedLabel"],
            NeuralNetworkTask.MulticlassClassification => ["Score", "PredictedLabel"],
            _ => ["Score"],
        };
        Assert.Equal(outputs, onnx.Graph.Output.Select(o => o.Name));
        var applied = ml.Transforms.ApplyOnnxModel(outputs, ["Length", "Width", "Colour"], onnxPath).Fit(data).Transform(data);

        foreach (var name in outputs.Where(n => n != "PredictedLabel"))
        {
            var expected = PipelineData.Floats(ours, name).SelectMany(v => v).ToArray();
            double runtime = OnnxRunner.MaxAbsDifference((float[])fromRuntime[name], expected);
            double mlNet = OnnxRunner.MaxAbsDifference(PipelineData.Floats(applied, name).SelectMany(v => v).ToArray(), expected);
            output.WriteLine($"{task}/{activation}/{(reloaded ? "reloaded" : "fitted")} {name}: max |ONNX Runtime - ours| = {runtime:E2}, max |ApplyOnnxModel - ours| = {mlNet:E2} over {rows.Length} rows");
            Assert.InRange(runtime, 0, Tolerance);
            Assert.InRange(mlNet, 0, Tolerance);
        }
        if (task != NeuralNetworkTask.Regression)
        {
            var expected = PipelineData.Texts(ours, "PredictedLabel");
            var runtimeLabels = fromRuntime["PredictedLabel"] switch
            {
                bool[] b => b.Select(v => v.ToString()).ToArray(),
                string[] s => s,
                var other => throw new InvalidOperationException(other.GetType().Name),
            };
            Assert.Equal(expected, runtimeLabels);
            Assert.Equal(expected, PipelineData.Texts(applied, "PredictedLabel"));
        }
    }

    [Fact]
    public void A_model_of_just_the_trainer_reads_the_feature_column()
    {
        var ml = new MLContext(seed: 1);
        var rows = PipelineData.Rows(500, seed: 2);
        var features = ml.Transforms.Concatenate("Features", "Length", "Width").Append(ml.Transforms.NormalizeMinMax("Features")).Fit(ml.Data.LoadFromEnumerable(rows))
            .Transform(ml.Data.LoadFromEnumerable(rows));
        var model = ml.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options { LabelColumnName = "Weight", HiddenLayers = [8], NumberOfEpochs = 3 }).Fit(features);

        var onnx = ml.Model.ConvertNeuralNetworkToOnnxProtobuf(model, features, opsetVersion: 15);

        Assert.Equal(["Features"], onnx.Graph.Input.Select(i => i.Name));
        Assert.Equal(15, onnx.OpsetImport.Single(o => o.Domain == "").Version);
        var inputs = Matrix.FromRows(PipelineData.Floats(features, "Features"));
        var scores = OnnxRunner.Run(onnx, "Features", inputs);
        Assert.InRange(OnnxRunner.MaxAbsDifference((float[])scores["Score"], PipelineData.Floats(model.Transform(features), "Score").SelectMany(v => v).ToArray()), 0, Tolerance);
    }

    /// <summary>
    /// What ML.NET's own exporter does with the same model, seen with Microsoft.ML.OnnxConverter 0.23.1: no error, but
    /// the network and every step before it are gone; the graph just passes its inputs through, and the network's
    /// outputs (Score, Probability, PredictedLabel) are among those inputs.
    /// </summary>
    [Fact]
    public void Stock_ConvertToOnnx_silently_drops_the_network_and_everything_before_it()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(PipelineData.Rows(300, seed: 3));
        var model = PipelineData.Pipeline(ml, NeuralNetworkTask.BinaryClassification, NeuralNetworkActivation.ReLU).Fit(data);

        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, data, stream);
        var stock = ModelProto.Parser.ParseFrom(stream.ToArray());

        var inputs = stock.Graph.Input.Select(i => i.Name).ToArray();
        Assert.Contains("Score", inputs);
        Assert.Contains("Probability", inputs);
        Assert.Contains("Features", inputs);
        Assert.DoesNotContain(stock.Graph.Node, n => n.OpType is "Gemm" or "MatMul" or "Scaler" or "OneHotEncoder");
        Assert.All(stock.Graph.Node.Where(n => n.Domain == ""), n => Assert.Equal("Identity", n.OpType));

        var ours = ml.Model.ConvertNeuralNetworkToOnnxProtobuf(model, data);
        Assert.Contains(ours.Graph.Node, n => n.OpType == "Gemm");
        Assert.DoesNotContain("Score", ours.Graph.Input.Select(i => i.Name));
    }

    [Fact]
    public void A_model_without_a_network_is_refused_with_a_pointer_to_the_stock_exporter()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(PipelineData.Rows(100, seed: 3));
        var model = ml.Transforms.Concatenate("Features", "Length", "Width").Fit(data);

        var error = Assert.Throws<OnnxExportException>(() => ml.Model.ConvertNeuralNetworkToOnnxProtobuf(model, data));

        Assert.Contains("no NNTrainer neural network", error.Message);
        Assert.Contains("ConvertToOnnx", error.Message);
        Assert.DoesNotContain("(Parameter 'model')", error.Message);   // FindNetwork's parameter suffix is not carried into the sentence
    }

    [Fact]
    public void A_step_ml_net_cannot_convert_is_refused_instead_of_becoming_an_input()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(PipelineData.Rows(300, seed: 3));
        var model = ml.Transforms.CustomMapping<RawRow, Doubled>((row, doubled) => doubled.Twice = 2 * row.Length, contractName: null)
            .Append(ml.Transforms.Concatenate("Features", "Twice", "Width"))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options { LabelColumnName = "Weight", HiddenLayers = [4], NumberOfEpochs = 2 }))
            .Fit(data);

        var error = Assert.Throws<OnnxExportException>(() => ml.Model.ConvertNeuralNetworkToOnnxProtobuf(model, data));

        output.WriteLine(error.Message);
        Assert.Contains("silently drops the neural network step", error.Message);
        Assert.Contains("(step 1 of 3, CustomMappingTransformer<RawRow, NeuralNetworkOnnxCatalogTests.Doubled>, is the first it cannot convert)", error.Message);
    }

    /// <summary>
    /// ML.NET's exporter fails on FeaturizeText with "The given key 'Colour_TextNormalizer' was not present in the
    /// dictionary", which names no step of the user's pipeline; the message names it.
    /// </summary>
    [Fact]
    public void A_text_featurizer_ml_net_cannot_convert_is_named_in_the_error()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(PipelineData.Rows(200, seed: 3));
        var model = ml.Transforms.Concatenate("Numbers", "Length", "Width")
            .Append(ml.Transforms.Text.FeaturizeText("Words", "Colour"))
            .Append(ml.Transforms.Concatenate("Features", "Numbers", "Words"))
            .Append(ml.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options { LabelColumnName = "Weight", HiddenLayers = [4], NumberOfEpochs = 2 }))
            .Fit(data);

        var error = Assert.Throws<OnnxExportException>(() => ml.Model.ConvertNeuralNetworkToOnnxProtobuf(model, data));

        output.WriteLine(error.Message);
        Assert.Contains("(step 2 of 3, TextFeaturizingEstimator.Transformer, is the first it cannot convert)", error.Message);
    }

    [Fact]
    public void Export_to_a_path_is_atomic_and_takes_the_reloaded_schema()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(PipelineData.Rows(300, seed: 3));
        var zip = Path.Combine(_directory, "model.zip");
        ml.Model.Save(PipelineData.Pipeline(ml, NeuralNetworkTask.MulticlassClassification, NeuralNetworkActivation.Tanh).Fit(data), data.Schema, zip);
        var model = ml.Model.Load(zip, out var schema);
        var path = Path.Combine(_directory, "out.onnx");
        File.WriteAllText(path, "previous");

        Assert.Throws<OnnxExportException>(() => ml.Model.ConvertNeuralNetworkToOnnx(ml.Transforms.Concatenate("Features", "Length").Fit(data), schema, path));
        Assert.Equal("previous", File.ReadAllText(path));
        ml.Model.ConvertNeuralNetworkToOnnx(model, schema, path);

        using var session = new InferenceSession(path);
        Assert.Equal(["Score", "PredictedLabel"], session.OutputMetadata.Keys);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    public sealed class Doubled
    {
        public float Twice { get; set; }
    }
}
