using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Hardening.Tests.Persistence;
using NNTrainer.ML;

namespace NNTrainer.Hardening.Tests.Scoring;

/// <summary>
/// One transformer shared by 8 threads, each with its own <c>PredictionEngine</c>; 8 threads running <c>Transform</c>
/// over it at once; a parallel cursor set: every score must equal the single-threaded one bit for bit, for the
/// trained and the reloaded model of each task.
/// </summary>
public sealed class ConcurrentScoringTests(ITestOutputHelper output)
{
    private const int Threads = 8;

    public static TheoryData<int, bool> Models() => new() { { 0, false }, { 0, true }, { 1, false }, { 1, true }, { 2, false }, { 2, true } };

    [Theory]
    [MemberData(nameof(Models))]
    public void Eight_threads_score_exactly_like_one(int which, bool reloaded)
    {
        var ml = new MLContext(seed: 1);
        var (name, model, _) = Trained(ml, which);
        var rows = Rows(2_000, seed: 9);
        var data = ml.Data.LoadFromEnumerable(rows);
        if (reloaded)
        {
            using var stream = new MemoryStream();
            ml.Model.Save(model, data.Schema, stream);
            stream.Position = 0;
            model = ml.Model.Load(stream, out _);
        }
        var reference = ZipModels.Scores(model.Transform(data));

        int engineMismatches = 0, transformMismatches = 0, cursorMismatches = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            bool vector = which == 2;
            int mismatches = vector ? ScoreWithEngine<VectorScore>(ml, model, rows, reference, thread, s => Text(s.Score)) : ScoreWithEngine<ScalarScore>(ml, model, rows, reference, thread, s => Text([s.Score]));
            Interlocked.Add(ref engineMismatches, mismatches);
        });
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            var scores = ZipModels.Scores(model.Transform(data));
            Interlocked.Add(ref transformMismatches, scores.Where((s, i) => s != reference[i]).Count());
        });
        cursorMismatches = ScoreWithCursorSet(model.Transform(data), reference);

        output.WriteLine($"{name} ({(reloaded ? "reloaded" : "trained")}): {rows.Length:N0} rows × {Threads} prediction engines, {Threads} parallel Transforms and a {Threads}-cursor set: {engineMismatches} + {transformMismatches} + {cursorMismatches} mismatches");
        Assert.Equal(0, engineMismatches);
        Assert.Equal(0, transformMismatches);
        Assert.Equal(0, cursorMismatches);
    }

    private static int ScoreWithEngine<TScore>(MLContext ml, ITransformer model, Row[] rows, string[] reference, int thread, Func<TScore, string> text)
        where TScore : class, new()
    {
        var engine = ml.Model.CreatePredictionEngine<Row, TScore>(model);
        int mismatches = 0;
        // Each thread walks the rows from a different place, so threads score different rows at the same moment.
        for (int k = 0; k < rows.Length; k++)
        {
            int i = (k + thread * rows.Length / Threads) % rows.Length;
            if (text(engine.Predict(rows[i])) != reference[i]) mismatches++;
        }
        return mismatches;
    }

    private static int ScoreWithCursorSet(IDataView scored, string[] reference)
    {
        var id = scored.Schema[nameof(Row.Id)];
        var score = scored.Schema["Score"];
        var cursors = scored.GetRowCursorSet([id, score], Threads);
        int mismatches = 0;
        Parallel.ForEach(cursors, new ParallelOptions { MaxDegreeOfParallelism = Threads }, cursor =>
        {
            using (cursor)
            {
                var idGetter = cursor.GetGetter<int>(id);
                int rowId = 0;
                Func<string> read;
                if (score.Type is VectorDataViewType)
                {
                    var getter = cursor.GetGetter<VBuffer<float>>(score);
                    var value = default(VBuffer<float>);
                    read = () => { getter(ref value); return Text(value.DenseValues().ToArray()); };
                }
                else
                {
                    var getter = cursor.GetGetter<float>(score);
                    float value = 0;
                    read = () => { getter(ref value); return Text([value]); };
                }
                while (cursor.MoveNext())
                {
                    idGetter(ref rowId);
                    if (read() != reference[rowId]) Interlocked.Increment(ref mismatches);
                }
            }
        });
        return mismatches;
    }

    private static string Text(float[] values) => string.Join(",", values.Select(BitConverter.SingleToInt32Bits));

    internal static (string Name, ITransformer Model, IDataView Data) Trained(MLContext ml, int which, int? threads = null, int hidden = 16)
    {
        var data = ml.Data.LoadFromEnumerable(Rows(600, seed: 4));
        int[] layers = [hidden, hidden];
        switch (which)
        {
            case 0:
                return ("binary", ml.BinaryClassification.Trainers.NeuralNetwork(new NNTrainer.ML.NeuralNetworkBinaryTrainer.Options
                { LabelColumnName = nameof(Row.Flag), HiddenLayers = layers, NumberOfEpochs = 3, DropoutRate = 0.1f, NumberOfThreads = threads, ValidationSetFraction = 0.1f }).Fit(data), data);
            case 1:
                return ("regression", ml.Regression.Trainers.NeuralNetwork(new NNTrainer.ML.NeuralNetworkRegressionTrainer.Options
                { LabelColumnName = nameof(Row.Value), HiddenLayers = layers, NumberOfEpochs = 3, DropoutRate = 0.1f, NumberOfThreads = threads, Optimizer = NNTrainer.ML.NeuralNetworkOptimizer.RmsProp }).Fit(data), data);
            default:
                return ("multiclass", ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Class)).Append(ml.MulticlassClassification.Trainers.NeuralNetwork(new NNTrainer.ML.NeuralNetworkMulticlassTrainer.Options
                { HiddenLayers = layers, NumberOfEpochs = 3, DropoutRate = 0.1f, NumberOfThreads = threads, Optimizer = NNTrainer.ML.NeuralNetworkOptimizer.Sgd, L2Regularization = 1e-4f })).Fit(data), data);
        }
    }

    internal static Row[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var features = Enumerable.Range(0, Row.Width).Select(_ => (float)random.NextDouble()).ToArray();
            return new Row { Id = i, Features = features, Flag = features[0] + features[1] > 1, Value = features[0] * 3 - features[2], Class = (uint)(features[3] * 3 % 3) };
        }).ToArray();
    }

    public sealed class Row
    {
        public const int Width = 40;

        public int Id { get; set; }

        [VectorType(Width)]
        public float[] Features { get; set; } = [];

        public bool Flag { get; set; }

        public float Value { get; set; }

        public uint Class { get; set; }
    }

    public sealed class ScalarScore
    {
        public float Score { get; set; }
    }

    public sealed class VectorScore
    {
        public float[] Score { get; set; } = [];
    }
}
