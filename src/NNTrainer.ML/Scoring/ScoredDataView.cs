namespace NNTrainer.ML;

/// <summary>
/// The lazy result of <see cref="NeuralNetworkTransformer.Transform"/>: rows are scored as cursors reach them, in
/// blocks of up to <see cref="BlockScorer.MaxRows"/> rows through the engine's batch kernels, so scoring streams over
/// data of any size in bounded memory. Parallel cursor sets give each cursor a predictor and a block of its own.
/// </summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly ScoringMapper _mapper;
    private readonly IDataView _input;

    public ScoredDataView(ScoringMapper mapper, IDataView input)
    {
        _mapper = mapper;
        _input = input;
    }

    public DataViewSchema Schema => _mapper.OutputSchema;

    public bool CanShuffle => _input.CanShuffle;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var requested = columnsNeeded?.ToArray() ?? throw new ArgumentNullException(nameof(columnsNeeded));
        var (inputs, outputs) = _mapper.Split(requested);
        return Wrap(_input.GetRowCursor(inputs, rand), requested, outputs);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var requested = columnsNeeded?.ToArray() ?? throw new ArgumentNullException(nameof(columnsNeeded));
        var (inputs, outputs) = _mapper.Split(requested);
        return _input.GetRowCursorSet(inputs, n, rand).Select(c => Wrap(c, requested, outputs)).ToArray();
    }

    /// <summary>A cursor that scores in blocks when an output column is read; one that just passes rows through otherwise.</summary>
    private DataViewRowCursor Wrap(DataViewRowCursor input, DataViewSchema.Column[] requested, bool[] outputs) =>
        outputs.Any(o => o) ? new BlockedCursor(_mapper, input, requested, outputs) : new ScoredCursor(_mapper, input, outputs);
}
