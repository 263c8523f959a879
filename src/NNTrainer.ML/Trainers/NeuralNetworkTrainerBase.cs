using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace NNTrainer.ML;

/// <summary>
/// What the three NNTrainer neural-network trainers share: reading the data with a cursor into the engine's
/// matrices, building and training the network, and reporting progress to <c>mlContext.Log</c>.
/// </summary>
/// <typeparam name="TTransformer">The trained transformer.</typeparam>
/// <typeparam name="TOptions">The trainer's options.</typeparam>
public abstract partial class NeuralNetworkTrainerBase<TTransformer, TOptions> : ITrainerEstimator<TTransformer, Network>
    where TTransformer : NeuralNetworkTransformer
    where TOptions : NeuralNetworkOptionsBase
{
    private readonly IHost _host;
    private readonly TOptions _options;

    private protected NeuralNetworkTrainerBase(IHostEnvironment environment, TOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        _host = environment.Register(name);
        _options = options;
    }

    /// <summary>
    /// What pipelines and tools read about this trainer: it needs normalised features
    /// (<see cref="TrainerInfo.NeedNormalization"/> true) and does not want ML.NET to cache the data
    /// (<see cref="TrainerInfo.WantCaching"/> false: it reads the data view once into memory and makes its many passes
    /// over that copy; with <see cref="NeuralNetworkOptionsBase.Streaming"/> it reads the view once per epoch precisely so
    /// as not to hold the rows, and a caller who has the memory adds <c>AppendCacheCheckpoint</c>, which it then reads).
    /// Internally ML.NET also learns that it needs no calibration and accepts a validation set.
    /// </summary>
    public TrainerInfo Info => NeuralNetworkTrainerInfo.Instance;

    /// <summary>The options this trainer was created with.</summary>
    private protected TOptions TrainerOptions => _options;

    /// <summary>Trains a network on <paramref name="input"/>.</summary>
    /// <param name="input">Training data with the label and feature columns.</param>
    /// <returns>The trained transformer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type, or an option is invalid.</exception>
    /// <exception cref="ArgumentException">The data is empty, or holds a NaN, infinite or missing value, or too few classes.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite (lower the learning rate or normalise the features).</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was signalled.</exception>
    public TTransformer Fit(IDataView input) => Fit(input, null, null);

    /// <summary>
    /// Trains a network on <paramref name="trainData"/>, measuring the loss on <paramref name="validationData"/>
    /// after every epoch (used by early stopping, and reported in <see cref="NeuralNetworkTransformer.History"/>).
    /// </summary>
    /// <param name="trainData">Training data with the label and feature columns.</param>
    /// <param name="validationData">Validation data with the same columns, or null to use <c>ValidationSetFraction</c>.</param>
    /// <returns>The trained transformer.</returns>
    public TTransformer Fit(IDataView trainData, IDataView? validationData) => Fit(trainData, validationData, null);

    /// <summary>
    /// Continues training <paramref name="modelParameters"/> — the <c>Model</c> of a trained transformer, or the
    /// <see cref="FoundNeuralNetwork.Network"/> of a reloaded one — on <paramref name="trainData"/> for the options'
    /// epochs, as ML.NET's L-BFGS trainers take <c>Fit(trainData, modelParameters)</c>. The given network is not changed.
    /// </summary>
    /// <param name="trainData">Training data with the same feature and label columns as the model was trained on.</param>
    /// <param name="modelParameters">The network to continue from.</param>
    /// <returns>A new transformer with the further trained network.</returns>
    /// <exception cref="ArgumentException">The network does not fit the data or the options: its task, feature count, classes or layers differ (the message says which).</exception>
    public TTransformer Fit(IDataView trainData, Network modelParameters)
    {
        ArgumentNullException.ThrowIfNull(modelParameters);
        return Fit(trainData, null, modelParameters);
    }

    /// <summary>
    /// Trains on <paramref name="trainData"/>, with an optional validation set, starting from a fresh network or, when
    /// <paramref name="modelParameters"/> is given, continuing from it (its weights, its random source, and its
    /// optimizer's moments and step count when it carries them: see <see cref="NeuralNetworkOptionsBase.KeepOptimizerState"/>).
    /// </summary>
    /// <param name="trainData">Training data with the label and feature columns.</param>
    /// <param name="validationData">Validation data with the same columns, or null to use <c>ValidationSetFraction</c>.</param>
    /// <param name="modelParameters">The network to continue from, or null to train a new one.</param>
    /// <returns>The trained transformer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type, or an option is invalid.</exception>
    /// <exception cref="ArgumentException">The data is empty or holds a bad value, or <paramref name="modelParameters"/> does not fit it.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite (lower the learning rate or normalise the features).</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was signalled.</exception>
    public TTransformer Fit(IDataView trainData, IDataView? validationData, Network? modelParameters)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        var options = _options;
        options.Check();
        var (features, featureCount, label) = BindColumns(trainData.Schema, "the training data");
        int outputs = CheckLabel(label);
        var validationColumns = validationData is null ? default : BindValidation(validationData.Schema, featureCount, outputs);
        var weight = BindWeight(trainData.Schema, "the training data");
        var validationWeight = validationData is null ? null : BindWeight(validationData.Schema, "the validation data");

        using var channel = _host.Start("Training");
        var clock = Stopwatch.StartNew();
        if (options.Streaming)
        {
            // Options.Check has refused example weights; a starting model is refused here because only Fit sees it.
            if (modelParameters is not null) throw new ArgumentException("Streaming training starts a new network; set Streaming = false to continue a model with Fit(trainData, modelParameters).", nameof(modelParameters));
            return FitStreaming(trainData, validationData, (features, featureCount, label, outputs), validationColumns, channel, clock);
        }
        // Wide vectors that are mostly zero (text n-grams) stay sparse rows, and the first layer trains on their nonzeros.
        bool sparse = SparseFeatures.Prefer(trainData, features, featureCount);
        var train = TrainingSetReader.Read(trainData, features, featureCount, label, CreateLabelReader(), options.SkipNonFiniteRows, "training data", weight, sparse);
        var validation = validationData is null ? null
            : TrainingSetReader.Read(validationData, validationColumns.Features, featureCount, validationColumns.Label, CreateLabelReader(), options.SkipNonFiniteRows, "validation data", validationWeight, sparse);
        channel.Info(MessageSensitivity.None, $"Read {train.Rows:N0} training rows of {featureCount} features in {clock.Elapsed.TotalSeconds:F2} s" +
            (train.SparseInputs is { } rows ? $" as sparse rows ({rows.Density:P2} nonzero)" : string.Empty) +
            (train.SkippedRows > 0 ? $", skipping {train.SkippedRows:N0} with NaN, infinite or missing values" : string.Empty) +
            (validation is null ? "." : $"; {validation.Rows:N0} validation rows."));
        var labelScaling = PrepareTargets(train, validation, label);
        // A continued model keeps its own random source, so its shuffles go on where the previous training left off.
        int seed = modelParameters?.Seed ?? options.Seed ?? _host.Rand.Next();
        int threads = options.NumberOfThreads ?? Environment.ProcessorCount;
        var network = CreateNetwork(features, featureCount, outputs, seed, threads, train.Rows);
        // Only a first dense layer reads sparse rows; an image network gets the expanded pixels.
        if (network.Layers[0] is not DenseLayer) (train, validation) = (train.Densified(), validation?.Densified());
        if (modelParameters is not null)
        {
            network.Build();
            WarmStart.CheckShape(modelParameters, network, options.FeatureColumnName, options.LabelColumnName);
            network = WarmStart.Copy(modelParameters);
            network.NumberOfThreads = threads;
        }
        // The map folds into a first dense layer only; a convolutional network reads pixels as ExtractPixels scaled them.
        var scaling = options.StandardizeFeatures && network.Layers[0] is DenseLayer ? FeatureScaling.Fit(train, options.IndicatorFeaturesToUnitRange) : null;
        if (modelParameters is not null)
        {
            // The model reads raw features and predicts in the label's units; training goes on in standardised units.
            scaling?.Unfold(network);
            labelScaling?.Unfold(network);
        }
        if (scaling is not null)
        {
            scaling.Standardize(train);
            if (validation is not null) scaling.Standardize(validation);
        }
        var (optimizer, epochs, batch, selection) = (NetworkFactory.CreateOptimizer(options), options.EffectiveEpochs(train.Rows), options.BatchSize, (NeuralNetworkModelSelection?)null);
        (_longTraining, _choiceCandidate, _strongerPenalty) = (null, null, false);
        if (modelParameters is null && validation is null && network.Layers[0] is DenseLayer && train.SparseInputs is null)
        {
            (network, optimizer, epochs, batch, selection) = ChooseOnSmallData(network, optimizer, epochs, ref train, ref scaling, featureCount, outputs, seed, threads, channel);
        }
        // A convolutional network with no epoch count trains for ConvolutionalDefaults' length instead of the tabular one.
        var length = ConvolutionalTraining.Resolve(options, train.Rows, validation is not null, modelParameters is not null);
        if (length is not null) epochs = length.Epochs;
        bool carried = modelParameters is not null && WarmStart.CarryOptimizerState(network, optimizer);
        network.Set(CreateLoss(), optimizer);
        channel.Info(MessageSensitivity.None,
            $"Training {Describe(network)} for {epochs} epochs: batch {batch}, {options.Optimizer} at learning rate {options.EffectiveLearningRate}, seed {seed}, {threads} thread(s)" +
            (modelParameters is null ? "." : carried ? $"; continuing a model and its optimizer after {optimizer.Iterations:N0} steps." : "; continuing a model with a new optimizer.") +
            (length is null ? string.Empty : $" Default length of a convolutional network: {length}."));

        if (modelParameters is null && _choiceCandidate is null && options is NeuralNetworkRegressionTrainer.Options && ConstantTarget.Of(train.Targets.AsSpan(), train.Weights) is { } constant)
        {
            ConstantTarget.Apply(network, constant);
        }
        var fitOptions = Announced(CreateFitOptions(options, epochs, batch, train.Weights, validation, channel,
            modelParameters is null && length is null ? options.EffectiveLearningRateSchedule(train.Rows) : options.LearningRateSchedule, length));
        if (options.CheckpointPath is { } checkpoint) new ModelCheckpoint(network, checkpoint).Attach(fitOptions);
        // A measuring fit's kept candidate has trained already (on nine tenths of these rows).
        var history = _choiceCandidate is { History: { } trained } ? trained
            : train.SparseInputs is { } sparseRows ? network.Fit(sparseRows, train.Targets, fitOptions) : network.Fit(train.Inputs, train.Targets, fitOptions);
        labelScaling?.FoldInto(network);
        scaling?.FoldInto(network);
        if (!options.KeepOptimizerState) DropOptimizerState(network);
        // Scoring parallelises across rows (cursor sets, one prediction engine per thread); splitting each row's
        // small product over threads would only add hand-offs. Results do not depend on the thread count.
        network.NumberOfThreads = 1;
        channel.Info(MessageSensitivity.None,
            $"Training ended ({history.StopReason}) after {history.Epochs.Count} epochs in {clock.Elapsed.TotalSeconds:F2} s" +
            (history.RestoredBestWeights ? $"; kept the weights of epoch {history.BestEpoch}." : "."));
        var transformer = CreateTransformer(network, history, label, outputs);
        transformer.ModelSelection = selection;
        (transformer.LongTraining, transformer.ChoiceCandidateRows, transformer.StrongerPenalty) = (_longTraining, _choiceCandidate is null ? null : _choiceCandidateRows, _strongerPenalty);
        return transformer;
    }

    /// <summary>
    /// The schema that <see cref="Fit(IDataView)"/>'s transformer will produce, checked before any data is read,
    /// so that a pipeline fails early with a clear message when a column is missing or of the wrong type.
    /// </summary>
    /// <param name="inputSchema">The shape of the data the trainer will see.</param>
    /// <exception cref="ArgumentOutOfRangeException">The label or feature column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var features = SchemaChecks.Find(inputSchema, _options.FeatureColumnName, "feature column");
        SchemaChecks.RequireFeatures(features);
        var label = SchemaChecks.Find(inputSchema, _options.LabelColumnName, "label column");
        CheckLabel(label);
        if (_options.ExampleWeightColumnName is { } weight) SchemaChecks.RequireWeight(SchemaChecks.Find(inputSchema, weight, "example weight column"));
        // SchemaShape.Column cannot be constructed outside ML.NET; the stock trainer of the same task describes the
        // same output columns for the same inputs.
        return StockOutputSchema(new MLContext(seed: 0), inputSchema);
    }

    /// <summary>Checks the label's shape and throws a message naming the column and the type it needs.</summary>
    private protected abstract void CheckLabel(SchemaShape.Column label);

    /// <summary>Checks the label's type and returns the number of network outputs it needs.</summary>
    private protected abstract int CheckLabel(DataViewSchema.Column label);

    /// <summary>Reads the label as the engine's float target.</summary>
    private protected abstract LabelReader CreateLabelReader();

    /// <summary>The output schema of the stock trainer of the same task.</summary>
    private protected abstract SchemaShape StockOutputSchema(MLContext context, SchemaShape inputSchema);

    /// <summary>The activation after the output layer (softmax, sigmoid), or null for none.</summary>
    private protected abstract Layer? CreateOutputActivation();

    /// <summary>The untrained network for the options: by default the dense layers of <c>HiddenLayers</c> and the output activation.</summary>
    private protected virtual Network CreateNetwork(DataViewSchema.Column features, int featureCount, int outputs, int seed, int threads, long rows) =>
        NetworkFactory.Create(_options, featureCount, outputs, CreateOutputActivation(), seed, threads, rows);

    /// <summary>The loss to minimise.</summary>
    private protected abstract Loss CreateLoss();

    /// <summary>
    /// Checks the targets that were read (e.g. that there are two classes) and may standardise them; returns the
    /// scaling to fold into the trained network afterwards, or null.
    /// </summary>
    private protected virtual LabelScaling? PrepareTargets(TrainingSet train, TrainingSet? validation, DataViewSchema.Column label) => null;

    /// <summary>Wraps the trained network.</summary>
    private protected abstract TTransformer CreateTransformer(Network network, TrainingHistory history, DataViewSchema.Column label, int outputs);

    private (DataViewSchema.Column Features, DataViewSchema.Column Label) BindValidation(DataViewSchema schema, int featureCount, int outputs)
    {
        var (features, count, label) = BindColumns(schema, "the validation data");
        if (count != featureCount)
        {
            throw new ArgumentOutOfRangeException(SchemaChecks.ParameterName,
                $"Column '{_options.FeatureColumnName}' has {count} features in the validation data but {featureCount} in the training data.");
        }
        if (CheckLabel(label) != outputs)
        {
            throw new ArgumentOutOfRangeException(SchemaChecks.ParameterName,
                $"Column '{_options.LabelColumnName}' has a different number of classes in the validation data than in the training data; prepare both with the same fitted transforms.");
        }
        return (features, label);
    }

    private DataViewSchema.Column? BindWeight(DataViewSchema schema, string where)
    {
        if (_options.ExampleWeightColumnName is not { } name) return null;
        var column = SchemaChecks.Find(schema, name, "example weight column", where);
        SchemaChecks.RequireWeight(column);
        return column;
    }

    private static FitOptions CreateFitOptions(TOptions options, int epochs, int batch, float[]? weights, TrainingSet? validation, IChannel channel, LearningRateSchedule? schedule,
        ConvolutionalLength? length = null) => new()
    {
        SampleWeights = weights,
        ValidationSampleWeights = validation?.Weights,
        Epochs = epochs,
        BatchSize = batch,
        ValidationData = validation is null || validation.SparseInputs is not null ? null : (validation.Inputs, validation.Targets),
        SparseValidationData = validation?.SparseInputs is { } sparse ? (sparse, validation.Targets) : null,
        ValidationFraction = validation is null ? length?.ValidationFraction ?? options.ValidationSetFraction : 0,
        EarlyStoppingPatience = length?.Patience ?? options.EarlyStoppingPatience,
        LearningRateSchedule = schedule,
        GradientClipNorm = options.GradientClipNorm,
        Execution = options.Execution,
        EpochEnded = epoch =>
        {
            channel.Info(MessageSensitivity.None, DescribeEpoch(epoch, epochs));
            options.EpochEnded?.Invoke(epoch);
        },
        Progress = options.Progress,
        CancellationToken = options.CancellationToken,
        // The reader has already checked every value, naming the column, row and slot of a bad one.
        ValidateInputs = false,
        // A diverged Fit throws and its network is dropped: no best-weights copy is needed for that case.
        RestoreOnDivergence = false,
    };

    private (DataViewSchema.Column Features, int FeatureCount, DataViewSchema.Column Label) BindColumns(DataViewSchema schema, string where)
    {
        var features = SchemaChecks.Find(schema, _options.FeatureColumnName, "feature column", where);
        int count = SchemaChecks.RequireFeatures(features);
        var label = SchemaChecks.Find(schema, _options.LabelColumnName, "label column", where);
        return (features, count, label);
    }

    // The optimizer's moments are only needed to continue training; the transformer only scores.
    private static void DropOptimizerState(Network network)
    {
        foreach (var parameter in network.Parameters) parameter.DropOptimizerState();
    }
}
