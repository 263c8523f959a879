namespace NNTrainer.Cli.Running;

/// <summary>The model <c>train</c> saves: the feature pipeline and the trainer fitted again on every row of the file.</summary>
internal sealed record FinalFit(ITransformer Featurizer, DataViewSchema RawSchema, TrainedModel Model, long Rows, int? Epochs, double Seconds, bool? LongTraining = null, bool RegimeInherited = false)
{
    /// <summary>
    /// <c>--json</c>'s <c>savedModel</c>: its rows, epochs and training time, and what trained it: <c>longTraining</c> (true:
    /// the long training, false: the usual one, null: no choice was made), <c>strongerPenalty</c> (the usual training with ten
    /// times its L2 penalty) and <c>regimeInherited</c> (the measuring fit chose that regime; the refit did not choose again).
    /// </summary>
    public System.Text.Json.Nodes.JsonObject SavedModelJson() => new()
    {
        ["rows"] = Rows,
        ["epochs"] = Epochs,
        ["longTraining"] = LongTraining,
        ["strongerPenalty"] = Model.StrongerPenalty,
        ["regimeInherited"] = RegimeInherited,
        ["trainSeconds"] = Math.Round(Seconds, 4),
    };

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
        MemoryTrace.Note("final fit: start");
        var (featurizer, rawSchema, train) = Featurize(ml, problem, resumed);
        if (weightColumn is not null) train = new Data.WeightedDataView(train, ExampleWeights.Read(problem.Table, weightColumn));
        MemoryTrace.Note("final fit: features written");
        long rows = problem.Table.RowCount;
        int? epochs = null, stoppedAt = null;
        // The measuring fit's long-training choice (every fold's, when they agree) holds for the refit: one choice a train,
        // the stronger penalty's too (round 18b: choosing again on all the rows dropped it, bfi kept +0.002 of the +0.005).
        var regimes = measured.Select(m => m.Model.Regime).Distinct().ToList();
        TrainingRegime? inherited = settings.LongTraining is null && regimes is [{ } only] ? only : null;
        // So does its model choice (every fold's, when they agree; otherwise the refit chooses again).
        var selections = measured.Select(m => m.Model.ModelSelection).ToList();
        var selection = selections is [{ } first, ..] && selections.All(s => s?.Chosen == first.Chosen) ? first : null;
        var final = (inherited is { } regime ? settings.Taking(regime) : settings) with { ValidationFraction = 0, Patience = 0, KeepChoiceCandidate = false, InheritedModelSelection = selection };
        if (trainer.HasEpochs)
        {
            // With --cv every fold found its own best epoch: the refit takes their mean.
            var best = measured.Select(m => m.Model.History is { StopReason: StopReason.EarlyStopped, RestoredBestWeights: true } history ? history.BestEpoch : (int?)null).ToList();
            stoppedAt = best.All(b => b is not null) ? (int)Math.Round(best.Average(b => b!.Value), MidpointRounding.AwayFromZero) : null;
            epochs = stoppedAt ?? final.KnownEpochsFor(rows, settings.ParametersFor(train, task, problem.Schema.Classes.Length));
        }
        // Automatic epochs stay automatic (the trainer computes the same count for these rows), so the refit gets the
        // trainer's rules for them, such as the cosine decay on large sets.
        final = final with { Epochs = stoppedAt ?? settings.Epochs };
        // An inherited linear model trains for its own epochs, on any rows: announce those, not the network's (or none).
        if (trainer.HasEpochs && selection is not null && NNTrainer.ML.ModelSelection.OwnEpochs(selection.Chosen) is { } inheritedEpochs) epochs = inheritedEpochs;
        var name = $"{trainer.NameFor(task)} on all {rows:N0} rows";
        var (model, seconds) = reporter.Train(name, epochs, progress =>
            trainer.Fit(new TrainingRequest(ml, task, problem.Schema.Classes.Length, train, final, progress, cancellationToken, resumed?.Network)), task == TaskKind.Regression);
        MemoryTrace.Note("final fit: trained");
        if (inherited is { } taken) reporter.Note($"  {name}: {epochs} epochs, {Describe(taken)}, as the measuring fit chose on a stratified tenth of its rows.");
        if (trainer.HasEpochs && epochs is null && model.History is { } history)
        {
            epochs = history.Epochs.Count;
            reporter.Note(settings.ChooseEpochsOnHoldOut
                ? $"  {name}: {epochs} epochs and the L2 penalty chosen on a stratified tenth of these rows (--hold-out-epochs)."
                : $"  {name}: {epochs} epochs, {Describe(model.Regime ?? TrainingRegime.Usual)} chosen on a stratified tenth of these rows.");
        }
        if (model.ModelSelection is { } made) ReportSelection(reporter, name, made, inherited: ReferenceEquals(made, selection));
        // A linear model chosen by cross-validation trains for its own epochs, not the network's.
        if (model.ModelSelection is { } chosen && NNTrainer.ML.ModelSelection.OwnEpochs(chosen.Chosen) is { } own) epochs = own;
        // The stronger penalty is the usual training's length: longTraining false, not the null of no choice.
        bool? longTraining = model.LongTraining ?? final.LongTraining ?? (model.StrongerPenalty ? false : null);
        return new FinalFit(featurizer, rawSchema, model, rows, epochs, seconds, longTraining, inherited is not null);
    }

    /// <summary>The words of the notes for a training regime.</summary>
    private static string Describe(TrainingRegime regime) => regime switch
    {
        TrainingRegime.Long => "the long training of a large table",
        TrainingRegime.StrongerPenalty => "the usual training with ten times its L2 penalty",
        _ => "the usual training",
    };

    /// <summary>Says which model a small classification table chose for the saved fit, and both candidates' fold scores (in --json: <c>modelSelection</c>).</summary>
    private static void ReportSelection(Reporter reporter, string name, NNTrainer.ML.NeuralNetworkModelSelection selection, bool inherited)
    {
        reporter.Note($"  {name}: {selection} (--select-model){(inherited ? "; the measuring fit's choice, kept without running the folds again" : string.Empty)}.");
        if (reporter.Mode != OutputMode.Json) return;
        var scores = new System.Text.Json.Nodes.JsonArray();
        foreach (var score in selection.Scores)
        {
            scores.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["candidate"] = score.Candidate.ToString().ToLowerInvariant(),
                ["heldOutAccuracy"] = Math.Round(score.HeldOutAccuracy, 6),
                ["heldOutLoss"] = double.IsFinite(score.HeldOutLoss) ? Math.Round(score.HeldOutLoss, 6) : null,
            });
        }
        reporter.Json["modelSelection"] = new System.Text.Json.Nodes.JsonObject
        {
            ["chosen"] = selection.Chosen.ToString().ToLowerInvariant(),
            ["folds"] = selection.Folds,
            ["rows"] = selection.Rows,
            ["marginMean"] = double.IsFinite(selection.MarginMean) ? Math.Round(selection.MarginMean, 6) : null,
            ["marginStandardError"] = double.IsFinite(selection.MarginStandardError) ? Math.Round(selection.MarginStandardError, 6) : null,
            ["marginThreshold"] = double.IsFinite(selection.MarginThreshold) ? selection.MarginThreshold : null,
            ["inherited"] = inherited,
            ["scores"] = scores,
        };
    }

    /// <summary>
    /// The feature pipeline fitted on every row (or the resumed model's) and the featurized rows: one float32 matrix
    /// written by <see cref="FeatureMap"/>, no ML.NET cache of the raw or the featurized rows. Categories keep the
    /// order of first occurrence that ML.NET's own one-hot fit gives (the same saved model), capped like the measuring
    /// fit's when a column has more than the model's cap (<see cref="CategoryCap.For"/>).
    /// </summary>
    private static (ITransformer Featurizer, DataViewSchema RawSchema, IDataView Train) Featurize(MLContext ml, TabularProblem problem, ResumedModel? resumed)
    {
        var (table, schema) = (problem.Table, problem.Schema);
        // The measuring fit's matrices (its trainer trained on them, or on a copy) are garbage by now
        // (PreparedData.ReleaseRows): collected before the matrix of all rows is written, their memory is reused. Aggressive
        // returns the freed pages to the system at once: the larger matrix of all rows does not fit in the training matrix's
        // hole, and with a plain collection the process kept both (wide one-hot data: 931 MB peak instead of ~530, issue 14).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var raw = TableDataView.Create(table, schema, labelRequired: true);
        var featurizer = resumed?.Featurizer ?? FeaturePipeline.Fit(ml, schema, CategoryCap.InOrderOfOccurrence(table, schema), table, null, raw);
        if (featurizer is not null && FeatureMap.TryCreate(ml, featurizer, raw.Schema, schema) is { } map && map.Matches(featurizer, table, schema, null, PreparedData.CheckedRows))
        {
            var all = Enumerable.Range(0, table.RowCount).ToArray();
            var label = featurizer.GetOutputSchema(raw.Schema)[ColumnNames.Label];
            var rows = PreparedData.FeaturizedRows(map, label, table, schema, all);
            // The trainer is the only reader of these rows: it trains on this matrix, not on a copy of it.
            rows.AllowHandOver();
            return (featurizer, raw.Schema, rows);
        }
        var cached = ml.Data.Cache(raw);
        featurizer ??= FeaturePipeline.Create(ml, schema).Fit(cached);
        return (featurizer, raw.Schema, ml.Data.Cache(featurizer.Transform(cached)));
    }
}
