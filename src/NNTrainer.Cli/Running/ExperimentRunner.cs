using NNTrainer;

namespace NNTrainer.Cli.Running;

/// <summary>Trains each trainer on the same featurized rows and scores it on the same held-out rows.</summary>
internal static class ExperimentRunner
{
    /// <remarks>With <c>skipFailures</c> (compare), a trainer that fails is left out with a warning; train stops instead.</remarks>
    public static List<TrainerOutcome> Run(Reporter reporter, MLContext ml, PreparedData data, IReadOnlyList<TrainerEntry> trainers,
        NetworkSettings settings, bool skipFailures, CancellationToken cancellationToken, Network? resume = null)
    {
        var task = data.Schema.Task;
        var outcomes = new List<TrainerOutcome>();
        // One trainer is the only reader of the training rows: it may train on their matrix instead of a copy.
        if (trainers.Count == 1) data.AllowHandOver();
        foreach (var entry in trainers)
        {
            var name = entry.NameFor(task);
            try
            {
                var (model, seconds) = reporter.Train(name, entry.HasEpochs ? settings.KnownEpochsFor(data.TrainRows, settings.ParametersFor(data.Train, task, data.Schema.Classes.Length)) : null, progress =>
                    entry.Fit(new TrainingRequest(ml, task, data.Schema.Classes.Length, data.Train, settings, progress, cancellationToken, resume)), task == TaskKind.Regression,
                    mayStopEarly: settings.Patience > 0, printsOwnLines: entry.PrintsEpochLines);
                if (model.History is { StopReason: StopReason.EarlyStopped } history)
                {
                    // Without a validation hold-out (too few rows or images for one) early stopping watches the training loss.
                    string watched = history.Epochs[^1].ValidationLoss is null ? "training" : "validation";
                    reporter.Note($"  {name} stopped after epoch {history.Epochs.Count}: no better {watched} loss for {settings.Patience} epochs; "
                        + (history.RestoredBestWeights ? $"it keeps the weights of epoch {history.BestEpoch}, the best." : "it keeps its last weights."));
                }
                if (model.ChoiceCandidateRows is { } candidateRows)
                {
                    reporter.Note($"  {name} scored here is the {(model.LongTraining == true ? "long training" : model.StrongerPenalty ? "usual training with ten times its L2 penalty" : "usual training")} as it trained on {candidateRows:N0} of the {data.TrainRows:N0} rows, "
                        + "the candidate a stratified tenth of them chose; it was not trained again on all of them.");
                }
                if (model.History is { } trained) reporter.Note($"  {name} trained with the {trained.TrainingStep} step (--execution {settings.Execution.ToLowerInvariant()}).");
                MemoryTrace.Note($"{name} trained");
                var metrics = ModelEvaluator.Evaluate(ml, task, model.Score(data.Test));
                MemoryTrace.Note($"{name} evaluated");
                outcomes.Add(new TrainerOutcome(entry, model, new ResultRow(name, seconds, metrics, model.History?.Epochs.Count, model.History?.TrainingStep)));
            }
            catch (Exception e) when (skipFailures && e is not OperationCanceledException && e is not CliException)
            {
                reporter.Warning($"{name} failed and is left out: {e.Message}");
            }
        }
        return outcomes;
    }
}
