using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML.Tests.Trainers;

namespace NNTrainer.ML.Tests.Transformers;

public class NeuralNetworkTransformerTests
{
    private sealed class Input
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }

    private sealed class WideRow
    {
        [VectorType(5)]
        public float[] Features { get; set; } = [];
    }

    private sealed class VariableRow
    {
        public float[] Features { get; set; } = [];
    }

    private static NeuralNetworkBinaryTransformer Trained(MLContext mlContext) =>
        NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 5).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(100, seed: 1)));

    [Fact]
    public void ExposesTheEngineNetworkAndTheTrainingHistory()
    {
        var model = Trained(new MLContext(seed: 1));
        Assert.Equal(4, model.Network.InputSize);
        Assert.Same(model.Network, model.Model);
        Assert.Equal(5, model.History.Epochs.Count);
        Assert.Equal(StopReason.Completed, model.History.StopReason);
        Assert.Equal("Features", model.FeatureColumnName);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 4), model.FeatureColumnType);
        Assert.All(model.Network.Parameters, p => Assert.Null(p.Cache));
        Assert.Equal(1, model.Network.NumberOfThreads);
    }

    [Fact]
    public void IsNotDisposableSoPredictionEnginesCanShareIt()
    {
        Assert.False(typeof(IDisposable).IsAssignableFrom(typeof(NeuralNetworkTransformer)));
        Assert.True(typeof(ISingleFeaturePredictionTransformer<Network>).IsAssignableFrom(typeof(NeuralNetworkBinaryTransformer)));
    }

    [Fact]
    public void EightPredictionEnginesOnEightThreadsMatchOneTransformBitForBit()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        var rows = Enumerable.Range(0, 4000).Select(i =>
        {
            var features = new float[4];
            StreamingDataView.Fill(i, features);
            return new Input { Features = features };
        }).ToArray();
        var expected = model.Transform(mlContext.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score").ToArray();

        var actual = new float[rows.Length];
        int mismatches = 0;
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            using var engine = mlContext.Model.CreatePredictionEngine<Input, Prediction>(model);
            // Every thread scores every row, in its own order, and writes the rows it owns.
            for (int k = 0; k < rows.Length; k++)
            {
                int i = (k * 7 + t * 501) % rows.Length;
                var prediction = engine.Predict(rows[i]);
                if (i % 8 == t) actual[i] = prediction.Score;
                else if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(prediction.Score)) Interlocked.Increment(ref mismatches);
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();

        Assert.Equal(0, mismatches);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void APredictionEngineGivesAllThreeBinaryOutputs()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        var engine = mlContext.Model.CreatePredictionEngine<Input, Prediction>(model);
        var prediction = engine.Predict(new Input { Features = [0.1f, -0.1f, 0.5f, 0.5f] });
        Assert.Equal(1 / (1 + Math.Exp(-prediction.Score)), prediction.Probability, 1e-6);
        Assert.Equal(prediction.Score > 0, prediction.PredictedLabel);
    }

    [Fact]
    public void ParallelCursorsScoreLikeOneCursor()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        var scored = model.Transform(new StreamingDataView(3000));
        var expected = scored.GetColumn<float>("Score").ToArray();

        var cursors = scored.GetRowCursorSet(scored.Schema, 3);
        Assert.Equal(3, cursors.Length);
        var actual = new float[expected.Length];
        Parallel.ForEach(cursors, cursor =>
        {
            using (cursor)
            {
                var score = cursor.GetGetter<float>(cursor.Schema["Score"]);
                var id = cursor.GetIdGetter();
                DataViewRowId row = default;
                float value = 0;
                while (cursor.MoveNext())
                {
                    id(ref row);
                    score(ref value);
                    actual[(int)row.Low] = value;
                }
            }
        });
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TransformStreamsOverLargeDataWithoutAllocatingPerRow()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        const long rows = 1_000_000;
        var scored = model.Transform(new StreamingDataView(rows));

        long before = GC.GetAllocatedBytesForCurrentThread();
        long count = 0, inconsistent = 0;
        double sum = 0;
        using (var cursor = scored.GetRowCursor([scored.Schema["Probability"], scored.Schema["PredictedLabel"]]))
        {
            var probability = cursor.GetGetter<float>(cursor.Schema["Probability"]);
            var predicted = cursor.GetGetter<bool>(cursor.Schema["PredictedLabel"]);
            float p = 0;
            bool label = false;
            while (cursor.MoveNext())
            {
                probability(ref p);
                predicted(ref label);
                if ((p > 0.5f) != label) inconsistent++;
                sum += p;
                count++;
            }
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(rows, count);
        Assert.Equal(0, inconsistent);
        Assert.InRange(sum / count, 0.01, 0.99);
        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated while scoring {rows} rows");
    }

    [Fact]
    public void DataWithAKnownWrongFeatureSizeIsRejectedByTransformAndGetOutputSchema()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new WideRow { Features = new float[5] } });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Transform(data));
        Assert.Contains("'Features' has 5 features per row, but the neural network was trained on 4", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.GetOutputSchema(data.Schema));
        Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.Model.CreatePredictionEngine<WideRow, Prediction>(model));
    }

    [Fact]
    public void ARowOfTheWrongSizeInAVariableSizeColumnFailsWhenScored()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new VariableRow { Features = new float[4] }, new VariableRow { Features = new float[3] } });
        var scored = model.Transform(data);

        var error = Assert.Throws<InvalidOperationException>(() => scored.GetColumn<float>("Score").ToArray());
        Assert.Contains("'Features' has 3 values at row 1", error.Message);
        Assert.Contains("trained on 4 features", error.Message);
    }

    [Fact]
    public void AMissingFeatureColumnIsNamed()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Surface(3, seed: 1));
        var renamed = mlContext.Transforms.CopyColumns("Inputs", "Features").Append(mlContext.Transforms.DropColumns("Features")).Fit(data).Transform(data);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Transform(renamed));
        Assert.Contains("feature column 'Features' was not found in the data to score", error.Message);
    }

    [Fact]
    public void OnlyRequestedColumnsAreComputedAndInputColumnsPassThrough()
    {
        var mlContext = new MLContext(seed: 1);
        var model = Trained(mlContext);
        var input = mlContext.Data.LoadFromEnumerable(TestData.Circle(10, seed: 4));
        var scored = model.Transform(input);

        // The order of ML.NET's own binary scorer (what a saved model ends with): PredictedLabel, Score, Probability.
        Assert.Equal(["Label", "Features", "PredictedLabel", "Score", "Probability"], scored.Schema.Select(c => c.Name));
        Assert.Equal(input.GetColumn<bool>("Label"), scored.GetColumn<bool>("Label"));
        using var cursor = scored.GetRowCursor([scored.Schema["Label"]]);
        Assert.False(cursor.IsColumnActive(scored.Schema["Score"]));
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(scored.Schema["Score"]));
    }

    [Fact]
    public void PermutationFeatureImportanceFindsTheInformativeFeatures()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(300, seed: 5));
        var model = NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext).Fit(data);
        var importance = mlContext.BinaryClassification.PermutationFeatureImportance(model, data, permutationCount: 1);
        var drops = importance.Select(m => m.AreaUnderRocCurve.Mean).ToArray();
        Assert.True(drops[0] < -0.1 && drops[1] < -0.1, string.Join(", ", drops));
        Assert.True(Math.Abs(drops[2]) < 0.05 && Math.Abs(drops[3]) < 0.05, string.Join(", ", drops));
    }
}
