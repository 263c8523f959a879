using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.ML;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Images;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Commands;

/// <summary><c>nntrainer predict</c>: the input rows with the model's predictions appended, as CSV.</summary>
internal sealed class PredictCommand
{
    private readonly Argument<string> _model = new("model") { Description = "A model zip written by 'nntrainer train'" };
    private readonly Argument<string> _file = new("file") { Description = "A CSV file with the model's feature columns (the label column may be absent), or a folder of images (sub-folders included)" };
    private readonly Option<string> _out = new("--out", "-o") { Description = "Where to write the predictions CSV", HelpName = "FILE", Required = true };
    private readonly OutputOptions _output = new();
    private readonly ImageOptions _images = new(training: false);

    public Command Build()
    {
        var command = new Command("predict", "Predict every row of a CSV file with a saved model; writes the rows with prediction columns appended.");
        command.Add(_model);
        command.Add(_file);
        command.Add(_out);
        _output.AddTo(command);
        _images.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var reporter = _output.CreateReporter(result);
        if (Directory.Exists(result.GetValue(_file))) return ImageCommands.Predict(result, reporter, _images, result.GetValue(_model)!, result.GetValue(_file)!, result.GetValue(_out)!);
        ImageCommands.RefuseWithCsv(result, _images, result.GetValue(_file)!);
        var ml = new MLContext(seed: 0);
        var model = ModelFile.Load(result.GetValue(_model)!, ml);
        ImageCommands.RequireCsvModel(model, result.GetValue(_model)!, result.GetValue(_file)!);
        var schema = model.Schema;
        var records = CsvRecords.Read(result.GetValue(_file)!);
        var table = CsvTable.Load(records);
        ModelInput.ReportMissing(table, schema, reporter);
        var scored = ScoredColumns.Read(model.Score(TableDataView.Create(table, schema, labelRequired: false)), schema.Task);
        var outPath = result.GetValue(_out)!;
        Write(outPath, records, schema, scored);
        reporter.Json["command"] = "predict";
        reporter.Json["rows"] = records.Rows.Count;
        reporter.Json["predictions"] = Path.GetFullPath(outPath);
        reporter.Note($"{records.Rows.Count:N0} rows predicted with {schema.Trainer}.");
        reporter.Saved("Predictions", outPath);
        reporter.Finish();
        return ExitCodes.Success;
    }

    internal static string[] PredictionColumns(ModelSchema schema) => schema.Task switch
    {
        TaskKind.Multiclass => [$"predicted_{schema.LabelColumn}", .. schema.Classes.Select(c => $"probability_{c}")],
        TaskKind.Binary => [$"predicted_{schema.LabelColumn}", $"probability_{schema.Classes[1]}"],
        _ => [$"predicted_{schema.LabelColumn}"],
    };

    private static void Write(string path, CsvRecords records, ModelSchema schema, ScoredColumns scored)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', records.Header.Concat(PredictionColumns(schema)).Select(CsvRecords.Escape)));
        for (int r = 0; r < records.Rows.Count; r++)
        {
            var fields = records.Rows[r].Select(CsvRecords.Escape).ToList();
            if (schema.Task == TaskKind.Regression)
            {
                fields.Add(Number(scored.Scores[r][0]));
            }
            else
            {
                fields.Add(CsvRecords.Escape(schema.Classes[scored.PredictedClasses[r]]));
                fields.AddRange(scored.Scores[r].Select(Number));
            }
            text.AppendLine(string.Join(',', fields));
        }
        var full = Path.GetFullPath(path);
        var temporary = full + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, text.ToString());
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write the predictions to {path}: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
