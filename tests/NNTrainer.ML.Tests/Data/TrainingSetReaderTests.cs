using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Data;

public class TrainingSetReaderTests
{
    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType(3)]
        public VBuffer<float> Features { get; set; }
    }

    private static TrainingSet Read(IEnumerable<Row> rows, bool skip = false)
    {
        var data = new MLContext().Data.LoadFromEnumerable(rows);
        return TrainingSetReader.Read(data, data.Schema["Features"], 3, data.Schema["Label"], new SingleLabelReader(), skip, "training data");
    }

    [Fact]
    public void ReadsDenseAndSparseRowsIntoOneContiguousMatrix()
    {
        var set = Read([
            new Row { Label = 1, Features = new VBuffer<float>(3, [1f, 2f, 3f]) },
            new Row { Label = 2, Features = new VBuffer<float>(3, 1, [5f], [2]) },
        ]);
        Assert.Equal([1f, 2f, 3f, 0f, 0f, 5f], set.Inputs.AsSpan().ToArray());
        Assert.Equal([1f, 2f], set.Targets.AsSpan().ToArray());
        Assert.Equal(0, set.SkippedRows);
    }

    [Fact]
    public void SkippedRowsAreLeftOutAndCounted()
    {
        var set = Read([
            new Row { Label = 1, Features = new VBuffer<float>(3, [1f, float.NaN, 3f]) },
            new Row { Label = float.PositiveInfinity, Features = new VBuffer<float>(3, [1f, 1f, 1f]) },
            new Row { Label = 3, Features = new VBuffer<float>(3, [4f, 5f, 6f]) },
        ], skip: true);
        Assert.Equal([4f, 5f, 6f], set.Inputs.AsSpan().ToArray());
        Assert.Equal([3f], set.Targets.AsSpan().ToArray());
        Assert.Equal(2, set.SkippedRows);
    }

    [Fact]
    public void ANaNInASparseVectorIsFoundAtItsSlot()
    {
        var error = Assert.Throws<ArgumentException>(() => Read([new Row { Label = 1, Features = new VBuffer<float>(3, 1, [float.NaN], [2]) }]));
        Assert.Contains("Column 'Features' holds NaN at row 0, slot 2 of the training data", error.Message);
    }

    [Fact]
    public void WhenEveryRowIsSkippedNothingIsLeftToLearnFrom()
    {
        var error = Assert.Throws<ArgumentException>(() => Read([new Row { Label = float.NaN, Features = new VBuffer<float>(3, [1f, 1f, 1f]) }], skip: true));
        Assert.Contains("Every one of the 1 rows", error.Message);
    }

    /// <summary>A view that claims more rows than it has, so the size check can be reached without gigabytes of rows.</summary>
    private sealed class ClaimedRowCount(IDataView inner, long rows) : IDataView
    {
        public bool CanShuffle => inner.CanShuffle;

        public DataViewSchema Schema => inner.Schema;

        public long? GetRowCount() => rows;

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => inner.GetRowCursor(columnsNeeded, rand);

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => inner.GetRowCursorSet(columnsNeeded, n, rand);
    }

    /// <summary>
    /// 60,000 rows of a 40,000-slot FeaturizeText column are 2.4 billion floats: the error says so and how to train
    /// anyway (streaming for the training data, fewer rows or features for validation data).
    /// </summary>
    [Theory]
    [InlineData("training data", "Set Streaming = true in the trainer's options")]
    [InlineData("validation data", "Pass fewer validation rows")]
    public void DataTooLargeForOneMatrixIsRefusedWithTheWayOut(string dataName, string wayOut)
    {
        var data = new ClaimedRowCount(new MLContext().Data.LoadFromEnumerable(new[] { new Row { Features = new VBuffer<float>(3, [1f, 2f, 3f]) } }), 60_000);

        var error = Assert.Throws<ArgumentException>(() =>
            TrainingSetReader.Read(data, data.Schema["Features"], 40_000, data.Schema["Label"], new SingleLabelReader(), false, dataName));

        Assert.StartsWith($"The {dataName} has 60,000 rows of 40,000 features, more than one in-memory float32 matrix can hold. {wayOut}", error.Message);
        Assert.Contains("SelectFeaturesBasedOnCount", error.Message);
    }
}
