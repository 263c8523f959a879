using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace NNTrainer.ML;

public abstract partial class NeuralNetworkTrainerBase<TTransformer, TOptions>
{
    /// <summary>
    /// <see cref="NeuralNetworkOptionsBase.Streaming"/>: trains from the data view pass after pass
    /// (<see cref="StreamingTraining"/>) instead of reading it into one matrix; the network, its standardisation
    /// (folded into the weights afterwards) and the transformer are those of the in-memory path.
    /// </summary>
    private TTransformer FitStreaming(IDataView trainData, IDataView? validationData,
        (DataViewSchema.Column Features, int FeatureCount, DataViewSchema.Column Label, int Outputs) columns,
        (DataViewSchema.Column Features, DataViewSchema.Column Label) validationColumns, IChannel channel, Stopwatch clock)
    {
        var options = _options;
        var (features, featureCount, label, outputs) = columns;
        if (options.ValidationSetFraction > 0 && validationData is null)
        {
            throw new ArgumentOutOfRangeException(nameof(options.ValidationSetFraction), options.ValidationSetFraction,
                "Streaming training keeps no rows in memory, so it cannot hold out a fraction of them; set ValidationSetFraction = 0, or pass validation data to Fit(train, validation).");
        }
        var source = new DataViewRowSource(trainData, features, featureCount, label, CreateLabelReader(), options.SkipNonFiniteRows, "training data");
        var statistics = StreamingTraining.Measure(source, "training data");
        bool regression = options is NeuralNetworkRegressionTrainer.Options;
        if (!regression && !statistics.TargetsVary)
        {
            throw new ArgumentException($"Every training row has the same class in column '{label.Name}'; a classifier needs rows of at least two classes.", nameof(trainData));
        }
        var validation = validationData is null ? null
            : TrainingSetReader.Read(validationData, validationColumns.Features, featureCount, validationColumns.Label, CreateLabelReader(), options.SkipNonFiniteRows, "validation data");
        channel.Info(MessageSensitivity.None, $"Streaming: counted {statistics.Rows:N0} training rows of {featureCount} features in {clock.Elapsed.TotalSeconds:F2} s; " +
            $"each epoch reads them again in blocks of {BlockShuffleFeed.RowsPerBlock(featureCount):N0}.");
        int seed = options.Seed ?? _host.Rand.Next();
        int threads = options.NumberOfThreads ?? Environment.ProcessorCount;
        var network = CreateNetwork(features, featureCount, outputs, seed, threads, statistics.Rows);
        if (network.Layers[0] is not DenseLayer)
        {
            throw new ArgumentOutOfRangeException(nameof(options.Streaming), "Streaming training is for the dense architectures; a convolutional network reads its images into memory.");
        }
        bool standardize = options.StandardizeFeatures;
        if (standardize && options.IndicatorFeaturesToUnitRange) statistics.Indicators.ToUnitRange(statistics.Means, statistics.Deviations);
        var labelScaling = options is NeuralNetworkRegressionTrainer.Options { StandardizeLabel: true }
            ? LabelScaling.FromStatistics(statistics.TargetMean, statistics.TargetDeviation)
            : null;
        if (validation is not null)
        {
            if (standardize) FeatureScaling.FromStatistics(statistics.Means, statistics.Deviations).Standardize(validation.Inputs);
            labelScaling?.Standardize(validation.Targets.AsSpan());
        }
        if (regression && !statistics.TargetsVary)
        {
            float first = statistics.FirstTargets[0];
            ConstantTarget.Apply(network, labelScaling is null ? first : (float)((first - labelScaling.Mean) / labelScaling.StandardDeviation));
        }
        network.Set(CreateLoss(), NetworkFactory.CreateOptimizer(options));
        int epochs = options.EffectiveEpochs(statistics.Rows);
        var fit = Announced(CreateFitOptions(options, epochs, options.BatchSize, null, validation, channel, options.EffectiveLearningRateSchedule(statistics.Rows)));
        if (options.CheckpointPath is { } checkpoint) new ModelCheckpoint(network, checkpoint).Attach(fit);
        var history = StreamingTraining.Fit(network, source, fit, statistics, standardize,
            validation is null ? null : (validation.Inputs, validation.Targets), standardizeTargets: labelScaling is not null);
        labelScaling?.FoldInto(network);
        if (standardize) FeatureScaling.FromStatistics(statistics.Means, statistics.Deviations).FoldInto(network);
        DropOptimizerState(network);
        network.NumberOfThreads = 1;
        channel.Info(MessageSensitivity.None, $"Training ended ({history.StopReason}) after {history.Epochs.Count} epochs in {clock.Elapsed.TotalSeconds:F2} s, streaming.");
        return CreateTransformer(network, history, label, outputs);
    }
}
