using System.Text.Json.Nodes;
using NNTrainer.Cli.Images;
using NNTrainer.Cli.Running;

namespace NNTrainer.Cli.Commands;

/// <summary>
/// <c>nntrainer train</c>: one model on a CSV file, saved as an ML.NET model zip. A measuring fit on part of the rows
/// is scored on the rest for the report; the saved model is then fitted again on every row.
/// </summary>
internal sealed class TrainCommand
{
    private readonly Argument<string> _file = new("file") { Description = "The CSV file (a header row; separated by commas, ';', tabs or '|', see --separator) or Parquet file (.parquet), or a folder of images with one sub-folder per class" };
    private readonly Option<string> _label = new("--label") { Description = "The column to predict (CSV files; an image's class is its sub-folder)", HelpName = "COLUMN" };
    private readonly Option<string> _out = new("--out", "-o") { Description = "Where to save the ML.NET model zip", HelpName = "MODEL.zip", Required = true };
    private readonly ColumnOptions _columns = new();
    private readonly CsvReadOptions _reading = new();
    private readonly Option<string> _trainer = new("--trainer")
    {
        Description = $"Which trainer: {TrainerRegistry.Aliases}",
        DefaultValueFactory = _ => "nn",
    };

    private readonly Option<string> _resume = new("--resume")
    {
        Description = "Continue training the network of this model (written by 'nntrainer train') on the file's rows: the file must have the model's label and feature columns, which are read with the model's feature map; the network keeps its layers",
        HelpName = "MODEL.zip",
    };

    private readonly Option<string> _weight = new("--weight")
    {
        Description = "A numeric column of example weights (finite, ≥ 0): each training row's loss counts with its weight; the column is not a feature. The held-out metrics are not weighted",
        HelpName = "COLUMN",
    };

    private readonly Option<bool> _streaming = new("--streaming")
    {
        Description = "Train without holding the file in memory: types, classes and the feature pipeline from the first 10,000 rows, then the network reads the file again on every epoch; every k-th row (k = 1 / --test-fraction) is held out for the metrics; the saved model is then trained again, streaming, on every row",
    };

    private readonly Option<int?> _memoryBudget = new("--memory-budget")
    {
        Description = $"Switch to --streaming when training in memory would take more than this many MB (estimated as rows × (columns × {MemoryBudget.BytesPerValue} + one-hot categories of text columns × {MemoryBudget.BytesPerSlot}) bytes)",
        HelpName = "MB",
    };

    private readonly Option<double> _testFraction = CommandSupport.TestFractionOption();
    private readonly Option<string?> _positiveClass = PositiveClass.Option();
    private readonly Option<MissingValues?> _missingValues = MissingValueOption.Create(training: true);
    private readonly Option<int?> _cv = CrossValidationOption.Create();
    private readonly Option<string> _plots = CommandSupport.PlotsOption();
    private readonly Option<bool> _noPlots = CommandSupport.NoPlotsOption();
    private readonly NetworkOptions _network = new();
    private readonly EpochFileOptions _epochFiles = new();
    private readonly ImageOptions _images = new(training: true);
    private readonly OutputOptions _output = new();

