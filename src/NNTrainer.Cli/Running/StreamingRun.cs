using System.Text.Json.Nodes;

namespace NNTrainer.Cli.Running;

/// <summary>
/// <c>train --streaming</c>: training whose memory does not grow with the rows. The column types, task, classes and
/// feature pipeline come from the first <see cref="ColumnSniffer.SampleRows"/> rows; the network then trains with the
/// ML.NET trainer's <c>Streaming</c> mode on a <see cref="StreamingTableView"/> that re-reads the file on every pass,
/// and is scored, streaming too, on every k-th row of the file, which it never trained on. The saved model is then
/// trained again, streaming, on every row, as the in-memory <c>train</c> refits: a user expects the saved model to have
/// seen all the data (one more training at the same flat memory; the metrics are the measuring fit's).
/// </summary>
internal static class StreamingRun
{
    /// <summary>Rows of the sample on which the fast featurization is checked against ML.NET's before it is trusted.</summary>
    private const int CheckedRows = 256;

    /// <summary>The hold-out rule for a test fraction: every k-th labelled row, k = round(1 / fraction), at least 2.</summary>
    public static int HoldOutEvery(double testFraction) => Math.Max(2, (int)Math.Round(1 / testFraction));

    public static int Run(Reporter reporter, MLContext ml, string file, string label, TaskKind? task, IReadOnlyCollection<string> ignore, bool skipBadRows,
        double testFraction, NetworkSettings settings, string outPath, bool plots, string plotDirectory, CancellationToken cancellation, char? separator = null,
        string? positiveClass = null, MissingValues? markers = null, IReadOnlyCollection<string>? categorical = null, int? maxCategories = null,
        IReadOnlyCollection<string>? numeric = null)
    {
        var sample = CsvTable.Load(file, skipBadRows, maxRows: ColumnSniffer.SampleRows, separator, markers, categorical, numeric: numeric);
        // The default cap scales with the rows of the file, which the sample stands for (the same as --memory-budget's estimate).
        var problem = TabularProblem.Create(sample, label, task, ignore, positiveClass, maxCategories: maxCategories ?? CategoryCap.ForRows(MemoryBudget.Rows(file, separator)));
        bool readAll = LateValueCheck.Run(file, sample, label, ignore, skipBadRows, separator);
        var trainer = new NeuralNetworkTrainer();
        var schema = problem.Schema.WithTrainer(trainer.NameFor(problem.Schema.Task));
        var rows = Enumerable.Range(0, problem.Table.RowCount).ToArray();
        var raw = TableDataView.Create(problem.Table, schema, labelRequired: false, rows);
        if (schema.Features.FirstOrDefault(f => f.Kind == ColumnKind.Text) is { } text)
        {
            // Streaming writes every block's features with FeatureMap's dense arrays; word counts are ML.NET's own sparse step.
            throw new CliException($"{file}: column '{text.Name}' is free text, whose word features --streaming cannot write block by block; train without --streaming (the text is read into memory), or --ignore {text.Name}.");
        }
        var featurizer = FeaturePipeline.Create(ml, schema, CategoryCap.Choose(problem.Table, schema, rows)).Fit(raw);
        var map = FeatureMap.TryCreate(ml, featurizer, raw.Schema, schema);
        if (map is null || !map.Matches(featurizer, problem.Table, schema, rows, CheckedRows))
        {
            throw new CliException($"{file}: the feature pipeline fitted on the first rows cannot be applied block by block, which --streaming needs; train without --streaming.");
        }
        var labelColumn = featurizer.GetOutputSchema(raw.Schema)[ColumnNames.Label];
        int every = HoldOutEvery(testFraction);
        var train = new StreamingTableView(file, schema, map, labelColumn, skipBadRows, every, heldOut: false, separator);
        var test = new StreamingTableView(file, schema, map, labelColumn, skipBadRows, every, heldOut: true, separator);

        reporter.Note($"{file}: streaming (--streaming); column types, classes and the feature pipeline from the first {problem.Table.RowCount:N0} rows; "
            + $"label '{schema.LabelColumn}' ({schema.Task.ToString().ToLowerInvariant()}); features: {FeatureList.Describe(schema.Features)}; {map.Width} feature values a row.");
        foreach (var note in problem.Notes) reporter.Note($"In the first rows: {note}");
        if (readAll) reporter.Note("The columns empty in the first rows were looked for in the rest of the file (one more read of it): they are empty there too.");
        reporter.Note($"Every {Ordinal(every)} labelled row is held out for the metrics and never trained on; the network trains on the others, reading the file again on every epoch.");
        reporter.Json["command"] = "train";

        var name = trainer.NameFor(schema.Task);
        // --checkpoint and --monitor describe the saved fit, the one on every row below.
        var measuring = settings with { Streaming = true, Checkpoint = null, Monitor = null };
        var (model, seconds) = reporter.Train(name, settings.Epochs, progress =>
            trainer.Fit(new TrainingRequest(ml, schema.Task, schema.Classes.Length, train, measuring, progress, cancellation)), schema.Task == TaskKind.Regression);
        // One more streaming pass: the evaluators read the scored held-out rows through their cursors.
        var metrics = ModelEvaluator.Evaluate(ml, schema.Task, model.Score(test));
        long counted = test.LastPassRows;
        var row = new ResultRow(name, seconds, metrics, model.History?.Epochs.Count, model.History?.TrainingStep);
        reporter.Table($"Held-out metrics, streaming: trained on all but every {Ordinal(every)} row, scored on those {counted:N0} rows", new ResultTable(schema.Task, [row]));
        reporter.Json["measuredOn"] = new JsonObject { ["method"] = "everyKthRow", ["k"] = every, ["trainRows"] = train.LastPassRows, ["testRows"] = counted, ["streaming"] = true };

        // The refit: the same trainer, settings and seed on every labelled row (no row held out). Automatic epochs stay
        // automatic, as in the in-memory refit: the trainer's count for all the rows it counts in its first pass.
        var all = new StreamingTableView(file, schema, map, labelColumn, skipBadRows, holdOutEvery: 0, heldOut: false, separator);
        var final = settings with { Streaming = true };
        var (saved, finalSeconds) = reporter.Train($"{name} on all rows", settings.Epochs, progress =>
            trainer.Fit(new TrainingRequest(ml, schema.Task, schema.Classes.Length, all, final, progress, cancellation)), schema.Task == TaskKind.Regression);
        int? epochs = saved.History?.Epochs.Count;
        reporter.Note($"The saved model was trained again, streaming, on all {all.LastPassRows:N0} rows" + (epochs is { } e ? $" for {e} epochs" : "") + "; the metrics above come from the measuring fit.");
        reporter.Json["savedModel"] = new JsonObject { ["rows"] = all.LastPassRows, ["epochs"] = epochs, ["trainSeconds"] = Math.Round(finalSeconds, 4), ["streaming"] = true, ["sampleRows"] = problem.Table.RowCount };
        ModelFile.Save(outPath, ml, schema, featurizer, saved, raw.Schema);
        reporter.Saved("Model", outPath);
        reporter.Json["model"] = Path.GetFullPath(outPath);
        if (plots) PlotMaker.LearningCurves(reporter, plotDirectory, [new TrainerOutcome(trainer, model, row)]);
        reporter.Finish();
        return ExitCodes.Success;
    }

    private static string Ordinal(int k) => (k % 100 is 11 or 12 or 13 ? 0 : k % 10) switch { 1 => $"{k}st", 2 => $"{k}nd", 3 => $"{k}rd", _ => $"{k}th" };
}
