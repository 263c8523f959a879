using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Hardening.Tests.Fuzzing;
using NNTrainer.ML;

namespace NNTrainer.Hardening.Tests.Persistence;

/// <summary>
/// Fuzzes model .zip files of the three trained transformers (<c>mlContext.Model.LoadVerified</c>, then scoring).
/// The verified load checks every entry's length and CRC-32 first, so damage to an entry's data is a
/// <see cref="ModelFormatException"/> naming the entry; what the check cannot see (a damaged entry name, a zip header
/// field nobody reads) reaches ML.NET, which may fail when loading or when scoring with whatever exception it throws,
/// and the tally shows which. What must never happen: an out-of-memory error, a hang (each case has a hang guard;
/// ML.NET's plain <c>Model.Load</c> loops forever on some damaged zips, see <see cref="MlNetLoadHangTests"/>), an
/// unexpected exception out of NNTrainer's own code, or a model that loads and scores differently from the one saved.
/// </summary>
public sealed class ModelZipFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_damaged_model_zip_fails_clearly_or_scores_exactly_as_saved()
    {
        int cases = FuzzSettings.Cases("NNTRAINER_ZIP_FUZZ_CASES", 5_000);
        var ml = new MLContext(seed: 1);
        var models = ZipModels.Create(ml);
        var tally = new FuzzTally();
        var random = new Random(FuzzSettings.Seed);
        for (int i = 0; i < cases; i++)
        {
            var model = models[i % models.Length];
            var mutation = ZipMutator.Next(random, model.Zip, model.LengthFields);
            string where = $"case {i} (seed {FuzzSettings.Seed}, {model.Name})";
            FuzzSettings.WithinCaseHangGuard($"{where}, {mutation.Kind}, {mutation.Describe(model.Zip)},", () => Check(ml, model, mutation, tally, where));
        }
        output.WriteLine(tally.Report("ML.NET model zips"));

        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures));
        Assert.True(tally.Total >= Math.Min(cases, 1_000));
    }

    private static void Check(MLContext ml, ZipModel model, Mutation mutation, FuzzTally tally, string where)
    {
        if (mutation.Bytes.AsSpan().SequenceEqual(model.Zip))
        {
            tally.Add(mutation.Kind, "unchanged by the mutation");
            return;
        }
        ITransformer loaded;
        try
        {
            loaded = ml.Model.LoadVerified(new MemoryStream(mutation.Bytes, writable: false), out _);
        }
        catch (Exception e)
        {
            Classify("load", e, mutation, tally, where);
            return;
        }
        string[] scores;
        try
        {
            scores = ZipModels.Scores(loaded.Transform(model.Probe));
        }
        catch (Exception e)
        {
            Classify("score", e, mutation, tally, where);
            return;
        }
        if (scores.SequenceEqual(model.Scores))
        {
            tally.Add(mutation.Kind, "loads, scores bit-identical");
        }
        else
        {
            tally.Add(mutation.Kind, "loads, scores differently");
            tally.Fail($"{where}, {mutation.Kind}: a damaged zip loaded and scored differently without an error");
        }
    }

    private static void Classify(string stage, Exception e, Mutation mutation, FuzzTally tally, string where)
    {
        var chain = new List<Exception>();
        for (var x = e; x is not null; x = x.InnerException) chain.Add(x);
        if (chain.Any(x => x is OutOfMemoryException or InsufficientExecutionStackException or AccessViolationException))
        {
            tally.Add(mutation.Kind, $"{stage}: {chain[^1].GetType().Name}");
            tally.Fail($"{where}, {mutation.Kind}: {string.Join(" → ", chain.Select(x => x.GetType().Name))}");
            return;
        }
        var ours = chain.OfType<ModelFormatException>().FirstOrDefault();
        if (ours is not null)
        {
            string wrapped = ReferenceEquals(ours, e) ? "ModelFormatException" : $"{e.GetType().Name} wrapping ModelFormatException";
            tally.Add(mutation.Kind, $"{stage}: {wrapped}", ours.Message);
            return;
        }
        var thrower = chain[^1].TargetSite?.DeclaringType?.Assembly.GetName().Name ?? "";
        if (thrower.StartsWith("NNTrainer", StringComparison.Ordinal))
        {
            tally.Add(mutation.Kind, $"{stage}: {chain[^1].GetType().Name} from {thrower}");
            tally.Fail($"{where}, {mutation.Kind}: NNTrainer code threw {chain[^1].GetType().Name} instead of a ModelFormatException: {chain[^1].Message}");
            return;
        }
        string name = chain.Count == 1 ? e.GetType().Name : $"{e.GetType().Name} wrapping {chain[^1].GetType().Name}";
        tally.Add(mutation.Kind, $"{stage}: {name}", chain[^1].Message.Split('\n')[0]);
    }
}

/// <summary>A saved model, where its zip length fields are, rows to score and the scores it gives them.</summary>
public sealed record ZipModel(string Name, byte[] Zip, int[] LengthFields, IDataView Probe, string[] Scores);

public static class ZipModels
{
    public sealed class Row
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public bool Flag { get; set; }

        public float Value { get; set; }

        public uint Class { get; set; }
    }

    public static ZipModel[] Create(MLContext ml)
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 120).Select(i => new Row
        {
            Features = [(float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble()],
            Flag = i % 2 == 0,
            Value = i * 0.1f,
            Class = (uint)(i % 3),
        }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var probe = ml.Data.TakeRows(data, 8);
        int[] hidden = [4];
        var models = new (string, ITransformer)[]
        {
            ("binary", ml.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { LabelColumnName = "Flag", HiddenLayers = hidden, NumberOfEpochs = 2 }).Fit(data)),
            ("regression", ml.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options { LabelColumnName = "Value", HiddenLayers = hidden, NumberOfEpochs = 2 }).Fit(data)),
            ("multiclass", ml.Transforms.Conversion.MapValueToKey("Label", "Class")
                .Append(ml.MulticlassClassification.Trainers.NeuralNetwork(new NeuralNetworkMulticlassTrainer.Options { HiddenLayers = hidden, NumberOfEpochs = 2 })).Fit(data)),
        };
        return models.Select(m =>
        {
            using var stream = new MemoryStream();
            ml.Model.Save(m.Item2, data.Schema, stream);
            var zip = stream.ToArray();
            return new ZipModel(m.Item1, zip, ZipMutator.FindLengthFields(zip), probe, Scores(m.Item2.Transform(probe)));
        }).ToArray();
    }

    /// <summary>Every row's Score (and PredictedLabel, when present) as exact text: bit-level comparison.</summary>
    public static string[] Scores(IDataView scored)
    {
        var score = scored.Schema["Score"];
        var result = new List<string>();
        using var cursor = scored.GetRowCursor([score]);
        if (score.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(score);
            var value = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref value);
                result.Add(string.Join(",", value.DenseValues().Select(v => BitConverter.SingleToInt32Bits(v))));
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(score);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                result.Add(BitConverter.SingleToInt32Bits(value).ToString());
            }
        }
        return result.ToArray();
    }
}
