using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Tests.Images;

/// <summary>A row of an image data set: the file and its class.</summary>
public sealed class ImageRow
{
    public string ImagePath { get; set; } = "";

    public string Label { get; set; } = "";
}

/// <summary>The pipeline the image tests train: LoadImages → ResizeImages → ExtractPixels → NeuralNetwork → MapKeyToValue.</summary>
public static class ImagePipeline
{
    public static IDataView Load(MLContext mlContext, IEnumerable<(string Path, string Label)> files) =>
        mlContext.Data.LoadFromEnumerable(files.Select(f => new ImageRow { ImagePath = f.Path, Label = f.Label }).ToArray());

    public static IEstimator<ITransformer> Create(MLContext mlContext, NeuralNetworkArchitecture architecture, int side, int epochs, ImageShape? shape = null) =>
        mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(mlContext.Transforms.LoadImages("Image", imageFolder: "", inputColumnName: "ImagePath"))
            .Append(mlContext.Transforms.ResizeImages("Image", side, side, resizing: Microsoft.ML.Transforms.Image.ImageResizingEstimator.ResizingKind.Fill))
            .Append(mlContext.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Append(mlContext.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options
            {
                Architecture = architecture,
                ImageShape = shape,
                NumberOfEpochs = epochs,
                BatchSize = 16,
                LearningRate = 0.005f,
                Seed = 1,
                NumberOfThreads = 1,
            }))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));
}
