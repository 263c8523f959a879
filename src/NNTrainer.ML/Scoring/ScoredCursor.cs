namespace NNTrainer.ML;

/// <summary>A cursor over the transformer's output when no output column is read: it passes the input rows through.</summary>
internal sealed class ScoredCursor(ScoringMapper mapper, DataViewRowCursor input, bool[] activeOutputs) : DataViewRowCursor
{
    private readonly DataViewRowCursor _input = input;

    // The current row's columns, computed as for a single row; the cursor only adds the moving.
    private readonly ScoredRow _row = new(mapper, input, activeOutputs);

    public override DataViewSchema Schema => _row.Schema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool MoveNext() => _input.MoveNext();

    public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }
}
