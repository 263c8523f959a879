using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NNTrainer.ML;
using NNTrainer.Tests.Images;

namespace NNTrainer.Onnx.Tests;

public sealed class ImagePipelineOnnxTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-image-onnx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(NeuralNetworkArchitecture.ShallowNet)]
    [InlineData(NeuralNetworkArchitecture.LeNet)]
    [InlineData(NeuralNetworkArchitecture.MiniVGGNet)]
    public void The_network_of_an_image_pipeline_exports_from_the_pixel_column_and_scores_like_mlnet_in_onnx_runtime(NeuralNetworkArchitecture architecture)
    {
        var mlContext = new MLContext(seed: 1);
        var data = ImagePipeline.Load(mlContext, TestImages.WriteFolder(_directory, perClass: 6, seed: 21));
        var steps = ((IEnumerable<ITransformer>)ImagePipeline.Create(mlContext, architecture, side: 12, epochs: 3).Fit(data)).ToArray();
        // ONNX has no image decoding: the file starts at the pixels ExtractPixels produces, [batch, C·H·W] in planar order.
        var pixels = new TransformerChain<ITransformer>(steps[..4]).Transform(data);
        var network = steps[4];

        var onnx = mlContext.Model.ConvertNeuralNetworkToOnnxProtobuf(network, pixels);
        Assert.Equal(["Features"], onnx.Graph.Input.Select(i => i.Name));
        Assert.Contains("Conv", onnx.Graph.Node.Select(n => n.OpType));

        var features = pixels.GetColumn<float[]>("Features").ToArray();
        int width = features[0].Length;
        var input = new DenseTensor<float>(features.SelectMany(f => f).ToArray(), [features.Length, width]);
        var outputs = OnnxRunner.Run(onnx, [NamedOnnxValue.CreateFromTensor("Features", input)]);
        var expected = network.Transform(pixels).GetColumn<float[]>("Score").SelectMany(s => s).ToArray();
        double difference = OnnxRunner.MaxAbsDifference((float[])outputs["Score"], expected);
        output.WriteLine($"{architecture}: max |onnx - ML.NET| = {difference:E2} over {features.Length} images of {width} pixels");
        Assert.InRange(difference, 0, 1e-5);
        var keys = network.Transform(pixels).GetColumn<uint>("PredictedLabel").ToArray();
        Assert.Equal(keys, (uint[])outputs["PredictedLabel"]);
    }

    [Fact]
    public void The_whole_image_pipeline_is_refused_with_a_message_that_says_where_to_start()
    {
        var mlContext = new MLContext(seed: 1);
        var data = ImagePipeline.Load(mlContext, TestImages.WriteFolder(_directory, perClass: 3, seed: 22));
        var model = ImagePipeline.Create(mlContext, NeuralNetworkArchitecture.ShallowNet, side: 8, epochs: 1).Fit(data);

        var error = Assert.Throws<OnnxExportException>(() => mlContext.Model.ConvertNeuralNetworkToOnnxProtobuf(model, data));
        output.WriteLine(error.Message);
        Assert.Contains("Step 2 of the model (ImageLoadingTransformer) works on images", error.Message);
        Assert.Contains("reads column 'Features' as [batch, 192] floats", error.Message);
    }
}
