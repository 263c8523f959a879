namespace NNTrainer.Cli.Data;

/// <summary>
/// Featurized rows with one more column, the example weight of each row (<c>train --weight</c>), read by row position:
/// the featurized view keeps the rows in the order of the weights, and the trainers read it with one sequential cursor.
/// </summary>
internal sealed class WeightedDataView : IDataView
{
    public const string ColumnName = "__Weight";

    private readonly IDataView _inner;
    private readonly float[] _weights;

    public WeightedDataView(IDataView inner, float[] weights)
    {
        if (inner.GetRowCount() is { } rows && rows != weights.Length)
        {
            throw new InvalidOperationException($"{rows} featurized rows but {weights.Length} weights.");
        }
        _inner = inner;
        _weights = weights;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inner.Schema);
        builder.AddColumn(ColumnName, NumberDataViewType.Single);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _weights.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.Where(c => c.Index < _inner.Schema.Count).Select(c => _inner.Schema[c.Index]).ToArray();
        return new Cursor(this, _inner.GetRowCursor(needed));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(WeightedDataView view, DataViewRowCursor inner) : DataViewRowCursor
    {
        public override DataViewSchema Schema => view.Schema;

        public override long Position => inner.Position;

        public override long Batch => inner.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            column.Index == view._inner.Schema.Count || inner.IsColumnActive(view._inner.Schema[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < view._inner.Schema.Count) return inner.GetGetter<TValue>(view._inner.Schema[column.Index]);
            ValueGetter<float> weight = (ref float value) => value = view._weights[inner.Position];
            return (ValueGetter<TValue>)(Delegate)weight;
        }

        public override bool MoveNext() => inner.MoveNext();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>Reads the <c>--weight</c> column of a table: a finite number ≥ 0 in every row.</summary>
internal static class ExampleWeights
{
    /// <param name="table">The labelled rows.</param>
    /// <param name="column">The column given by <c>--weight</c>.</param>
    /// <param name="rows">The rows to read, in order; null for all.</param>
    public static float[] Read(CsvTable table, string column, int[]? rows = null)
    {
        var source = table.Require(column, "given by --weight");
        var numbers = source.Numbers ?? throw new CliException($"{table.Path}: column '{column}' given by --weight holds text; example weights must be numbers ≥ 0.");
        var weights = rows is null ? (float[])numbers.Clone() : rows.Select(r => numbers[r]).ToArray();
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0 && float.IsFinite(weights[i])))
            {
                int row = rows?[i] ?? i;
                string value = float.IsNaN(weights[i]) ? "no value" : $"the weight {weights[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                throw new CliException($"{table.Path} line {table.LineNumbers[row]}: column '{column}' (--weight) has {value}; example weights must be finite numbers ≥ 0.");
            }
        }
        return weights;
    }
}
