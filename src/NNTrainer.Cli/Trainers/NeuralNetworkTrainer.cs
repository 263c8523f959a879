using NNTrainer.Cli.Commands;
using NNTrainer.Cli.Plots;
using NNTrainer.ML;

namespace NNTrainer.Cli.Trainers;

/// <summary>
/// The NNTrainer network through its ML.NET catalog methods (<c>mlContext.*.Trainers.NeuralNetwork(options)</c>),
/// so that its transformer joins the pipeline and is saved inside the model zip like any stock trainer's.
/// </summary>
internal sealed class NeuralNetworkTrainer : TrainerEntry
{
    public override string Alias => "nn";

    public override string NameFor(TaskKind task) => "NeuralNetwork";

    public override bool HasEpochs => true;

    public override bool Supports(TaskKind task) => true;

    public override TrainedModel Fit(TrainingRequest request)
    {
        var catalog = request.Ml;
        try
        {
            NeuralNetworkTransformer transformer = request.Task switch
            {
                TaskKind.Multiclass => catalog.MulticlassClassification.Trainers.NeuralNetwork(
                    Configure(new NeuralNetworkMulticlassTrainer.Options { LabelSmoothing = request.Network.LabelSmoothing }, request)).Fit(request.Train, null, request.Resume),
                TaskKind.Binary => catalog.BinaryClassification.Trainers.NeuralNetwork(
                    Configure(new NeuralNetworkBinaryTrainer.Options { LabelSmoothing = request.Network.LabelSmoothing }, request)).Fit(request.Train, null, request.Resume),
                _ => catalog.Regression.Trainers.NeuralNetwork(Configure(NoLabelSmoothing(new NeuralNetworkRegressionTrainer.Options(), request), request)).Fit(request.Train, null, request.Resume),
            };
            return new TrainedModel(transformer, transformer.History, transformer.ModelSelection) { LongTraining = transformer.LongTraining, StrongerPenalty = transformer.StrongerPenalty, ChoiceCandidateRows = transformer.ChoiceCandidateRows };
        }
        catch (TrainingDivergedException e)
        {
            throw new CliException($"The neural network diverged ({e.Message}); try a smaller --learning-rate.");
        }
    }

    internal static T Configure<T>(T options, TrainingRequest request) where T : NeuralNetworkOptionsBase
    {
        var settings = request.Network;
        options.LabelColumnName = ColumnNames.Label;
        options.FeatureColumnName = ColumnNames.Features;
        options.ExampleWeightColumnName = settings.Weighted ? Data.WeightedDataView.ColumnName : null;
        options.HiddenLayers = settings.HiddenLayers;
        options.Activation = ParseActivation(settings.Activation);
        options.NumberOfEpochs = settings.Epochs;
        options.BatchSize = settings.BatchSize;
        options.Optimizer = ParseOptimizer(settings.Optimizer);
        options.LearningRate = settings.LearningRate;
        options.L2Regularization = settings.L2;
        options.ScaleL2ForSmallData = settings.ScaleL2ForSmallData;
        options.ScaleL2ForLargeData = settings.ScaleL2ForLargeData;
        options.CrossValidateL2OnSmallData = settings.CrossValidateL2OnSmallData;
        options.SelectModelOnSmallData = settings.SelectModelOnSmallData;
        options.ChooseEpochsOnHoldOut = settings.ChooseEpochsOnHoldOut;
        options.LongTrainingOnLargeData = settings.LongTraining;
        options.StrongerPenaltyInBand = settings.StrongerPenaltyInBand;
        options.TakeStrongerPenalty = settings.StrongerPenalty;
        options.KeepChoiceCandidate = settings.KeepChoiceCandidate;
        options.InheritedModelSelection = settings.InheritedModelSelection;
        options.DropoutRate = settings.Dropout;
        options.Seed = settings.Seed;
        options.NumberOfThreads = settings.Threads;
        options.ValidationSetFraction = (float)settings.ValidationFraction;
        options.EarlyStoppingPatience = settings.Patience;
        options.WeightDecay = settings.WeightDecay;
        if (settings.Nesterov && options.Optimizer != NeuralNetworkOptimizer.Sgd)
        {
            throw new CliException($"--nesterov is a setting of --optimizer sgd, not {settings.Optimizer}.", ExitCodes.UsageError);
        }
        options.UseNesterovMomentum = settings.Nesterov;
        bool autoSchedule = NetworkOptions.IsAutoSchedule(settings.Schedule);
        options.LearningRateSchedule = autoSchedule ? null : ScheduleSpec.Parse(settings.Schedule);
        options.AnnealLearningRateOnLargeData = autoSchedule;
        options.GradientClipNorm = settings.ClipNorm;
        options.Execution = settings.Execution.Equals("reference", StringComparison.OrdinalIgnoreCase) ? TrainingExecution.Reference : TrainingExecution.Auto;
        options.Progress = request.Progress;
        options.CheckpointPath = settings.Checkpoint;
        if (settings.Monitor is { } monitorFolder)
        {
            var monitor = new TrainingMonitor(monitorFolder, DrawLearningCurves);
            options.EpochEnded += monitor.OnEpochEnded;
        }
        options.CancellationToken = request.CancellationToken;
        options.Streaming = settings.Streaming;
        return options;
    }

    // Drawn beside the target and renamed over it, so that an image viewer watching the file never sees half a PNG.
    private static void DrawLearningCurves(IReadOnlyList<EpochResult> epochs, string png)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(png)!, $".{Guid.NewGuid():N}.png");
        try
        {
            LearningCurvePlot.Save(temporary, "training", epochs);
            File.Move(temporary, png, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static NeuralNetworkRegressionTrainer.Options NoLabelSmoothing(NeuralNetworkRegressionTrainer.Options options, TrainingRequest request) =>
        request.Network.LabelSmoothing > 0
            ? throw new CliException("--label-smoothing applies to classification; this task is regression.", ExitCodes.UsageError)
            : options;

    internal static NeuralNetworkActivation ParseActivation(string name) => name.ToLowerInvariant() switch
    {
        "relu" => NeuralNetworkActivation.ReLU,
        "leakyrelu" => NeuralNetworkActivation.LeakyReLU,
        "tanh" => NeuralNetworkActivation.Tanh,
        "sigmoid" => NeuralNetworkActivation.Sigmoid,
        _ => throw new CliException($"--activation must be relu, leakyrelu, tanh or sigmoid, not '{name}'.", ExitCodes.UsageError),
    };

    internal static NeuralNetworkOptimizer ParseOptimizer(string name) => name.ToLowerInvariant() switch
    {
        "adam" => NeuralNetworkOptimizer.Adam,
        "adamw" => NeuralNetworkOptimizer.AdamW,
        "sgd" => NeuralNetworkOptimizer.Sgd,
        "rmsprop" => NeuralNetworkOptimizer.RmsProp,
        "adagrad" => NeuralNetworkOptimizer.AdaGrad,
        _ => throw new CliException($"--optimizer must be adam, adamw, sgd, rmsprop or adagrad, not '{name}'.", ExitCodes.UsageError),
    };
}
