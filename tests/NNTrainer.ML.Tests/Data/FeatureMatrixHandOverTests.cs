using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Data;

/// <summary><see cref="TrainingSetReader"/> training on a view's own feature matrix (<see cref="IFeatureMatrixSource"/>) instead of a copy.</summary>
public class FeatureMatrixHandOverTests
{
    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>A view whose rows are also one matrix it hands over when asked.</summary>
    private sealed class MatrixView(IDataView rows, float[]? matrix) : IDataView, IFeatureMatrixSource
    {
        public int Requests { get; private set; }

        public bool CanShuffle => false;

        public DataViewSchema Schema => rows.Schema;

        public long? GetRowCount() => rows.GetRowCount();

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => rows.GetRowCursor(columnsNeeded, rand);

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => rows.GetRowCursorSet(columnsNeeded, n, rand);

        public float[]? TakeFeatures(string column, int width)
        {
            Requests++;
            return column == "Features" && width == 2 ? matrix : null;
        }
    }

    private static (MatrixView View, float[] Matrix) Create(float[][] features, float[] labels, bool handOver = true)
    {
        var rows = new MLContext().Data.LoadFromEnumerable(features.Select((f, i) => new Row { Label = labels[i], Features = f }));
        var matrix = features.SelectMany(f => f).ToArray();
        return (new MatrixView(rows, handOver ? matrix : null), matrix);
    }

    private static TrainingSet Read(IDataView data, bool skip = false) =>
        TrainingSetReader.Read(data, data.Schema["Features"], 2, data.Schema["Label"], new SingleLabelReader(), skip, "training data");

    [Fact]
    public void TheViewsMatrixBecomesTheTrainingMatrixWithoutACopy()
    {
        var (view, matrix) = Create([[1f, 2f], [3f, 4f], [5f, 6f]], [1f, 0f, 2f]);

        var set = Read(view);

        Assert.Same(matrix, set.Inputs.Data);
        Assert.Equal(3, set.Inputs.Rows);
        Assert.Equal([1f, 0f, 2f], set.Targets.AsSpan().ToArray());
        Assert.Equal(1, view.Requests);
    }

    [Fact]
    public void AViewThatKeepsItsMatrixIsCopied()
    {
        var (view, matrix) = Create([[1f, 2f], [3f, 4f]], [1f, 0f], handOver: false);

        var set = Read(view);

        Assert.NotSame(matrix, set.Inputs.Data);
        Assert.Equal(matrix, set.Inputs.AsSpan().ToArray());
    }

    [Fact]
    public void UnusableValuesGoThroughTheUsualChecksAndLeaveTheMatrixAlone()
    {
        var (view, matrix) = Create([[1f, float.NaN], [3f, 4f], [5f, 6f]], [1f, 0f, float.NaN]);

        var set = Read(view, skip: true);

        Assert.NotSame(matrix, set.Inputs.Data);
        Assert.Equal([3f, 4f], set.Inputs.AsSpan().ToArray());
        Assert.Equal(2, set.SkippedRows);
        var error = Assert.Throws<ArgumentException>(() => Read(Create([[1f, 2f], [float.PositiveInfinity, 4f]], [1f, 0f]).View));
        Assert.Contains("Column 'Features' holds Infinity at row 1, slot 0 of the training data", error.Message);
    }

    [Fact]
    public void ANaNLabelIsRefusedAsWithoutAHandOver()
    {
        var error = Assert.Throws<ArgumentException>(() => Read(Create([[1f, 2f], [3f, 4f]], [1f, float.NaN]).View));

        Assert.Contains("Column 'Label' holds", error.Message);
        Assert.Contains("at row 1 of the training data", error.Message);
    }
}
