using Microsoft.ML;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Output;
using NNTrainer.Cli.Trainers;

namespace NNTrainer.Cli.Running;

/// <summary>The model <c>train</c> saves: the feature pipeline and the trainer fitted again on every row of the file.</summary>
internal sealed record FinalFit(ITransformer Featurizer, DataViewSchema RawSchema, TrainedModel Model, long Rows, int? Epochs, double Seconds)
{
    /// <summary>
    /// Refits on every row, after the measuring fit has been scored on held-out rows (or the folds of <c>--cv</c> on
    /// theirs): the saved model should have seen all the data the user gave it, as scikit-learn's <c>fit</c> and
    /// ML.NET's <c>Fit</c> do. The network trains for the best epoch of the measuring fits (their mean over folds)
    /// when every one stopped early, and otherwise by the same rule as the ML.NET
    /// trainers (the epochs given, or the automatic number for all the rows), without a validation hold-out.
    /// With <c>--resume</c> it continues the resumed model's network on every row, read with that model's feature pipeline.
    /// </summary>
    public static FinalFit Run(Reporter reporter, MLContext ml, TabularProblem problem, TrainerEntry trainer, NetworkSettings settings,
        IReadOnlyList<TrainerOutcome> measured, CancellationToken cancellationToken, ResumedModel? resumed = null, string? weightColumn = null)
    {
        var task = problem.Schema.Task;
        var raw = ml.Data.Cache(TableDataView.Create(problem.Table, problem.Schema, labelRequired: true));
        var featurizer = resumed?.Featurizer ?? FeaturePipeline.Create(ml, problem.Schema).Fit(raw);
        IDataView train = ml.Data.Cache(featurizer.Transform(raw));
        if (weightColumn is not null) train = new Data.WeightedDataView(train, ExampleWeights.Read(problem.Table, weightColumn));
        long rows = problem.Table.RowCount;
        int? epochs = null, stoppedAt = null;
        if (trainer.HasEpochs)
        {
            // With --cv every fold found its own best epoch: the refit takes their mean.
            var best = measured.Select(m => m.Model.History is { StopReason: StopReason.EarlyStopped, RestoredBestWeights: true } history ? history.BestEpoch : (int?)null).ToList();
            stoppedAt = best.All(b => b is not null) ? (int)Math.Round(best.Average(b => b!.Value), MidpointRounding.AwayFromZero) : null;
            epochs = stoppedAt ?? settings.EpochsFor(rows);
        }
        // Automatic epochs stay automatic (the trainer computes the same count for these rows), so the refit gets the
        // trainer's rules for them, such as the cosine decay on large sets.
        var final = settings with { Epochs = stoppedAt ?? settings.Epochs, ValidationFraction = 0, Patience = 0 };
        var name = $"{trainer.NameFor(task)} on all {rows:N0} rows";
        var (model, seconds) = reporter.Train(name, epochs, progress =>
            trainer.Fit(new TrainingRequest(ml, task, problem.Schema.Classes.Length, train, final, progress, cancellationToken, resumed?.Network)), task == TaskKind.Regression);
        return new FinalFit(featurizer, raw.Schema, model, rows, epochs, seconds);
    }
}
