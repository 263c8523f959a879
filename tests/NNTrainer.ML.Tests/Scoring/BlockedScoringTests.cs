using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML.Tests.Trainers;

namespace NNTrainer.ML.Tests.Scoring;

/// <summary>
/// <c>Transform</c>'s cursor scores in blocks (64 rows, doubling to 1,024) while handing rows out one at a time:
/// every value, position, batch and row id must be what the one-row-at-a-time route gives for the same row.
/// </summary>
public class BlockedScoringTests
{
    private sealed class VariableRow
    {
        public float[] Features { get; set; } = [];

        public int Id { get; set; }
    }

    public static TheoryData<string> Tasks() => new() { "binary", "multiclass", "regression" };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void EveryRowOfABlockedScanMatchesTheRowToRowMapperBitForBit(string task)
    {
        var mlContext = new MLContext(seed: 1);
        var (model, data) = Trained(mlContext, task, rows: 2_500);
        var scored = model.Transform(data);
        var mapper = model.GetRowToRowMapper(data.Schema);

        using var blocked = scored.GetRowCursor(scored.Schema);
        using var input = data.GetRowCursor(data.Schema);
        using var single = mapper.GetRow(input, mapper.OutputSchema);
        var blockedId = blocked.GetIdGetter();
        var inputId = input.GetIdGetter();
        var columns = scored.Schema.ToArray();
        int rows = 0;
        while (blocked.MoveNext())
        {
            Assert.True(input.MoveNext());
            Assert.Equal(input.Position, blocked.Position);
            Assert.Equal(input.Batch, blocked.Batch);
            DataViewRowId a = default, b = default;
            blockedId(ref a);
            inputId(ref b);
            Assert.Equal(b, a);
            foreach (var column in columns)
            {
                Assert.Equal(Read(single, column), Read(blocked, column));
            }
            rows++;
        }
        Assert.False(input.MoveNext());
        Assert.Equal(2_500, rows);
    }

    [Fact]
    public void ARowThatCannotBeScoredFailsWhenReachedAndTheRowsAroundItStillScore()
    {
        var mlContext = new MLContext(seed: 1);
        var (model, _) = Trained(mlContext, "binary", rows: 100);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).Select(i => new VariableRow
        {
            Id = i,
            Features = Enumerable.Range(0, i == 150 ? 3 : 4).Select(_ => (float)random.NextDouble()).ToArray(),
        }).ToArray();
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var scored = model.Transform(data);
        var engine = ((NeuralNetworkTransformer)model).Network.CreatePredictor();
        var output = new float[1];

        using var cursor = scored.GetRowCursor([scored.Schema["Id"], scored.Schema["Probability"]]);
        var id = cursor.GetGetter<int>(scored.Schema["Id"]);
        var probability = cursor.GetGetter<float>(scored.Schema["Probability"]);
        for (int r = 0; r < rows.Length; r++)
        {
            Assert.True(cursor.MoveNext());
            int value = 0;
            id(ref value);
            Assert.Equal(r, value);
            float p = 0;
            if (r == 150)
            {
                var error = Assert.Throws<InvalidOperationException>(() => probability(ref p));
                Assert.Equal("Column 'Features' has 3 values at row 150; the neural network was trained on 4 features, so it cannot score this row.", error.Message);
                continue;
            }
            probability(ref p);
            engine.Predict(rows[r].Features, output);
            Assert.Equal(output[0], p);
        }
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void OnlyRequestedColumnsAreActiveAndReadable()
    {
        var mlContext = new MLContext(seed: 1);
        var (model, data) = Trained(mlContext, "binary", rows: 100);
        var scored = model.Transform(data);
        using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);

        Assert.True(cursor.IsColumnActive(scored.Schema["Score"]));
        Assert.False(cursor.IsColumnActive(scored.Schema["Probability"]));
        Assert.False(cursor.IsColumnActive(scored.Schema["Label"]));
        var error = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<bool>(scored.Schema["Label"]));
        Assert.Contains("'Label' was not requested", error.Message);
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(scored.Schema["Probability"]));
        error = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<double>(scored.Schema["Score"]));
        Assert.Contains("cannot be read as Double", error.Message);

        var score = cursor.GetGetter<float>(scored.Schema["Score"]);
        float value = 0;
        error = Assert.Throws<InvalidOperationException>(() => score(ref value));
        Assert.Contains("not on a row", error.Message);
        Assert.Equal(-1, cursor.Position);
        int count = 0;
        while (cursor.MoveNext()) count++;
        Assert.Equal(100, count);
        Assert.Throws<InvalidOperationException>(() => score(ref value));
    }

    [Fact]
    public void ACursorReadsAheadOnlyOneSmallBlockAtFirst()
    {
        var mlContext = new MLContext(seed: 1);
        var (model, data) = Trained(mlContext, "binary", rows: 5_000);
        var counting = new CountingDataView(data);
        var scored = model.Transform(counting);
        using (var cursor = scored.GetRowCursor([scored.Schema["Score"]]))
        {
            Assert.True(cursor.MoveNext());
        }
        Assert.Equal(64, counting.RowsRead);

        // Without an output column nothing is scored, and nothing is read ahead.
        using (var cursor = scored.GetRowCursor([scored.Schema["Label"]]))
        {
            Assert.True(cursor.MoveNext());
        }
        Assert.Equal(65, counting.RowsRead);
    }

    private static (ITransformer Model, IDataView Data) Trained(MLContext mlContext, string task, int rows)
    {
        switch (task)
        {
            case "binary":
                var circle = mlContext.Data.LoadFromEnumerable(TestData.Circle(rows, seed: 2));
                return (NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 2).Fit(circle), circle);
            case "multiclass":
                var keys = mlContext.Data.LoadFromEnumerable(TestData.Keys(rows / 3 + 1, seed: 2).Take(rows));
                return (NeuralNetworkMulticlassTrainerTests.SmallTrainer(mlContext, epochs: 2).Fit(keys), keys);
            default:
                var surface = mlContext.Data.LoadFromEnumerable(TestData.Surface(rows, seed: 2));
                return (NeuralNetworkRegressionTrainerTests.SmallTrainer(mlContext, epochs: 2).Fit(surface), surface);
        }
    }

    /// <summary>A column's value as text with every float's bits, so that equal text means bit-identical values.</summary>
    private static string Read(DataViewRow row, DataViewSchema.Column column)
    {
        var type = column.Type;
        if (type is VectorDataViewType)
        {
            var vector = default(VBuffer<float>);
            row.GetGetter<VBuffer<float>>(column)(ref vector);
            return string.Join(",", vector.DenseValues().Select(v => BitConverter.SingleToInt32Bits(v).ToString("x8")));
        }
        if (type == NumberDataViewType.Single)
        {
            float value = 0;
            row.GetGetter<float>(column)(ref value);
            return BitConverter.SingleToInt32Bits(value).ToString("x8");
        }
        if (type == BooleanDataViewType.Instance)
        {
            bool value = false;
            row.GetGetter<bool>(column)(ref value);
            return value.ToString();
        }
        if (type is KeyDataViewType)
        {
            uint value = 0;
            row.GetGetter<uint>(column)(ref value);
            return value.ToString();
        }
        throw new NotSupportedException(type.ToString());
    }
}
