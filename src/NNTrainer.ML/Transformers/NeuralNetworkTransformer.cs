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
/// <c>Transform</c>'s cursors read rows ahead in blocks of up to 256 and score each block with one call to the
/// engine's batch kernels, while still handing rows out one at a time; the scores are bit-identical to scoring row
/// by row. A disposed cursor's block buffers are kept for the next cursor (at most one set per core).
/// <c>PredictionEngine</c> scores its single row directly.
/// </para>
/// <para>
/// <c>mlContext.Model.Save</c> writes it as a chain of stock, savable ML.NET transforms that carry the network
/// inside the .zip, so <c>mlContext.Model.Load</c> needs nothing but this assembly next to the application and gives
/// bit-identical scores and the same output schema, annotations included (the chain ends with ML.NET's own scorer for
/// the task, whose annotations this transformer also puts on its columns). The reloaded model is that stock chain
/// rather than this type: <see cref="Network"/> and <see cref="History"/> are not available from it.
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
        ScorerPool = new BlockScorerPool(network);
        _stockScorer = new Lazy<ITransformer?>(() => StockScorers.Create(Task, RawScoreSize, Network.OutputSize, KeyValues));
    }

    private readonly Lazy<ITransformer?> _stockScorer;

    /// <summary>
    /// The trained engine network (layers, weights, loss), for inspection, plots or export. Do not train or modify it
    /// while the transformer is in use: scoring reads its weights. Its optimizer state is dropped after training and
    /// its <see cref="Network.NumberOfThreads"/> is 1, because scoring runs rows in parallel rather than splitting one row.
    /// </summary>
    public Network Network { get; }

    /// <summary>The figures of every training epoch and why training stopped.</summary>
    public TrainingHistory History { get; }

    /// <summary>
    /// The choice between the configured network and a linear model that a small classification table made by
    /// cross-validation (<see cref="NeuralNetworkOptionsBase.SelectModelOnSmallData"/>), with every candidate's held-out
    /// scores; null when no choice was made (regression, a large table, the option off) and on a loaded model.
    /// </summary>
    public NeuralNetworkModelSelection? ModelSelection { get; internal set; }

    /// <summary>
    /// Whether a table of 1,000 rows or more trained the long way (true: the work budget's epochs and the penalty by rows
    /// per parameter) or the usual way (false), as a held-out tenth of its rows chose (<see cref="NeuralNetworkDefaults.EpochWorkBudget"/>);
    /// null when no choice was made (a smaller table, epochs or a schedule given, a validation set), when the usual training
    /// with the stronger penalty of a table under 5,000 rows was chosen (<c>StrongerPenaltyInBand</c>) and on a loaded model.
    /// </summary>
    public bool? LongTraining { get; internal set; }

    /// <summary>
    /// Whether the long-training choice of a table of 1,000 to 4,999 rows took the usual training with ten times its L2
    /// penalty (<see cref="NeuralNetworkOptionsBase.StrongerPenaltyInBand"/>; <see cref="LongTraining"/> is then null);
    /// false otherwise and on a loaded model.
    /// </summary>
    public bool StrongerPenalty { get; internal set; }

    /// <summary>
    /// The rows the network trained on when it is the long-training choice's candidate, kept by a measuring fit
    /// (<see cref="NeuralNetworkOptionsBase.KeepChoiceCandidate"/>): nine tenths of the training rows. Null otherwise.
    /// </summary>
    internal long? ChoiceCandidateRows { get; set; }

    /// <summary>The name of the feature column the network reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The feature column's type: a vector of <see cref="float"/> of the size the network was trained on.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>The trained network (ML.NET's name for <see cref="Network"/>).</summary>
    public Network Model => Network;

    /// <summary>Always true: the transformer maps each row on its own, so it works with <c>PredictionEngine</c>.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>Block scorers reused by <see cref="Transform"/>'s cursors (thread-safe; the only state the transformer keeps).</summary>
    internal BlockScorerPool ScorerPool { get; }

    /// <summary>The columns this transformer adds, in order, with the annotations it puts on them when no stock scorer is available.</summary>
    internal abstract DataViewSchema.DetachedColumn[] OutputColumns { get; }

    /// <summary>The task, which decides the stock scorer a saved model ends with.</summary>
    internal abstract NeuralNetworkTask Task { get; }

    /// <summary>The training label's key values (multiclass), which the stock scorer puts on <c>Score</c> and <c>PredictedLabel</c>.</summary>
    internal virtual LabelKeyValues? KeyValues => null;

    /// <summary>The size of the raw-score vector the stock scorer reads.</summary>
    internal int RawScoreSize => RawScoreSizes.SizeFor(Task, Network.OutputSize);

    /// <summary>ML.NET's own scorer for this task over the raw scores (see <see cref="StockScorers"/>), or null if this ML.NET does not allow creating one.</summary>
    internal ITransformer? StockScorer => _stockScorer.Value;

    /// <summary>
    /// The columns this transformer adds to input of schema <paramref name="inputSchema"/>, with the annotations ML.NET's
    /// own scorer puts on them for that input (its <c>ScoreColumnSetId</c> depends on the score columns already there),
    /// which are also the annotations a saved and reloaded model has.
    /// </summary>
    internal DataViewSchema.DetachedColumn[] OutputColumnsFor(DataViewSchema inputSchema)
    {
        if (StockScorer is not { } scorer) return OutputColumns;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumn(StockScorers.RawScore, new VectorDataViewType(NumberDataViewType.Single, RawScoreSize));
        var scored = scorer.GetOutputSchema(builder.ToSchema());
        return OutputColumns.Select(c => new DataViewSchema.DetachedColumn(c.Name, c.Type, scored[c.Name].Annotations)).ToArray();
    }

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
