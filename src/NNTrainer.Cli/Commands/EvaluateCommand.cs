using System.CommandLine;
using Microsoft.ML;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Images;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Output;

namespace NNTrainer.Cli.Commands;

/// <summary><c>nntrainer evaluate</c>: a saved model's metrics on a labelled CSV file.</summary>
internal sealed class EvaluateCommand
{
    private readonly Argument<string> _model = new("model") { Description = "A model zip written by 'nntrainer train'" };
    private readonly Argument<string> _file = new("file") { Description = "A CSV file with the model's feature columns and its label column, or a folder of images with one sub-folder per class" };
    private readonly OutputOptions _output = new();
    private readonly ImageOptions _images = new(training: false);

    public Command Build()
    {
        var command = new Command("evaluate", "Measure a saved model on a labelled CSV file (accuracy/log-loss, AUC/F1 or RMSE/R², by task).");
        command.Add(_model);
        command.Add(_file);
        _output.AddTo(command);
        _images.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult result)
    {
        var reporter = _output.CreateReporter(result);
        var ml = new MLContext(seed: 0);
        var modelPath = result.GetValue(_model)!;
        if (Directory.Exists(result.GetValue(_file))) return ImageCommands.Evaluate(result, reporter, _images, modelPath, result.GetValue(_file)!);
        ImageCommands.RefuseWithCsv(result, _images, result.GetValue(_file)!);
        var model = ModelFile.Load(modelPath, ml);
        ImageCommands.RequireCsvModel(model, modelPath, result.GetValue(_file)!);
        var schema = model.Schema;
        var table = ModelInput.LabelledRows(CsvTable.Load(result.GetValue(_file)!), schema, reporter);
        ModelInput.ReportMissing(table, schema, reporter);
        var scored = model.Score(TableDataView.Create(table, schema, labelRequired: true));
        var metrics = ModelEvaluator.Evaluate(ml, schema.Task, scored);
        reporter.Json["command"] = "evaluate";
        reporter.Json["model"] = Path.GetFullPath(modelPath);
        reporter.Json["rows"] = table.RowCount;
        reporter.Table($"{schema.Trainer} on {Path.GetFileName(table.Path)}: {table.RowCount:N0} rows", new ResultTable(schema.Task, [new ResultRow(schema.Trainer, double.NaN, metrics)], showTime: false));
        reporter.Finish();
        return ExitCodes.Success;
    }
}
