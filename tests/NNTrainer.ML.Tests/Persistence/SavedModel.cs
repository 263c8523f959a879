using System.IO.Compression;
using Microsoft.ML;
using NNTrainer.ML.Tests.Trainers;

namespace NNTrainer.ML.Tests.Persistence;

/// <summary>A small trained binary pipeline, its saved .zip, rows to score and the name of its largest entry.</summary>
internal sealed class SavedModel
{
    public SavedModel()
    {
        Context = new MLContext(seed: 1);
        Data = Context.Data.LoadFromEnumerable(TestData.Circle(60, seed: 3));
        Model = Context.Transforms.NormalizeMeanVariance("Features")
            .Append(NeuralNetworkBinaryTrainerTests.SmallTrainer(Context, epochs: 3))
            .Fit(Data);
        using var stream = new MemoryStream();
        Context.Model.Save(Model, Data.Schema, stream);
        Zip = stream.ToArray();
        using var archive = new ZipArchive(new MemoryStream(Zip), ZipArchiveMode.Read);
        LargestEntry = archive.Entries.MaxBy(e => e.Length)!.FullName;
    }

    public MLContext Context { get; }

    public IDataView Data { get; }

    public ITransformer Model { get; }

    public byte[] Zip { get; }

    public string LargestEntry { get; }

    /// <summary>A copy of the zip to damage.</summary>
    public byte[] Copy() => (byte[])Zip.Clone();
}
