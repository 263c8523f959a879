namespace NNTrainer.Cli.Trainers;

/// <summary>An ML.NET trainer from the standard catalogs, with its default options.</summary>
internal sealed class StockTrainer(string alias, IReadOnlyDictionary<TaskKind, (string Name, Func<MLContext, IEstimator<ITransformer>> Create)> byTask) : TrainerEntry
{
    public override string Alias => alias;

    public override string NameFor(TaskKind task) => byTask[task].Name;

    public override bool Supports(TaskKind task) => byTask.ContainsKey(task);

    public override TrainedModel Fit(TrainingRequest request)
    {
        request.CancellationToken.ThrowIfCancellationRequested();
        return new TrainedModel(byTask[request.Task].Create(request.Ml).Fit(request.Train));
    }
}
