namespace NNTrainer.ML;

/// <summary>
/// The columns of one scored row: the input row's columns passed through, then the transformer's outputs, read
/// through a <see cref="RowScorer"/> of its own (created only when an output column is active).
/// </summary>
internal sealed class OutputBinding
{
    private readonly ScoringMapper _mapper;
    private readonly DataViewRow _input;
    private readonly bool[] _activeOutputs;
    private readonly Delegate?[] _getters;

    public OutputBinding(ScoringMapper mapper, DataViewRow input, bool[] activeOutputs)
    {
        _mapper = mapper;
        _input = input;
        _activeOutputs = activeOutputs;
        _getters = new Delegate?[activeOutputs.Length];
        if (activeOutputs.Any(a => a))
        {
            var scorer = new RowScorer(mapper.Transformer.Network, input, input.Schema[mapper.FeatureColumn.Index]);
            for (int i = 0; i < activeOutputs.Length; i++)
            {
                if (activeOutputs[i]) _getters[i] = mapper.Transformer.CreateGetter(i, scorer);
            }
        }
    }

    public bool IsColumnActive(DataViewSchema.Column column)
    {
        int index = CheckColumn(column);
        int output = index - _mapper.InputSchema.Count;
        return output < 0 ? _input.IsColumnActive(_input.Schema[index]) : _activeOutputs[output];
    }

    public ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        int index = CheckColumn(column);
        int output = index - _mapper.InputSchema.Count;
        if (output < 0) return _input.GetGetter<TValue>(_input.Schema[index]);
        var getter = _getters[output]
            ?? throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor or row was created, so it cannot be read.");
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {_mapper.OutputSchema[index].Type} values; it cannot be read as {typeof(TValue).Name}.");
    }

    private int CheckColumn(DataViewSchema.Column column)
    {
        var schema = _mapper.OutputSchema;
        if ((uint)column.Index >= (uint)schema.Count || schema[column.Index].Name != column.Name)
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' (index {column.Index}) is not a column of this row's schema.");
        }
        return column.Index;
    }
}
