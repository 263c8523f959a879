using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML;

/// <summary>A cursor over the transformer's output when no output column is read: it passes the input rows through.</summary>
internal sealed class ScoredCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly OutputBinding _binding;

    public ScoredCursor(ScoringMapper mapper, DataViewRowCursor input, bool[] activeOutputs)
    {
        _input = input;
        Schema = mapper.OutputSchema;
        _binding = new OutputBinding(mapper, input, activeOutputs);
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool MoveNext() => _input.MoveNext();

    public override bool IsColumnActive(DataViewSchema.Column column) => _binding.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _binding.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }
}
