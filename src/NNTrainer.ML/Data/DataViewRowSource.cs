namespace NNTrainer.ML;

/// <summary>
/// An <see cref="IDataView"/> as a <see cref="IRowBlockSource"/>: every pass opens a new cursor over the feature and
/// label columns and reads rows as <see cref="TrainingSetReader"/> does (the same checks and messages), but into a
/// caller's block buffer instead of one matrix of all rows, so memory does not grow with the data.
/// </summary>
internal sealed class DataViewRowSource(IDataView data, DataViewSchema.Column features, int featureCount, DataViewSchema.Column label,
    LabelReader labels, bool skipNonFinite, string dataName) : IRowBlockSource
{
    private readonly IDataView _data = data;
    private readonly DataViewSchema.Column _features = features, _label = label;
    private readonly LabelReader _labels = labels;
    private readonly bool _skipNonFinite = skipNonFinite;
    private readonly string _dataName = dataName;

    public int FeatureCount { get; } = featureCount;

    public IRowBlockReader Open() => new Reader(this, _data.GetRowCursor([_features, _label]));

    private sealed class Reader : IRowBlockReader
    {
        private readonly DataViewRowSource _source;
        private readonly DataViewRowCursor _cursor;
        private readonly ValueGetter<VBuffer<float>> _features;
        private readonly Func<float> _label;
        private VBuffer<float> _vector;
        private long _row = -1;

        public Reader(DataViewRowSource source, DataViewRowCursor cursor)
        {
            _source = source;
            _cursor = cursor;
            _features = cursor.GetGetter<VBuffer<float>>(source._features);
            _label = source._labels.Bind(cursor, source._label);
        }

        public long SkippedRows { get; private set; }

        public int Read(Span<float> features, Span<float> targets, int maxRows)
        {
            int width = _source.FeatureCount;
            int kept = 0;
            while (kept < maxRows && _cursor.MoveNext())
            {
                _row++;
                _features(ref _vector);
                if (_vector.Length != width)
                {
                    throw new ArgumentException($"Row {_row} of the {_source._dataName} has {_vector.Length} values in column '{_source._features.Name}'; every row must have {width}.", "data");
                }
                var destination = features.Slice(kept * width, width);
                _vector.CopyTo(destination);
                float target = _label();
                long bad = NonFinite.IndexOf(destination);
                if (bad >= 0 || float.IsNaN(target))
                {
                    if (_source._skipNonFinite)
                    {
                        SkippedRows++;
                        continue;
                    }
                    throw bad >= 0
                        ? new ArgumentException($"Column '{_source._features.Name}' holds {destination[(int)bad]} at row {_row}, slot {bad} of the {_source._dataName}; every feature must be a finite number. " +
                            "Replace missing values first (mlContext.Transforms.ReplaceMissingValues) or set SkipNonFiniteRows = true in the trainer's options to skip such rows.", "data")
                        : new ArgumentException($"Column '{_source._label.Name}' holds {_source._labels.BadValueDescription} at row {_row} of the {_source._dataName}; every row needs a usable label. " +
                            "Filter such rows out (mlContext.Data.FilterRowsByMissingValues) or set SkipNonFiniteRows = true in the trainer's options to skip them.", "data");
                }
                targets[kept++] = target;
            }
            return kept;
        }

        public void Dispose() => _cursor.Dispose();
    }
}
