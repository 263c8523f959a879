using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.ML;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Images;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Output;
using NNTrainer.Cli.Running;
using NNTrainer.Cli.Trainers;

namespace NNTrainer.Cli.Commands;

/// <summary>
/// <c>nntrainer train</c>: one model on a CSV file, saved as an ML.NET model zip. A measuring fit on part of the rows
/// is scored on the rest for the report; the saved model is then fitted again on every row.
/// </summary>
internal sealed class TrainCommand
{
    private readonly Argument<string> _file = new("file") { Description = "The CSV file (header row, comma-separated) or Parquet file (.parquet), or a folder of images with one sub-folder per class" };
    private readonly Option<string> _label = new("--label") { Description = "The column to predict (CSV files; an image's class is its sub-folder)", HelpName = "COLUMN" };
    private readonly Option<string> _out = new("--out", "-o") { Description = "Where to save the ML.NET model zip", HelpName = "MODEL.zip", Required = true };
    private readonly Option<string> _task = CommandSupport.TaskOption();
    private readonly Option<string[]> _ignore = CommandSupport.IgnoreOption();
    private readonly Option<bool> _skipBadRows = CommandSupport.SkipBadRowsOption();
    private readonly Option<string> _trainer = new("--trainer")
    {
        Description = $"Which trainer: {TrainerRegistry.Aliases}",
        DefaultValueFactory = _ => "nn",
    };

    private readonly Option<double> _testFraction = CommandSupport.TestFractionOption();
    private readonly Option<int?> _cv = CrossValidationOption.Create();
    private readonly Option<string> _plots = CommandSupport.PlotsOption();
    private readonly Option<bool> _noPlots = CommandSupport.NoPlotsOption();
    private readonly Option<string> _checkpoint = new("--checkpoint")
    {
        Description = "Save the best network so far (an NNTrainer model file, loaded with Network.Load) after every epoch whose loss improves; {epoch} and {loss} in the name give each improvement its own file, e.g. weights-{epoch:000}-{loss:0.0000}.nnt",
        HelpName = "PATH",
    };

    private readonly Option<string> _monitor = new("--monitor")
    {
        Description = "Training monitor: rewrite training.json (every epoch's figures) and training.png (learning curves) in this folder after every epoch",
        HelpName = "DIR",
    };

    private readonly NetworkOptions _network = new();
    private readonly ImageOptions _images = new(training: true);
    private readonly OutputOptions _output = new();

    public Command Build()
    {
        var command = new Command("train", "Train a model on a CSV file: column types are inferred, text columns one-hot encoded, numbers normalised, missing values filled in; reports metrics of a measuring fit on held-out rows, then saves an ML.NET model zip fitted on every row.");
        command.Add(_file);
        command.Add(_label);
        command.Add(_out);
        command.Add(_task);
        command.Add(_ignore);
        command.Add(_skipBadRows);
        command.Add(_trainer);
        command.Add(_testFraction);
        command.Add(_cv);
        _network.AddTo(command);
        command.Add(_checkpoint);
        command.Add(_monitor);
        _images.AddTo(command);
        command.Add(_plots);
        command.Add(_noPlots);
        _output.AddTo(command);
        command.Validators.Add(result =>
        {
            // --label is required for a CSV file only: an image folder's sub-folders name the classes.
            bool folder = result.GetValue(_file) is { } file && Directory.Exists(file), label = result.GetValue(_label) is not null;
            if (!folder && !label) result.AddError("Option '--label' is required.");
            if (folder && label) result.AddError("--label applies to CSV files; in an image folder each sub-folder names its images' class.");
            CrossValidationOption.Validate(result, _cv, _testFraction, folder);
        });
        NetworkOptions.Check(_trainer, v => TrainerRegistry.All.Any(t => t.Alias.Equals(v, StringComparison.OrdinalIgnoreCase)), $"one of {TrainerRegistry.Aliases}");
        command.SetAction((result, cancellation) => Task.FromResult(Run(result, cancellation)));
        return command;
    }

