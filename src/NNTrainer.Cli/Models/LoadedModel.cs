namespace NNTrainer.Cli.Models;

/// <summary>A model read back from its zip with <c>mlContext.Model.Load</c>, ready to score CSV rows.</summary>
internal sealed class LoadedModel(ModelSchema schema, ITransformer transformer, DataViewSchema? inputSchema = null)
{
    public ModelSchema Schema { get; } = schema;

    public ITransformer Transformer { get; } = transformer;

    /// <summary>The columns the model was saved to read (what <c>mlContext.Model.Load</c> returns with it).</summary>
    public DataViewSchema? InputSchema { get; } = inputSchema;

    /// <summary>Adds <c>Score</c>, <c>PredictedLabel</c> (and <c>Probability</c>) to rows read with <see cref="Data.TableDataView"/>.</summary>
    public IDataView Score(IDataView rows) => Transformer.Transform(rows);
}
