namespace NNTrainer.ML;

/// <summary>
/// The transformer bound to one input schema: its output schema is the input's columns followed by the
/// transformer's outputs. Scoring needs only the feature column; every other input column passes through.
/// </summary>
internal sealed class ScoringMapper : IRowToRowMapper
{
    public ScoringMapper(NeuralNetworkTransformer transformer, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        Transformer = transformer;
        InputSchema = inputSchema;
        FeatureColumn = SchemaChecks.RequireScoringFeatures(inputSchema, transformer.FeatureColumnName, transformer.Network.InputSize);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var column in transformer.OutputColumnsFor(inputSchema)) builder.AddColumn(column.Name, column.Type, column.Annotations);
        OutputSchema = builder.ToSchema();
    }

    public NeuralNetworkTransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public DataViewSchema.Column FeatureColumn { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var (inputs, _) = Split(dependingColumns);
        return inputs;
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activeColumns);
        if (input.Schema.Count <= FeatureColumn.Index || input.Schema[FeatureColumn.Index].Name != FeatureColumn.Name)
        {
            throw new ArgumentException("The row does not have the schema this mapper was created for.", nameof(input));
        }
        var (_, outputs) = Split(activeColumns);
        return new ScoredRow(this, input, outputs);
    }

    /// <summary>
    /// Splits requested output columns into the input columns they need (each passed-through column, plus the
    /// feature column when any output is requested) and a flag per output column.
    /// </summary>
    public (List<DataViewSchema.Column> Inputs, bool[] Outputs) Split(IEnumerable<DataViewSchema.Column> outputColumns)
    {
        ArgumentNullException.ThrowIfNull(outputColumns);
        var outputs = new bool[OutputSchema.Count - InputSchema.Count];
        var inputs = new List<DataViewSchema.Column>();
        var seen = new bool[InputSchema.Count];
        foreach (var column in outputColumns)
        {
            if ((uint)column.Index >= (uint)OutputSchema.Count || OutputSchema[column.Index].Name != column.Name)
            {
                throw new ArgumentOutOfRangeException(nameof(outputColumns), $"Column '{column.Name}' (index {column.Index}) is not a column of the scored data.");
            }
            if (column.Index < InputSchema.Count)
            {
                if (!seen[column.Index]) inputs.Add(InputSchema[column.Index]);
                seen[column.Index] = true;
            }
            else
            {
                outputs[column.Index - InputSchema.Count] = true;
            }
        }
        if (outputs.Any(o => o) && !seen[FeatureColumn.Index]) inputs.Add(FeatureColumn);
        return (inputs, outputs);
    }
}
