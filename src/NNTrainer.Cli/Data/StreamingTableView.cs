namespace NNTrainer.Cli.Data;

/// <summary>
/// A CSV or Parquet file as featurized rows (<c>Label</c>, <c>Features</c>) that is never held in memory: every cursor
/// opens the file again and reads it in blocks of <see cref="CsvBlockReader.BlockRows"/> rows, each block featurized
/// with a <see cref="FeatureMap"/> fitted on a sample. Every <c>holdOutEvery</c>-th labelled row is held out: the
/// training view hands out the others, the held-out view only those, so the two are disjoint in one rule that needs
/// no row index in memory.
/// </summary>
/// <param name="path">The CSV or Parquet file.</param>
/// <param name="schema">The columns and task, inferred from the sample.</param>
/// <param name="map">The feature pipeline fitted on the sample, as arrays.</param>
/// <param name="label">The pipeline's <c>Label</c> column (type and annotations).</param>
/// <param name="skipBadRows">Skip malformed rows instead of failing.</param>
/// <param name="holdOutEvery">Every this many labelled rows, the last is held out; 0: none is (the view of every row).</param>
/// <param name="heldOut">True: hand out the held-out rows; false: the training rows.</param>
/// <param name="separator">A CSV file's field separator; null finds it from the first lines.</param>
internal sealed class StreamingTableView(
    string path, ModelSchema schema, FeatureMap map,
    DataViewSchema.Column label, bool skipBadRows, int holdOutEvery, bool heldOut, char? separator = null) : IDataView
{
    private readonly char? _separator = separator;
    private readonly string _path = path;
    private readonly ModelSchema _schema = schema;
    private readonly FeatureMap _map = map;
    private readonly bool _skipBadRows = skipBadRows;
    private readonly int _holdOutEvery = holdOutEvery;
    private readonly bool _heldOut = heldOut;
    private readonly Dictionary<string, int> _classes =
        schema.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; } = BuildSchema(map, label);

    /// <summary>Rows handed out by the last cursor that read this view to the end.</summary>
    public long LastPassRows { get; private set; }

    /// <summary>Unknown until the file has been read: the trainer counts the rows in its first pass.</summary>
    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly StreamingTableView _view;
        private readonly CsvBlockReader _reader;
        private readonly float[] _features;
        private readonly float[] _labels = new float[CsvBlockReader.BlockRows];
        private readonly int[] _rows = new int[CsvBlockReader.BlockRows];
        private int _count, _index;
        private long _labelled, _position = -1;

        public Cursor(StreamingTableView view)
        {
            _view = view;
            _reader = new CsvBlockReader(view._path, view._schema, labelRequired: true, keepText: false, view._skipBadRows, separator: view._separator);
            _features = new float[CsvBlockReader.BlockRows * view._map.Width];
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index switch
            {
                0 => _view._schema.Task switch
                {
                    TaskKind.Multiclass => (ValueGetter<uint>)((ref uint value) => value = (uint)_labels[_index] + 1),
                    TaskKind.Binary => (ValueGetter<bool>)((ref bool value) => value = _labels[_index] != 0),
                    _ => (ValueGetter<float>)((ref float value) => value = _labels[_index]),
                },
                _ => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> destination) =>
                {
                    int width = _view._map.Width;
                    var editor = VBufferEditor.Create(ref destination, width);
                    _features.AsSpan(_index * width, width).CopyTo(editor.Values);
                    destination = editor.Commit();
                }),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
        }

        public override bool MoveNext()
        {
            if (++_index >= _count && !Fill())
            {
                _view.LastPassRows = _position + 1;
                return false;
            }
            _position++;
            return true;
        }

        /// <summary>Reads blocks until one has rows of this view's side of the hold-out; false at the end of the file.</summary>
        private bool Fill()
        {
            _index = 0;
            _count = 0;
            while (_count == 0)
            {
                if (_reader.ReadBlock() is not { } block) return false;
                var label = block.Require(_view._schema.LabelColumn, "the label");
                for (int r = 0; r < block.RowCount; r++)
                {
                    if (label.IsMissing(r)) continue;
                    bool heldOut = _view._holdOutEvery > 0 && _labelled++ % _view._holdOutEvery == _view._holdOutEvery - 1;
                    if (heldOut != _view._heldOut) continue;
                    _labels[_count] = LabelOf(block, label, r);
                    _rows[_count++] = r;
                }
                _view._map.Write(block, _rows, 0, _count, _features);
            }
            return true;
        }

        private float LabelOf(CsvTable block, TableColumn label, int r)
        {
            if (_view._schema.Task == TaskKind.Regression) return label.Numbers![r];
            var text = label.TextAt(r)!;
            if (_view._classes.TryGetValue(text, out int index)) return index;
            throw new CliException($"{block.Path} {block.Locator.Describe(block.LineNumbers[r])}: column '{_view._schema.LabelColumn}' holds class '{text}', which is not among the classes of the first " +
                $"{ColumnSniffer.SampleRows:N0} rows ({string.Join(", ", _view._schema.Classes)}); --streaming learns the classes from those rows. Put a row of every class near the top of the file, or train without --streaming.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _reader.Dispose();
            base.Dispose(disposing);
        }
    }

    private static DataViewSchema BuildSchema(FeatureMap map, DataViewSchema.Column label)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(ColumnNames.Label, label.Type, label.Annotations);
        builder.AddColumn(ColumnNames.Features, new VectorDataViewType(NumberDataViewType.Single, map.Width));
        return builder.ToSchema();
    }
}
