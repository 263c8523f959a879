namespace NNTrainer.Cli.Data;

/// <summary>
/// An <see cref="IDataView"/> over columns already in memory: each column reads its value for a row index straight from
/// its array, so ML.NET fits and scores without a copy of the data (DataFrame and <c>LoadFromEnumerable</c> copy or box).
/// </summary>
internal sealed class ColumnarDataView : IDataView
{
    /// <summary>One column: its ML.NET type and a getter over the row index the cursor is on.</summary>
    /// <param name="Name">Column name.</param>
    /// <param name="Type">Its ML.NET type.</param>
    /// <param name="CreateGetter">Given a function returning the current row index, a <c>ValueGetter&lt;T&gt;</c> of the type.</param>
    /// <param name="Annotations">Annotations (key values, slot names), or null.</param>
    public sealed record Column(string Name, DataViewType Type, Func<Func<int>, Delegate> CreateGetter, DataViewSchema.Annotations? Annotations = null);

    private readonly Column[] _columns;
    private readonly int _rows;

    public ColumnarDataView(IReadOnlyList<Column> columns, int rows)
    {
        _columns = columns.ToArray();
        _rows = rows;
        var builder = new DataViewSchema.Builder();
        foreach (var c in _columns) builder.AddColumn(c.Name, c.Type, c.Annotations);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>A getter for a value computed from the row index.</summary>
    public static Func<Func<int>, Delegate> Getter<T>(Func<int, T> value) =>
        row => (ValueGetter<T>)((ref T destination) => destination = value(row()));

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ColumnarDataView _view;
        private readonly Delegate?[] _getters;
        private long _position = -1;

        public Cursor(ColumnarDataView view, HashSet<int> active)
        {
            _view = view;
            _getters = new Delegate?[view._columns.Length];
            foreach (int i in active) _getters[i] = view._columns[i].CreateGetter(() => (int)_position);
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var getter = _getters[column.Index] ?? throw new InvalidOperationException($"Column '{column.Name}' was not requested from this cursor.");
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => _getters[column.Index] is not null;

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._rows)
            {
                _position = _view._rows;
                return false;
            }
            _position++;
            return true;
        }
    }
}
