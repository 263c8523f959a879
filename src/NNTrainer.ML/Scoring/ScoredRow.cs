namespace NNTrainer.ML;

/// <summary>A row of the transformer's output, computed from one input row (what <see cref="IRowToRowMapper.GetRow"/> returns).</summary>
internal sealed class ScoredRow : DataViewRow
{
    private readonly DataViewRow _input;
    private readonly OutputBinding _binding;

    public ScoredRow(ScoringMapper mapper, DataViewRow input, bool[] activeOutputs)
    {
        _input = input;
        Schema = mapper.OutputSchema;
        _binding = new OutputBinding(mapper, input, activeOutputs);
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _binding.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _binding.GetGetter<TValue>(column);
}
