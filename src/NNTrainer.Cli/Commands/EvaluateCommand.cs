using NNTrainer.Cli.Images;

namespace NNTrainer.Cli.Commands;

/// <summary>
/// <c>nntrainer evaluate</c>: a saved model's metrics on a labelled CSV file, read and scored a block of rows at a
/// time; the metrics are updated as each block is scored (<see cref="StreamingEvaluator"/>), so memory does not grow
/// with the file.
/// </summary>
internal sealed class EvaluateCommand
{
    private readonly SavedModelInput _input = new();
    private readonly Argument<string> _file = new("file") { Description = "A CSV or Parquet (.parquet) file with the model's feature columns and its label column, or a folder of images with one sub-folder per class" };
    private readonly Option<string?> _positiveClass = PositiveClass.Option();
    private readonly OutputOptions _output = new();

    public Command Build()
    {
        var command = new Command("evaluate", "Measure a saved model on a labelled CSV or Parquet file or a folder of images (accuracy/log-loss, AUC/F1 or RMSE/R², by task).") { _input.Model, _file, _input.Reading, _positiveClass, _input.MissingValues };
        return _output.Complete(command, Run, _input.Images);
    }

    private int Run(ParseResult result, Reporter reporter)
    {
        var modelPath = result.GetValue(_input.Model)!;
        var file = result.GetValue(_file)!;
        var requested = result.GetValue(_positiveClass);
        if (Directory.Exists(file))
        {
            if (requested is not null) throw new CliException("--positive-class applies to a CSV model's binary label; an image model's classes are its sub-folders.", ExitCodes.UsageError);
            return ImageCommands.Evaluate(result, reporter, _input.Images, modelPath, file);
        }
        using var table = _input.Open(result, reporter, file, labelRequired: true, keepText: false);
        var (schema, reader, scorer) = table;
        // The model's positive class unless --positive-class names the other: then its scores are read the other way round.
        var positive = requested is null ? null : PositiveClass.Find(schema.Classes, requested, schema.LabelColumn);
        bool flipped = positive is not null && positive == schema.Classes[0];
        var collector = new StreamingEvaluator(schema, scorer.HasProbability, flipped: flipped);
        var scored = new ScoredBlock();
        long unlabelled = 0;
        while (reader.ReadBlock() is { } block)
        {
            scorer.Score(block, scored);
            unlabelled += collector.Add(block, scored);
        }
        var notes = reader.Finish();
        if (collector.Count == 0) throw new CliException($"{file}: no row has a value in label column '{schema.LabelColumn}'.");
        if (unlabelled > 0) reporter.Note($"{unlabelled:N0} of {reader.Rows:N0} rows have no value in label column '{schema.LabelColumn}' and were skipped.");
        if (collector.BadScores > 0) reporter.Note($"{collector.BadScores} of {collector.Count} labelled rows have a NaN score (or, for a classifier, an infinite one) and were left out of the metrics, as ML.NET's evaluators leave them out.");
        if (collector.Ranking is { IsBinned: true } ranking) reporter.Note($"AUC from a {1 << RankingCurve.BinBits:N0}-bin score histogram ({collector.Count:N0} rows is over the {ranking.ExactLimit:N0} kept exactly): within {ranking.AucErrorBound():G2} of the exact value.");
        foreach (var note in notes) reporter.Note(note);
        if (schema.Task == TaskKind.Binary) reporter.Note(PositiveClass.EvaluatedNote(schema.Classes, flipped));
        var metrics = collector.Metrics();
        if (schema.ModelChoiceNote is { } choice) reporter.Note(choice);
        reporter.Json["command"] = "evaluate";
        reporter.Json["model"] = Path.GetFullPath(modelPath);
        if (schema.ModelChoice is { } chosen) reporter.Json["modelChoice"] = chosen;
        reporter.Json["rows"] = collector.Count;
        if (schema.Task == TaskKind.Binary) reporter.Json["positiveClass"] = flipped ? schema.Classes[0] : schema.Classes[1];
        reporter.Table($"{schema.Trainer} on {Path.GetFileName(file)}: {collector.Count:N0} rows", new ResultTable(schema.Task, [new ResultRow(schema.Trainer, double.NaN, metrics)], showTime: false));
        reporter.Finish();
        return ExitCodes.Success;
    }
}