    private int Run(ParseResult result, CancellationToken cancellation)
    {
        var reporter = _output.CreateReporter(result);
        var settings = _network.Read(result);
        // The files describe the fit whose model is saved: for a CSV file the final fit on every row, not the measuring one.
        var saved = settings with { Checkpoint = CheckCheckpoint(result.GetValue(_checkpoint)), Monitor = CheckMonitor(result.GetValue(_monitor)) };
        var file = result.GetValue(_file)!;
        var outPath = result.GetValue(_out)!;
        if (Directory.Exists(file))
        {
            return ImageCommands.Train(result, reporter, _images, saved, file, outPath, result.GetValue(_trainer)!, result.GetValue(_testFraction),
                !result.GetValue(_noPlots), result.GetValue(_plots)!, cancellation);
        }
        ImageCommands.RefuseWithCsv(result, _images, file);
        var ml = new MLContext(seed: settings.Seed);
        var problem = TabularProblem.Create(CsvTable.Load(file, result.GetValue(_skipBadRows)), result.GetValue(_label)!, CommandSupport.ReadTask(result, _task), CommandSupport.ReadSet(result, _ignore));
        var trainer = TrainerRegistry.Find(result.GetValue(_trainer)!);
        if (!trainer.Supports(problem.Schema.Task))
        {
            throw new CliException($"Trainer '{trainer.Alias}' does not support {problem.Schema.Task.ToString().ToLowerInvariant()} tasks.", ExitCodes.UsageError);
        }
        if (!trainer.HasEpochs && (saved.Checkpoint ?? saved.Monitor) is not null)
        {
            throw new CliException($"--checkpoint and --monitor watch a network's epochs; trainer '{trainer.Alias}' has none (use --trainer nn).", ExitCodes.UsageError);
        }
        var description = $"{file}: {problem.Table.RowCount:N0} rows; label '{problem.Schema.LabelColumn}' ({Describe(problem.Schema)}); features: {string.Join(", ", problem.Schema.Features.Select(f => $"{f.Name} ({f.Kind.ToString().ToLowerInvariant()})"))}";
        if (result.GetValue(_cv) is { } folds) return CrossValidationRun.Train(reporter, ml, problem, trainer, settings, saved, folds, description, outPath, cancellation);
        var data = PreparedData.FromProblem(ml, problem, result.GetValue(_testFraction), settings.Seed, description);
        reporter.Note(data.Description);
        foreach (var note in data.Notes) reporter.Note(note);
        reporter.Json["command"] = "train";

        var outcome = ExperimentRunner.Run(reporter, ml, data, [trainer], settings, skipFailures: false, cancellation).Single();
        var schema = problem.Schema.WithTrainer(outcome.Row.Trainer);
        reporter.Table($"Held-out metrics of a measuring fit on {data.TrainRows:N0} rows, scored on the other {data.TestRows:N0}", new ResultTable(schema.Task, [outcome.Row]));
        var final = FinalFit.Run(reporter, ml, problem, trainer, saved, [outcome], cancellation);
        reporter.Note($"The saved model was fitted again on all {final.Rows:N0} rows" + (final.Epochs is { } epochs ? $" for {epochs} epochs" : "")
            + "; the metrics above come from the measuring fit.");
        reporter.Json["measuredOn"] = new JsonObject { ["method"] = "holdout", ["trainRows"] = data.TrainRows, ["testRows"] = data.TestRows };
        reporter.Json["savedModel"] = new JsonObject { ["rows"] = final.Rows, ["epochs"] = final.Epochs };
        ModelFile.Save(outPath, ml, schema, final.Featurizer, final.Model, final.RawSchema);
        reporter.Saved("Model", outPath);
        reporter.Json["model"] = Path.GetFullPath(outPath);
        if (!result.GetValue(_noPlots))
        {
            var directory = result.GetValue(_plots)!;
            PlotMaker.LearningCurves(reporter, directory, [outcome]);
            PlotMaker.DecisionRegions(reporter, ml, directory, data, [outcome]);
        }
        reporter.Finish();
        return ExitCodes.Success;
    }

    private static string? CheckCheckpoint(string? path)
    {
        if (path is null) return null;
        try
        {
            _ = new ModelCheckpoint(new Network(), path);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--checkpoint {path}: {e.Message}", ExitCodes.UsageError);
        }
        // Checked now rather than after the first epoch, when a missing folder would end a long run.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder)) throw new CliException($"--checkpoint {path}: the folder {folder} does not exist.", ExitCodes.UsageError);
        return path;
    }

    private static string? CheckMonitor(string? folder)
    {
        if (folder is not null && File.Exists(folder))
        {
            throw new CliException($"--monitor {folder} is a file; give a folder for training.json and training.png.", ExitCodes.UsageError);
        }
        return folder;
    }

    private static string Describe(ModelSchema schema) => schema.Task switch
    {
        Evaluation.TaskKind.Multiclass => $"multiclass, {schema.Classes.Length} classes",
        Evaluation.TaskKind.Binary => $"binary, positive class '{schema.Classes[1]}'",
        _ => "regression",
    };
}