    public Command Build()
    {
        var command = new Command("train", "Train a model on a CSV or Parquet file, or a folder of images: column types are inferred, text columns one-hot encoded, numbers normalised, missing values filled in; reports metrics of a measuring fit on held-out rows, then saves an ML.NET model zip fitted on every row.")
        {
            _file,
            _label,
            _out,
            _columns,
            _reading,
            _trainer,
            _resume,
            _weight,
            _streaming,
            _memoryBudget,
            _testFraction,
            _positiveClass,
            _missingValues,
            _cv,
            _network,
            _epochFiles,
            _images,
            _plots,
            _noPlots,
            _output,
        };
        command.Validators.Add(result =>
        {
            // --label is required for a CSV file only: an image folder's sub-folders name the classes.
            bool folder = result.GetValue(_file) is { } file && Directory.Exists(file), label = result.GetValue(_label) is not null;
            if (!folder && !label) result.AddError("Option '--label' is required.");
            if (folder && label) result.AddError("--label applies to CSV files; in an image folder each sub-folder names its images' class.");
            CrossValidationOption.Validate(result, _cv, _testFraction, folder);
            if (result.GetValue(_cv) is not null && (result.GetValue(_weight) ?? result.GetValue(_resume)) is not null) result.AddError("--cv measures a new network on unweighted folds; it does not combine with --weight or --resume yet.");
            if (folder && result.GetValue(_weight) is not null) result.AddError("--weight names a column of a CSV file; an image folder has none.");
            if (result.GetValue(_weight) is { } weight && weight == result.GetValue(_label)) result.AddError($"--weight {weight} is the label column: each row would weigh as much as its label says (rows of class 0 not at all); example weights must be a column of their own.");
            if (folder && result.GetValue(_missingValues) is not null) result.AddError("--missing-values names values of a CSV file; an image folder has none.");
            if (folder && result.GetValue(_positiveClass) is not null) result.AddError("--positive-class applies to a CSV file's binary label; an image folder's classes are its sub-folders.");
            if (folder && result.GetValue(_resume) is not null) result.AddError("--resume continues models trained on CSV files, not on image folders.");
            if (result.GetValue(_streaming)) ValidateStreaming(result, folder);
            if (result.GetValue(_memoryBudget) is <= 0) result.AddError("--memory-budget must be a number of MB above 0.");
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
        var saved = _epochFiles.Apply(result, settings);
        var file = result.GetValue(_file)!;
        var outPath = CommandSupport.OutputFile("--out", result.GetValue(_out)!);
        if (Directory.Exists(file))
        {
            return ImageCommands.Train(result, reporter, _images, saved, file, outPath, result.GetValue(_trainer)!, result.GetValue(_testFraction),
                !result.GetValue(_noPlots), result.GetValue(_plots)!, cancellation);
        }
        ImageCommands.RefuseWithCsv(result, _images, file);
        var markers = MissingValueOption.Read(result, _missingValues, result.GetValue(_label)!, reporter);
        if (result.GetValue(_streaming) || OverBudget(result, file, reporter))
        {
            return StreamingRun.Run(reporter, new MLContext(seed: settings.Seed), file, result.GetValue(_label)!, CommandSupport.ReadTask(result, _columns.Task), CommandSupport.ReadSet(result, _columns.Ignore),
                _reading.SkipsBadRows(result), result.GetValue(_testFraction), saved, outPath, !result.GetValue(_noPlots), result.GetValue(_plots)!, cancellation,
                _reading.ReadSeparator(result), result.GetValue(_positiveClass), markers, result.GetValue(_columns.Categorical), result.GetValue(_columns.MaxCategories), result.GetValue(_columns.Numeric));
        }
        var ml = new MLContext(seed: settings.Seed);
        var trainer = TrainerRegistry.Find(result.GetValue(_trainer)!);
        var (problem, resumed) = ReadProblem(result, ml, file, trainer, markers);
        if (resumed is not null) settings = settings with { HiddenLayers = resumed.HiddenLayers };
        var weight = result.GetValue(_weight);
        if (weight is not null && trainer is not NeuralNetworkTrainer) throw new CliException($"--weight applies to the neural network (--trainer nn), not --trainer {trainer.Alias}.", ExitCodes.UsageError);
        settings = settings with { Weighted = weight is not null };
        saved = settings with { Checkpoint = saved.Checkpoint, Monitor = saved.Monitor };
        if (!trainer.Supports(problem.Schema.Task))
        {
            throw new CliException($"Trainer '{trainer.Alias}' does not support {problem.Schema.Task.ToString().ToLowerInvariant()} tasks.", ExitCodes.UsageError);
        }
        if (!trainer.HasEpochs && (saved.Checkpoint ?? saved.Monitor) is not null)
        {
            throw new CliException($"--checkpoint and --monitor watch a network's epochs; trainer '{trainer.Alias}' has none (use --trainer nn).", ExitCodes.UsageError);
        }
        var description = $"{file}: {problem.Table.RowCount:N0} rows; label '{problem.Schema.LabelColumn}' ({Describe(problem.Schema)}); features: {FeatureList.Describe(problem.Schema.Features)}";
        if (problem.Schema.Task == Evaluation.TaskKind.Binary) reporter.Json["positiveClass"] = problem.Schema.Classes[1];
        var integerClasses = IntegerClassesNote.For(problem, CommandSupport.ReadTask(result, _columns.Task));
        if (result.GetValue(_cv) is { } folds) return CrossValidationRun.Train(reporter, ml, problem, trainer, settings with { KeepChoiceCandidate = true }, saved, folds, description, outPath, cancellation, integerClasses);
        var data = PreparedData.FromProblem(ml, problem, result.GetValue(_testFraction), settings.Seed, description, resumed?.Featurizer, weight);
        if (resumed is not null) reporter.Note($"Continuing the network of {resumed.Path} ({resumed.Network.ParameterCount:N0} parameters), reading the file with its feature map.");
        reporter.Note(data.Description);
        foreach (var note in data.Notes) reporter.Note(note);
        if (integerClasses is not null) reporter.Note(integerClasses);
        if (data.HeldOutClassNote is { } unseen) reporter.Note(unseen);
        reporter.Json["command"] = "train";

        // The measuring fit is scored and dropped: the long-training choice's candidate serves as its network (the report says so).
        var outcome = ExperimentRunner.Run(reporter, ml, data, [trainer], settings with { KeepChoiceCandidate = true }, skipFailures: false, cancellation, resumed?.Network).Single();
        var schema = problem.Schema.WithTrainer(outcome.Row.Trainer);
        reporter.Table($"Held-out metrics of a measuring fit on {data.TrainRows:N0} rows, scored on the other {data.TestRows:N0}{data.HowHeldOut}", new ResultTable(schema.Task, [outcome.Row]));
        if (SmallHoldOut.Note(data.TestRows, schema.Task) is { } small) reporter.Note(small);
        data.ReleaseRows();
        var final = FinalFit.Run(reporter, ml, problem, trainer, saved, [outcome], cancellation, resumed, weight);
        reporter.Note($"The saved model was fitted again on all {final.Rows:N0} rows" + (final.Epochs is { } epochs ? $" for {epochs} epochs" : "")
            + "; the metrics above come from the measuring fit.");
        reporter.Json["measuredOn"] = new JsonObject { ["method"] = "holdout", ["stratified"] = data.Stratified, ["trainRows"] = data.TrainRows, ["testRows"] = data.TestRows,
            ["networkTrainRows"] = outcome.Model.ChoiceCandidateRows ?? data.TrainRows };
        var savedModel = final.SavedModelJson();
        savedModel["resumedFrom"] = resumed is null ? null : Path.GetFullPath(resumed.Path);
        reporter.Json["savedModel"] = savedModel;
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

    /// <summary>Whether <c>--memory-budget</c> calls for streaming; an error when it does but the options given do not stream.</summary>
    private bool OverBudget(ParseResult result, string file, Reporter reporter)
    {
        if (result.GetValue(_memoryBudget) is not { } budget) return false;
        var (rows, bytes) = MemoryBudget.Estimate(file, result.GetValue(_label), _reading.ReadSeparator(result), result.GetValue(_columns.MaxCategories));
        long megabytes = bytes >> 20;
        if (megabytes <= budget) return false;
        var alias = result.GetValue(_trainer)!;
        string[] conflicts = [.. result.GetValue(_cv) is null ? [] : new[] { "--cv" }, .. result.GetValue(_resume) is null ? [] : new[] { "--resume" },
            .. result.GetValue(_weight) is null ? [] : new[] { "--weight" }, .. alias.Equals("nn", StringComparison.OrdinalIgnoreCase) ? [] : new[] { $"--trainer {alias}" },
            .. result.GetValue(_network.ValidationFraction) > 0 ? new[] { "--validation-fraction" } : []];
        var why = $"{file}: about {rows:N0} rows would take about {megabytes:N0} MB to train on in memory, over --memory-budget {budget:N0}";
        if (conflicts.Length > 0) throw new CliException($"{why}, but --streaming does not combine with {string.Join(", ", conflicts)}. Raise the budget or drop {string.Join(", ", conflicts)}.", ExitCodes.UsageError);
        reporter.Note($"{why}: training streaming (--streaming).");
        return true;
    }

    /// <summary>What <c>--streaming</c> does not combine with, said before any row is read.</summary>
    private void ValidateStreaming(System.CommandLine.Parsing.CommandResult result, bool folder)
    {
        const string Why = "--streaming trains one new network on the rows of a CSV or Parquet file";
        if (folder) result.AddError($"{Why}; an image folder is read into memory (train without --streaming).");
        if (result.GetValue(_cv) is not null) result.AddError($"{Why}; --cv would train once per fold on rows held in memory. Use one or the other.");
        if (result.GetValue(_resume) is not null) result.AddError($"{Why}; it does not continue a saved model (--resume). Use one or the other.");
        if (result.GetValue(_weight) is not null) result.AddError($"{Why}; it does not read example weights (--weight) yet. Use one or the other.");
        if (result.GetValue(_trainer) is { } alias && !alias.Equals("nn", StringComparison.OrdinalIgnoreCase)) result.AddError($"{Why} with the neural network; --trainer {alias} reads its rows into memory. Use --trainer nn or drop --streaming.");
        if (result.GetValue(_network.ValidationFraction) > 0) result.AddError($"{Why} and keeps no rows in memory, so it cannot hold out --validation-fraction for validation curves; set it to 0.");
    }

    /// <summary>The file as a problem; with <c>--resume</c>, read with the resumed model's task, columns and classes after checking they fit.</summary>
    private (TabularProblem Problem, ResumedModel? Resumed) ReadProblem(ParseResult result, MLContext ml, string file, TrainerEntry trainer, MissingValues? markers)
    {
        var task = CommandSupport.ReadTask(result, _columns.Task);
        // A resumed model reads its category columns as categories, whatever this run's --categorical says of them, and its
        // numeric columns by their values, whatever the file's quotes say.
        var loaded = result.GetValue(_resume) is { } resume && trainer is NeuralNetworkTrainer ? ModelFile.Load(resume, ml) : null;
        var table = CsvTable.Load(file, _reading.SkipsBadRows(result), separator: _reading.ReadSeparator(result), markers: markers, categorical: result.GetValue(_columns.Categorical),
            modelCategories: loaded?.Schema.Features.Where(f => f.Kind == ColumnKind.Categorical).Select(f => f.Name).ToList(), numeric: result.GetValue(_columns.Numeric),
            modelNumbers: loaded?.Schema.Features.Where(f => f.Kind == ColumnKind.Numeric).Select(f => f.Name).ToList());
        var ignore = CommandSupport.ReadSet(result, _columns.Ignore);
        // The weight column is read beside the features, never as one.
        if (result.GetValue(_weight) is { } weight)
        {
            table.Require(weight, "given by --weight");
            ignore.Add(weight);
        }
        if (result.GetValue(_resume) is not { } path) return (TabularProblem.Create(table, result.GetValue(_label)!, task, ignore, result.GetValue(_positiveClass), maxCategories: result.GetValue(_columns.MaxCategories)), null);
        if (trainer is not NeuralNetworkTrainer || loaded is null) throw new CliException($"--resume continues a neural network; it does not apply to --trainer {trainer.Alias}.", ExitCodes.UsageError);
        if (loaded.Schema.LabelColumn != result.GetValue(_label))
        {
            throw new CliException($"{path} predicts column '{loaded.Schema.LabelColumn}', not '{result.GetValue(_label)}'; pass --label {loaded.Schema.LabelColumn}.");
        }
        var problem = TabularProblem.Create(table, result.GetValue(_label)!, task ?? loaded.Schema.Task, ignore, result.GetValue(_positiveClass),
            keepRowNames: loaded.Schema.Features.Any(f => f.Name == RowNameColumn.UnnamedFirst));
        var resumed = ResumedModel.From(path, loaded, problem.Schema);
        // A resumed network keeps its output's meaning: its positive class cannot change by an option of this run.
        if (result.GetValue(_positiveClass) is not null && problem.Schema.Task == Evaluation.TaskKind.Binary && problem.Schema.Classes[1] != resumed.Schema.Classes[1])
        {
            throw new CliException($"--positive-class {result.GetValue(_positiveClass)}: {path} was trained with '{resumed.Schema.Classes[1]}' as its positive class, which a resumed network keeps; leave --positive-class out (evaluate --positive-class {problem.Schema.Classes[1]} reads its scores the other way round).", ExitCodes.UsageError);
        }
        return (problem.WithSchema(resumed.Schema with { Trainer = problem.Schema.Trainer }), resumed);
    }

    private static string Describe(ModelSchema schema) => schema.Task switch
    {
        Evaluation.TaskKind.Multiclass => $"multiclass, {schema.Classes.Length} classes",
        Evaluation.TaskKind.Binary => $"binary, positive class '{schema.Classes[1]}'",
        _ => "regression",
    };
}
