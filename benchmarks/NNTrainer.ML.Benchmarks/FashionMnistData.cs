using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Benchmarks;

/// <summary>One Fashion-MNIST image as ML.NET rows it: the label as a number and 784 pixels in [0, 1].</summary>
public sealed class ImageRow
{
    public uint Label { get; set; }

    [VectorType(784)]
    public float[] Features { get; set; } = [];
}

/// <summary>The same image with its label already a key (class k is key k+1; ML.NET reads a class's key fields 0-based).</summary>
public sealed class KeyedImageRow
{
    [KeyType(10)]
    public uint Label { get; set; }

    [VectorType(784)]
    public float[] Features { get; set; } = [];
}

/// <summary>Fashion-MNIST loaded once: the engine's matrices and the same images as in-memory ML.NET views.</summary>
public sealed class FashionMnistData
{
    private FashionMnistData(MLContext mlContext)
    {
        (TrainImages, TrainLabels, TestImages, TestLabels) = FashionMnist.Load();
        TrainRows = Rows(TrainImages, TrainLabels);
        TestRows = Rows(TestImages, TestLabels);
        Train = mlContext.Data.LoadFromEnumerable(TrainRows);
        // The same feature arrays, not copies.
        TrainKeyed = mlContext.Data.LoadFromEnumerable(TrainRows.Select(r => new KeyedImageRow { Label = r.Label, Features = r.Features }).ToList());
        Test = mlContext.Data.LoadFromEnumerable(TestRows);
    }

    public Matrix TrainImages { get; }

    public int[] TrainLabels { get; }

    public Matrix TestImages { get; }

    public int[] TestLabels { get; }

    public List<ImageRow> TrainRows { get; }

    public List<ImageRow> TestRows { get; }

    public IDataView Train { get; }

    public IDataView Test { get; }

    /// <summary>The training rows with a key-typed label, for the trainer alone.</summary>
    public IDataView TrainKeyed { get; }

    public static FashionMnistData Load(MLContext mlContext)
    {
        if (FashionMnist.FindDirectory() is null) throw new FileNotFoundException($"Fashion-MNIST was not found. {FashionMnist.HowToGet}");
        return new FashionMnistData(mlContext);
    }

    private static List<ImageRow> Rows(Matrix images, int[] labels) =>
        Enumerable.Range(0, labels.Length).Select(i => new ImageRow { Label = (uint)labels[i], Features = images.Row(i).ToArray() }).ToList();
}
