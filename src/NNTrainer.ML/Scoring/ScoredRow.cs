namespace NNTrainer.ML;

/// <summary>A row of the transformer's output, computed from one input row (what <see cref="IRowToRowMapper.GetRow"/> returns).</summary>
internal sealed class ScoredRow(ScoringMapper mapper, DataViewRow input, bool[] activeOutputs) : DataViewRow
{
    private readonly DataViewRow _input = input;
    private readonly OutputBinding _binding = new(mapper, input, activeOutputs);

    public override DataViewSchema Schema { get; } = mapper.OutputSchema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _binding.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _binding.GetGetter<TValue>(column);
}
