using Microsoft.ML.Transforms.Image;

namespace NNTrainer.Cli.Images;

/// <summary>A row the image models read: the file and its class ("" when unknown, as for <c>predict</c>).</summary>
internal sealed class ImageRow
{
    public string ImagePath { get; set; } = "";

    public string Label { get; set; } = "";
}

/// <summary>
/// The ML.NET steps that turn image files into the network's input, saved at the front of the model so that the
/// zip decodes, resizes and converts images itself: MapValueToKey(Label) → LoadImages → ResizeImages (stretched to
/// the size, aspect ratio not kept) → ConvertToGrayscale (grey models) → ExtractPixels (planar C×H×W, scaled to [0, 1]).
/// </summary>
internal static class ImageData
{
    private const string ImageColumn = "__Image";

    /// <summary>A seeded split of the folder's images, featurized and cached for the trainers.</summary>
    public static PreparedData Prepare(MLContext ml, string folder, string[] classes, ImageFile[] files, ImageSettings settings, double testFraction, int seed, string trainer)
    {
        var (trainRows, testRows) = HoldOutSplit.Random(files.Length, testFraction, seed);
        if (trainRows.Length < 2 || testRows.Length < 1)
        {
            throw new CliException($"{folder}: {files.Length} images are too few to hold out {testFraction:P0} for testing; at least a few dozen images are needed.");
        }
        var train = Rows(ml, trainRows.Select(i => files[i]));
        var test = Rows(ml, testRows.Select(i => files[i]));
        var featurizer = Featurizer(ml, classes, settings).Fit(train);
        var schema = new ModelSchema(TaskKind.Multiclass, "class", classes, [], trainer) { Images = settings };
        return new PreparedData
        {
            Description = $"{folder}: {files.Length:N0} images of {classes.Length} classes ({string.Join(", ", classes)}); {settings}",
            Schema = schema,
            Featurizer = featurizer,
            RawSchema = train.Schema,
            Train = Cache(ml, featurizer.Transform(train)),
            Test = Cache(ml, featurizer.Transform(test)),
            TrainRows = trainRows.Length,
            TestRows = testRows.Length,
            Notes = HeldOutOnly(files, trainRows, testRows) is { } note ? [note] : [],
        };
    }

    /// <summary>
    /// A note when the held-out images hold a class that no training image has (a class of one image lands there about
    /// a fifth of the time): the held-out metrics then score a class the network never saw. Null when there is none.
    /// </summary>
    private static string? HeldOutOnly(ImageFile[] files, int[] trainRows, int[] testRows)
    {
        var seen = trainRows.Select(i => files[i].Label).ToHashSet(StringComparer.Ordinal);
        var unseen = testRows.Select(i => files[i].Label).Where(c => !seen.Contains(c)).Distinct().Order(StringComparer.Ordinal).Select(c => $"'{c}'").ToArray();
        if (unseen.Length == 0) return null;
        return $"The held-out images hold class{(unseen.Length == 1 ? "" : "es")} {string.Join(", ", unseen)} that none of the {trainRows.Length:N0} training images has, "
            + "so the metrics below score a class the network never saw; give each class a few images at least.";
    }

    /// <summary>The files as rows of path and class.</summary>
    public static IDataView Rows(MLContext ml, IEnumerable<ImageFile> files) =>
        ml.Data.LoadFromEnumerable(files.Select(f => new ImageRow { ImagePath = f.Path, Label = f.Label }).ToArray());

    private static IEstimator<ITransformer> Featurizer(MLContext ml, string[] classes, ImageSettings settings)
    {
        // The classes in folder-name order, whatever order the rows come in, so keys match ModelSchema.Classes.
        var keys = ml.Data.LoadFromEnumerable(classes.Select(c => new ImageRow { Label = c }).ToArray());
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey(ColumnNames.Label, ColumnNames.Label, keyData: ml.Transforms.SelectColumns(ColumnNames.Label).Fit(keys).Transform(keys))
            .Append(ml.Transforms.LoadImages(ImageColumn, imageFolder: "", inputColumnName: nameof(ImageRow.ImagePath)))
            .Append(ml.Transforms.ResizeImages(ImageColumn, settings.Width, settings.Height, resizing: ImageResizingEstimator.ResizingKind.Fill));
        if (settings.Channels == 1) pipeline = pipeline.Append(ml.Transforms.ConvertToGrayscale(ImageColumn));
        return pipeline.Append(ml.Transforms.ExtractPixels(ColumnNames.Features, ImageColumn,
            colorsToExtract: settings.Channels == 1 ? ImagePixelExtractingEstimator.ColorBits.Red : ImagePixelExtractingEstimator.ColorBits.Rgb,
            scaleImage: 1f / 255));
    }

    /// <summary>Decodes every image once: only the label and pixels are kept in memory, not the decoded bitmaps.</summary>
    private static IDataView Cache(MLContext ml, IDataView featurized) =>
        ml.Data.Cache(ml.Transforms.SelectColumns(ColumnNames.Label, ColumnNames.Features).Fit(featurized).Transform(featurized));
}
