using NNTrainer.ML;

namespace NNTrainer.Cli.Images;

/// <summary>
/// What <c>nntrainer export</c> writes for a model trained on an image folder. ONNX cannot open files or decode PNG and
/// JPEG, so the file starts where the model's image steps end: it reads the pixel column the network reads, and the
/// caller prepares pixels the way the saved model's own steps do (stretched to the size, grey or RGB, planar, /255).
/// </summary>
internal static class ImageOnnxExport
{
    private const string ImageAssembly = "Microsoft.ML.ImageAnalytics";

    /// <summary>
    /// The steps to export (those after the last image step: the network and what follows it) and the schema they read:
    /// the model's input schema carried through every step up to and including the last image step.
    /// </summary>
    public static (ITransformer Chain, DataViewSchema PixelSchema) Split(FoundNeuralNetwork found, DataViewSchema inputSchema)
    {
        int lastImageStep = -1;
        for (int i = 0; i < found.Preceding.Count; i++)
        {
            if (found.Preceding[i].GetType().Assembly.GetName().Name == ImageAssembly) lastImageStep = i;
        }
        var schema = inputSchema;
        for (int i = 0; i <= lastImageStep; i++) schema = found.Preceding[i].GetOutputSchema(schema);
        var steps = found.Preceding.Skip(lastImageStep + 1).Concat(found.NetworkSteps).Concat(found.Following).ToArray();
        return (new TransformerChain<ITransformer>(steps), schema);
    }

    /// <summary>How to turn an image into the file's input, as the saved model's steps do.</summary>
    public static string InputNote(ImageSettings settings, string featureColumn)
    {
        int length = settings.Channels * settings.Height * settings.Width;
        string colour = settings.Channels == 1
            ? "converted to grey (ML.NET's ConvertToGrayscale)"
            : "its red, green and blue planes in that order";
        return $"Input: {featureColumn}, a [batch, {length:N0}] float tensor: each image stretched to {settings.Width}×{settings.Height} "
            + $"(aspect ratio not kept), {colour}, row by row (C×H×W), every value divided by 255. "
            + "ONNX cannot open or decode image files, so the file starts at the pixels the model's own steps prepare.";
    }
}
