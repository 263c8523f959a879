using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML;

/// <summary>
/// A trained NNTrainer neural network in an ML.NET pipeline: scores the feature column and adds the task's output
/// columns. Created by the <c>NeuralNetwork</c> trainers' <c>Fit</c>.
/// </summary>
/// <remarks>
/// <para>
/// The transformer is immutable and thread-safe: every cursor, row mapper and <c>PredictionEngine</c> scores with
/// an engine <see cref="Predictor"/> of its own, so one instance can serve a <c>PredictionEnginePool</c>. It is not
/// <see cref="IDisposable"/> and holds nothing that needs disposing.
/// </para>
/// <para>
/// <c>mlContext.Model.Save</c> writes it as a chain of stock, savable ML.NET transforms that carry the network
/// inside the .zip, so <c>mlContext.Model.Load</c> needs nothing but this assembly next to the application and gives
/// bit-identical scores. The reloaded model is that stock chain rather than this type: <see cref="Network"/> and
/// <see cref="History"/> are not available from it, and a multiclass <c>Score</c> column comes back without slot names.
/// </para>
/// </remarks>
public abstract class NeuralNetworkTransformer : ISingleFeaturePredictionTransformer<Network>
{
    private protected NeuralNetworkTransformer(Network network, TrainingHistory history, string featureColumnName)
    {
        Network = network;
        History = history;
        FeatureColumnName = featureColumnName;
        FeatureColumnType = new VectorDataViewType(NumberDataViewType.Single, network.InputSize);
    }

    /// <summary>
    /// The trained engine network (layers, weights, loss), for inspection, plots or export. Do not train or modify it
    /// while the transformer is in use: scoring reads its weights. Its optimizer state is dropped after training and
    /// its <see cref="Network.NumberOfThreads"/> is 1, because scoring runs rows in parallel rather than splitting one row.
    /// </summary>
    public Network Network { get; }

    /// <summary>The figures of every training epoch and why training stopped.</summary>
    public TrainingHistory History { get; }

    /// <summary>The name of the feature column the network reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The feature column's type: a vector of <see cref="float"/> of the size the network was trained on.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>The trained network (ML.NET's name for <see cref="Network"/>).</summary>
    public Network Model => Network;

    /// <summary>Always true: the transformer maps each row on its own, so it works with <c>PredictionEngine</c>.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The columns this transformer adds, in order.</summary>
    internal abstract DataViewSchema.DetachedColumn[] OutputColumns { get; }

    /// <summary>The schema of <see cref="Transform"/>'s result for input of schema <paramref name="inputSchema"/>.</summary>
    /// <param name="inputSchema">The input's schema; it must have the feature column, a vector of <see cref="float"/> of the trained size.</param>
    /// <exception cref="ArgumentOutOfRangeException">The feature column is missing or has the wrong type or size.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => new ScoringMapper(this, inputSchema).OutputSchema;

    /// <summary>Scores <paramref name="input"/> lazily: rows are scored as a cursor reaches them, so data of any size streams through.</summary>
    /// <param name="input">The data to score.</param>
    /// <exception cref="ArgumentOutOfRangeException">The feature column is missing or has the wrong type or size.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ScoredDataView(new ScoringMapper(this, input.Schema), input);
    }

    /// <summary>A row-to-row mapper for <paramref name="inputSchema"/>, as <c>PredictionEngine</c> uses.</summary>
    /// <param name="inputSchema">The input's schema.</param>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new ScoringMapper(this, inputSchema);

    /// <summary>
    /// Saves the model as stock ML.NET transforms carrying the network, so that <c>mlContext.Model.Load</c> restores
    /// it in any process that has this assembly. Called by <c>mlContext.Model.Save</c>.
    /// </summary>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ((ICanSaveModel)PersistedModel.Build(this)).Save(ctx);
    }

    /// <summary>The getter of output column <paramref name="output"/> for rows scored by <paramref name="scorer"/>.</summary>
    internal abstract Delegate CreateGetter(int output, IRowScores scorer);

    /// <summary>The fitted stock transforms that compute this task's output columns from the persisted scoring input.</summary>
    /// <param name="context">The context to create them in.</param>
    /// <param name="input">A view with the persisted feature and model columns, to fit them on.</param>
    internal abstract IEnumerable<ITransformer> CreatePersistedScoring(MLContext context, IDataView input);
}
