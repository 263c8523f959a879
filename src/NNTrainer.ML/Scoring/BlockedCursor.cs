using System.Runtime.ExceptionServices;

namespace NNTrainer.ML;

/// <summary>
/// A cursor over the transformer's output that scores in blocks: it reads the next rows of its input cursor ahead
/// into a block (features, and the values of the passed-through columns it was asked for), scores the block with one
/// batch call, then hands the rows out one by one. Position, batch and row id are those of the input row being
/// served; an error met reading a row ahead is raised when the cursor reaches that row, as it would be unblocked.
/// </summary>
internal sealed class BlockedCursor : DataViewRowCursor, IBlockPosition, IRowScores
{
    private readonly DataViewRowCursor _input;
    private readonly int _inputColumns;
    private readonly BlockScorerPool _pool;
    private readonly BlockScorer _scorer;
    private readonly ColumnBlock?[] _passThrough;
    private readonly ColumnBlock[] _filled;
    private readonly VectorColumnBlock<float>? _featureBlock;
    private readonly ValueGetter<VBuffer<float>>? _getFeatures;
    private readonly string _featureColumnName;
    private readonly ValueGetter<DataViewRowId> _getId;
    private readonly Delegate?[] _outputGetters;
    private readonly long[] _positions = new long[BlockScorer.MaxRows];
    private readonly long[] _batches = new long[BlockScorer.MaxRows];
    private readonly DataViewRowId[] _ids = new DataViewRowId[BlockScorer.MaxRows];
    private VBuffer<float> _features;
    private int _count;
    private int _slot = -1;
    private int _failedSlot = -1;
    private ExceptionDispatchInfo? _rowError;
    private ExceptionDispatchInfo? _moveError;
    private bool _inputDone;
    private bool _disposed;

    public BlockedCursor(ScoringMapper mapper, DataViewRowCursor input, IReadOnlyCollection<DataViewSchema.Column> requested, bool[] activeOutputs)
    {
        _input = input;
        Schema = mapper.OutputSchema;
        _inputColumns = mapper.InputSchema.Count;
        _pool = mapper.Transformer.ScorerPool;
        _scorer = _pool.Rent();
        _featureColumnName = mapper.FeatureColumn.Name;
        _passThrough = new ColumnBlock?[_inputColumns];
        foreach (var column in requested)
        {
            if (column.Index < _inputColumns) _passThrough[column.Index] ??= ColumnBlock.Create(input, input.Schema[column.Index], this);
        }
        _filled = _passThrough.Where(b => b is not null).ToArray()!;
        var featureColumn = input.Schema[mapper.FeatureColumn.Index];
        _featureBlock = _passThrough[featureColumn.Index] as VectorColumnBlock<float>;
        if (_featureBlock is null) _getFeatures = input.GetGetter<VBuffer<float>>(featureColumn);
        _getId = input.GetIdGetter();
        _outputGetters = new Delegate?[activeOutputs.Length];
        for (int i = 0; i < activeOutputs.Length; i++)
        {
            if (activeOutputs[i]) _outputGetters[i] = mapper.Transformer.CreateGetter(i, this);
        }
    }

    public override DataViewSchema Schema { get; }

    public override long Position => OnRow ? _positions[_slot] : _input.Position;

    public override long Batch => OnRow ? _batches[_slot] : _input.Batch;

    public int CurrentSlot => OnRow ? _slot : throw new InvalidOperationException("The cursor is not on a row: call MoveNext first, and read no values after it returned false.");

    public ReadOnlySpan<float> Outputs => _scorer.Outputs(ScoredSlot());

    public float Logit => _scorer.Logit(ScoredSlot());

    private bool OnRow => _slot >= 0 && _slot < _count;

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = _ids[CurrentSlot];

    public override bool MoveNext()
    {
        if (_slot + 1 < _count)
        {
            _slot++;
            return true;
        }
        (_count, _slot) = (0, -1);
        if (_moveError is not null)
        {
            // The input failed to move after the rows already served: fail here, where it would have failed unblocked.
            var error = _moveError;
            (_moveError, _inputDone) = (null, true);
            error.Throw();
        }
        if (_inputDone) return false;
        FillBlock();
        if (_count > 0)
        {
            _slot = 0;
            return true;
        }
        return MoveNext();
    }

    public override bool IsColumnActive(DataViewSchema.Column column)
    {
        int index = CheckColumn(column);
        return index < _inputColumns ? _passThrough[index] is not null : _outputGetters[index - _inputColumns] is not null;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        int index = CheckColumn(column);
        var getter = index < _inputColumns ? _passThrough[index]?.Getter : _outputGetters[index - _inputColumns];
        if (getter is null) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created, so it cannot be read.");
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {Schema[index].Type} values; it cannot be read as {typeof(TValue).Name}.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            if (!_disposed) _pool.Return(_scorer);
            _disposed = true;
        }
        base.Dispose(disposing);
    }

    /// <summary>Reads rows ahead until the block is full, the input ends or a row cannot be scored, then scores them.</summary>
    private void FillBlock()
    {
        _scorer.StartBlock();
        (_count, _failedSlot, _rowError) = (0, -1, null);
        while (_count < _scorer.Capacity)
        {
            bool moved;
            try
            {
                moved = _input.MoveNext();
            }
            catch (Exception e)
            {
                _moveError = ExceptionDispatchInfo.Capture(e);
                break;
            }
            if (!moved)
            {
                _inputDone = true;
                break;
            }
            int slot = _count++;
            _positions[slot] = _input.Position;
            _batches[slot] = _input.Batch;
            _getId(ref _ids[slot]);
            foreach (var block in _filled) block.Fill(slot);
            if (!ReadFeatures(slot)) break;
        }
        _scorer.Score(_failedSlot >= 0 ? _failedSlot : _count);
    }

    /// <summary>Copies the row's features into the block; false (and the error kept for that row) when they cannot be scored.</summary>
    private bool ReadFeatures(int slot)
    {
        try
        {
            if (_featureBlock is null) _getFeatures!(ref _features);
            ref readonly var features = ref _featureBlock is null ? ref _features : ref _featureBlock.Value(slot);
            if (features.Length != _scorer.InputSize) throw NetworkScorer.WrongSize(_featureColumnName, features.Length, _scorer.InputSize, _positions[slot]);
            _scorer.SetRow(slot, in features);
            return true;
        }
        catch (Exception e)
        {
            (_failedSlot, _rowError) = (slot, ExceptionDispatchInfo.Capture(e));
            return false;
        }
    }

    private int ScoredSlot()
    {
        int slot = CurrentSlot;
        if (slot == _failedSlot) _rowError!.Throw();
        return slot;
    }

    private int CheckColumn(DataViewSchema.Column column)
    {
        if ((uint)column.Index >= (uint)Schema.Count || Schema[column.Index].Name != column.Name)
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' (index {column.Index}) is not a column of this row's schema.");
        }
        return column.Index;
    }
}
