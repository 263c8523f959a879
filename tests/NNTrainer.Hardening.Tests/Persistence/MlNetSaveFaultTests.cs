using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Hardening.Tests.Serialization;
using NNTrainer.ML;

namespace NNTrainer.Hardening.Tests.Persistence;

/// <summary>What <c>mlContext.Model.Save</c> does with a pipeline that contains the network when the write fails part-way.</summary>
public sealed class MlNetSaveFaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-mlsave-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_stream_save_that_fails_part_way_throws_and_what_it_wrote_never_loads()
    {
        var ml = new MLContext(seed: 1);
        var model = ZipModels.Create(ml)[2];
        var loaded = ml.Model.Load(new MemoryStream(model.Zip), out var schema);
        var full = new MemoryStream();
        ml.Model.Save(loaded, schema, full);
        int length = (int)full.Length;
        var positions = Enumerable.Range(0, 64).Concat(Enumerable.Range(0, length / 37).Select(i => 64 + i * 37)).Concat(Enumerable.Range(length - 32, 32))
            .Where(p => p >= 0 && p < length).Distinct().ToArray();
        var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);

        foreach (int failAt in positions)
        {
            var written = new MemoryStream();
            Exception? caught = null;
            try
            {
                ml.Model.Save(loaded, schema, new FailingStream(written, failAt));
            }
            catch (Exception e)
            {
                caught = e;
            }
            string name;
            if (caught is null)
            {
                // Seen with ML.NET 5.0.1: a failure while the zip's central directory is written (the last ~20% of the
                // bytes) is swallowed, and Save returns normally after writing a truncated file.
                name = "returned normally (failure swallowed)";
            }
            else
            {
                var root = caught;
                while (root.InnerException is not null) root = root.InnerException;
                Assert.IsType<IOException>(root);
                name = caught == root ? caught.GetType().Name : $"{caught.GetType().Name} wrapping {root.GetType().Name}";
            }
            seen[name] = seen.GetValueOrDefault(name) + 1;
            Assert.ThrowsAny<Exception>(() => ZipModels.Scores(ml.Model.LoadVerified(new MemoryStream(written.ToArray()), out _).Transform(model.Probe)));
        }
        Assert.True(seen.ContainsKey("IOException") || seen.Keys.Any(k => k.EndsWith("IOException", StringComparison.Ordinal)));
        output.WriteLine($"{positions.Length} interrupted saves of a {length:N0}-byte zip: {string.Join(", ", seen.Select(s => $"{s.Key} ×{s.Value}"))}; none of the partial files loads.");
    }

    /// <summary>
    /// ML.NET's <c>Model.Save(model, schema, path)</c> opens the destination with <c>File.Create</c> and writes into
    /// it, so a save that fails part-way (here: a step that cannot be saved) destroys the model saved there before.
    /// The safe pattern, which <c>nntrainer train</c> uses, is to save to a temporary file beside it and move it over.
    /// </summary>
    [Fact]
    public void Ml_nets_path_save_that_fails_destroys_the_previous_file_so_save_beside_it_and_move()
    {
        var ml = new MLContext(seed: 1);
        var model = ZipModels.Create(ml)[0];
        var loaded = ml.Model.Load(new MemoryStream(model.Zip), out var schema);
        var path = Path.Combine(_directory, "model.zip");
        File.WriteAllBytes(path, model.Zip);
        var unsavable = new TransformerChain<ITransformer>(loaded,
            ml.Transforms.CustomMapping<ZipModels.Row, Doubled>((row, doubled) => doubled.Twice = 2 * row.Value, contractName: null).Fit(model.Probe));

        var error = Assert.ThrowsAny<Exception>(() => ml.Model.Save(unsavable, schema, path));

        output.WriteLine($"{error.GetType().Name}: {error.Message}");
        Assert.NotEqual(model.Zip, File.ReadAllBytes(path));
        Assert.ThrowsAny<Exception>(() => ZipModels.Scores(ml.Model.LoadVerified(path, out _).Transform(model.Probe)));

        File.WriteAllBytes(path, model.Zip);
        var temporary = path + ".tmp";
        Assert.ThrowsAny<Exception>(() => ml.Model.Save(unsavable, schema, temporary));
        File.Delete(temporary);
        Assert.Equal(model.Zip, File.ReadAllBytes(path));
    }

    public sealed class Doubled
    {
        public float Twice { get; set; }
    }
}
