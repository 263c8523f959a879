using NNTrainer.ML;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Featurized rows (<see cref="FeatureDataView"/>) that can give their feature matrix to the one network trainer that
/// reads them, as the trainer's own training matrix: the rows are then held once, not twice. The trainer standardises
/// that matrix in place, so the hand-over is allowed only where nothing reads the rows afterwards
/// (<see cref="AllowHandOver"/>): one trainer, then the final fit. Otherwise the view is read like any other.
/// </summary>
internal sealed class FeatureMatrixView(IDataView rows, float[] features, int width) : IDataView, IFeatureMatrixSource
{
    private bool _handOver;

    public bool CanShuffle => rows.CanShuffle;

    public DataViewSchema Schema => rows.Schema;

    /// <summary>Lets the next trainer take the matrix; after that the view's feature values are undefined.</summary>
    public void AllowHandOver() => _handOver = true;

    public long? GetRowCount() => rows.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => rows.GetRowCursor(columnsNeeded, rand);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => rows.GetRowCursorSet(columnsNeeded, n, rand);

    public float[]? TakeFeatures(string column, int expectedWidth)
    {
        if (!_handOver || column != ColumnNames.Features || expectedWidth != width) return null;
        _handOver = false;
        return features;
    }
}
