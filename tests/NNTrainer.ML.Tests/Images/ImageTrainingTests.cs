using Microsoft.ML;
using NNTrainer.ML;
using NNTrainer.Tests.Images;

namespace NNTrainer.ML.Tests.Images;

public sealed class ImageTrainingTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-images-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(NeuralNetworkArchitecture.ShallowNet)]
    [InlineData(NeuralNetworkArchitecture.LeNet)]
    [InlineData(NeuralNetworkArchitecture.MiniVGGNet)]
    public void A_convolutional_architecture_learns_images_of_any_size_through_the_image_transforms(NeuralNetworkArchitecture architecture)
    {
        var mlContext = new MLContext(seed: 1);
        var train = ImagePipeline.Load(mlContext, TestImages.WriteFolder(Path.Combine(_directory, "train"), perClass: 16, seed: 1));
        var test = ImagePipeline.Load(mlContext, TestImages.WriteFolder(Path.Combine(_directory, "test"), perClass: 8, seed: 2));

        var model = ImagePipeline.Create(mlContext, architecture, side: 12, epochs: 15).Fit(train);
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test));
        output.WriteLine($"{architecture}: test accuracy {metrics.MicroAccuracy:F4}, log-loss {metrics.LogLoss:F4}");

        // The shape came from ExtractPixels's C×H×W column type: RGB at the resized 12×12.
        var network = NeuralNetworkModel.FindNetwork(model).Network;
        Assert.Equal(new ImageShape(3, 12, 12), ((SpatialLayer)network.Layers[0]).InputShape);
        Assert.True(metrics.MicroAccuracy >= 0.9, $"{architecture} test accuracy {metrics.MicroAccuracy}");
    }

    [Fact]
    public void The_same_seed_trains_the_same_weights_bit_for_bit()
    {
        var files = TestImages.WriteFolder(_directory, perClass: 4, seed: 3);
        float[] Weights()
        {
            var mlContext = new MLContext(seed: 1);
            var model = ImagePipeline.Create(mlContext, NeuralNetworkArchitecture.LeNet, side: 10, epochs: 2).Fit(ImagePipeline.Load(mlContext, files));
            return NeuralNetworkModel.FindNetwork(model).Network.Parameters.SelectMany(p => p.Values).ToArray();
        }

        Assert.Equal(Weights().Select(BitConverter.SingleToInt32Bits), Weights().Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void An_image_shape_that_does_not_hold_the_pixels_names_the_option_and_column()
    {
        var mlContext = new MLContext(seed: 1);
        var data = ImagePipeline.Load(mlContext, TestImages.WriteFolder(_directory, perClass: 2, seed: 4));
        var pipeline = ImagePipeline.Create(mlContext, NeuralNetworkArchitecture.LeNet, side: 12, epochs: 1, shape: new ImageShape(1, 12, 12));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Fit(data));
        Assert.Contains("ImageShape", error.Message);
        Assert.Contains("1×12×12 = 144", error.Message);
        Assert.Contains("'Features' holds 432", error.Message);
    }

    [Fact]
    public void A_plain_vector_without_a_shape_names_the_option()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Flowers(30, seed: 7));
        var pipeline = TestData.FlowerFeaturizer(mlContext).Append(mlContext.MulticlassClassification.Trainers.NeuralNetwork(
            new NeuralNetworkMulticlassTrainer.Options { Architecture = NeuralNetworkArchitecture.ShallowNet, NumberOfEpochs = 1 }));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Fit(data));
        Assert.Contains("option ImageShape: it is null", error.Message);
        Assert.Contains("carries no channels×height×width", error.Message);
    }

    [Theory]
    [InlineData(NeuralNetworkArchitecture.MiniVGGNet, 3, "Conv2DLayer: kernelSize 3 is larger than its input (32×1×1")]
    [InlineData(NeuralNetworkArchitecture.LeNet, 8, "Conv2DLayer: kernelSize 5 is larger than its input (20×4×4")]
    public void An_image_too_small_for_the_architecture_names_the_option_and_the_layer(NeuralNetworkArchitecture architecture, int side, string layer)
    {
        var mlContext = new MLContext(seed: 1);
        var data = ImagePipeline.Load(mlContext, TestImages.WriteFolder(_directory, perClass: 2, seed: 5));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImagePipeline.Create(mlContext, architecture, side, epochs: 1).Fit(data));
        Assert.Contains($"option ImageShape: it is 3×{side}×{side}, too small for {architecture}", error.Message);
        Assert.Contains(layer, error.Message);
        // The layer's own parameter name is not repeated inside the message: one "(Parameter …)", the option's.
        Assert.Equal("options.ImageShape", error.ParamName);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error.Message, @"\(Parameter '"));
    }

    [Fact]
    public void Invalid_architecture_options_are_refused_when_the_trainer_is_created()
    {
        var mlContext = new MLContext();
        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.MulticlassClassification.Trainers.NeuralNetwork(
            new NeuralNetworkMulticlassTrainer.Options { Architecture = (NeuralNetworkArchitecture)9 }));
        Assert.Contains("Architecture", unknown.Message);
        var empty = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.MulticlassClassification.Trainers.NeuralNetwork(
            new NeuralNetworkMulticlassTrainer.Options { ImageShape = new ImageShape(0, 28, 28) }));
        Assert.Contains("ImageShape", empty.Message);
    }
}
