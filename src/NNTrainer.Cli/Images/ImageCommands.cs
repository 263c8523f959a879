using System.Text;
using NNTrainer.Cli.Commands;
using NNTrainer.Cli.Running;

namespace NNTrainer.Cli.Images;

/// <summary>
/// What <c>train</c>, <c>evaluate</c>, <c>predict</c> and <c>compare</c> do when their input is a folder of images
/// (one sub-folder per class) instead of a CSV file. Every check (folders, files, options against the model) runs
/// before anything trains or is written.
/// </summary>
internal static class ImageCommands
{
    /// <summary><c>train FOLDER</c>: fits the network, reports held-out metrics, saves a zip that decodes images itself.</summary>
    public static int Train(ParseResult result, Reporter reporter, ImageOptions images, NetworkSettings settings, string folder, string outPath,
        string trainerAlias, double testFraction, bool plots, string plotDirectory, CancellationToken cancellation)
    {
        if (!trainerAlias.Equals("nn", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"--trainer {trainerAlias}: image folders train the neural network only (--trainer nn, the default); use 'compare' to measure the stock trainers on the pixels.", ExitCodes.UsageError);
        }
        var (ml, trainer, data, imageCount, length, trained) = Prepare(result, reporter, images, settings, folder, testFraction);
        reporter.Json["command"] = "train";
        var outcome = ExperimentRunner.Run(reporter, ml, data, [trainer], trained, skipFailures: false, cancellation).Single();
        if (length is not null) ImageLengthReport.After(reporter, trainer.NameFor(TaskKind.Multiclass), length, outcome.Model.History);
        reporter.Table($"Held-out metrics: {data.TestRows:N0} of {imageCount:N0} images", new ResultTable(TaskKind.Multiclass, [outcome.Row]));
        ModelFile.Save(outPath, ml, data.Schema, data.Featurizer!, outcome.Model, data.RawSchema!);
        reporter.Saved("Model", outPath);
        reporter.Json["model"] = Path.GetFullPath(outPath);
        if (plots) PlotMaker.LearningCurves(reporter, plotDirectory, [outcome]);
        reporter.Finish();
        return ExitCodes.Success;
    }

    /// <summary><c>compare --csv FOLDER</c>: the image network and the stock trainers on the same pixels.</summary>
    public static int Compare(ParseResult result, Reporter reporter, ImageOptions images, NetworkSettings settings, string folder,
        IReadOnlyCollection<string> aliases, double testFraction, bool plots, string plotDirectory, CancellationToken cancellation)
    {
        var (ml, network, data, _, _, trained) = Prepare(result, reporter, images, settings, folder, testFraction);
        reporter.Json["command"] = "compare";
        reporter.Json["dataset"] = data.Description;
        var trainers = TrainerRegistry.Select(aliases, TaskKind.Multiclass).Select(t => t.Alias == network.Alias ? network : t).ToList();
        var outcomes = ExperimentRunner.Run(reporter, ml, data, trainers, trained, skipFailures: true, cancellation);
        if (outcomes.Count == 0) throw new CliException("Every trainer failed; see the warnings above.");
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        reporter.Table($"Multiclass on {name}: {data.TrainRows:N0} training images, {data.TestRows:N0} held out", new ResultTable(TaskKind.Multiclass, outcomes.Select(o => o.Row).ToList()));
        if (plots)
        {
            PlotMaker.Comparison(reporter, plotDirectory, name, outcomes.Select(o => o.Row).ToList());
            PlotMaker.LearningCurves(reporter, plotDirectory, outcomes);
        }
        reporter.Finish();
        return ExitCodes.Success;
    }

    /// <summary>
    /// What <c>train</c> and <c>compare</c> do first: read the class folders, settle the image options, split the images,
    /// and settle the length: a convolutional network given no <c>--epochs</c> gets <see cref="ConvolutionalDefaults"/>,
    /// resolved here into the settings it trains with (the ML.NET trainer would resolve the same), so that every report of
    /// the run (the statement before training, the early-stopping note with --patience, the JSON) names the epochs it used.
    /// </summary>
    private static (MLContext Ml, ImageNetworkTrainer Network, PreparedData Data, int ImageCount, ConvolutionalLength? Length, NetworkSettings Trained) Prepare(
        ParseResult result, Reporter reporter, ImageOptions images, NetworkSettings settings, string folder, double testFraction)
    {
        var (classes, files) = ImageFolder.ReadClasses(folder);
        var imageSettings = images.ForTraining(result, files);
        var ml = new MLContext(seed: settings.Seed);
        var network = new ImageNetworkTrainer(imageSettings, new ImageProgress(reporter));
        var data = ImageData.Prepare(ml, folder, classes, files, imageSettings, testFraction, settings.Seed, network.NameFor(TaskKind.Multiclass));
        reporter.Note(data.Description);
        foreach (var note in data.Notes) reporter.Note(note);
        if (ImageFolder.Unclassified(folder) is { } stray) reporter.Note(stray);
        if (ImageFolder.Unread(folder) is { } unread) reporter.Note(unread);
        if (ImageChannels.Conversion(files, imageSettings.Channels, "the network") is { } conversion) reporter.Note(conversion);
        var length = settings.Epochs is null && imageSettings.Architecture != "mlp"
            ? ConvolutionalDefaults.For(data.TrainRows, settings.BatchSize, settings.ValidationFraction, settings.Patience)
            : null;
        if (length is null) return (ml, network, data, files.Length, null, settings);
        ImageLengthReport.Before(reporter, network.NameFor(TaskKind.Multiclass), length, data.TrainRows);
        var trained = settings with { Epochs = length.Epochs, ValidationFraction = length.ValidationFraction, Patience = length.Patience };
        return (ml, network, data, files.Length, length, trained);
    }

    /// <summary><c>evaluate MODEL FOLDER</c>: the model's metrics on labelled images.</summary>
    public static int Evaluate(ParseResult result, Reporter reporter, ImageOptions images, string modelPath, string folder)
    {
        var ml = new MLContext(seed: 0);
        var model = ModelFile.Load(modelPath, ml);
        var settings = RequireImageModel(result, images, model, modelPath, folder);
        var (classes, files) = ImageFolder.ReadClasses(folder, training: false);
        var unknown = classes.Except(model.Schema.Classes, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliException($"{folder} has class folder(s) {string.Join(", ", unknown.Select(c => $"'{c}'"))} that the model {modelPath} does not know; its classes are {string.Join(", ", model.Schema.Classes)}.");
        }
        if (ImageFolder.Unclassified(folder) is { } stray) reporter.Note(stray);
        if (ImageFolder.Unread(folder) is { } unread) reporter.Note(unread);
        if (ImageChannels.Conversion(files, settings.Channels, $"the model {modelPath}") is { } conversion) reporter.Note(conversion);
        var metrics = ModelEvaluator.Evaluate(ml, TaskKind.Multiclass, model.Score(ImageData.Rows(ml, files)));
        reporter.Json["command"] = "evaluate";
        reporter.Json["model"] = Path.GetFullPath(modelPath);
        reporter.Json["rows"] = files.Length;
        reporter.Note($"{model.Schema.Trainer}: {settings}.");
        reporter.Table($"{model.Schema.Trainer} on {folder}: {files.Length:N0} images", new ResultTable(TaskKind.Multiclass, [new ResultRow(model.Schema.Trainer, double.NaN, metrics)], showTime: false));
        reporter.Finish();
        return ExitCodes.Success;
    }

    /// <summary><c>predict MODEL FOLDER</c> (or one image file): one CSV row per image: file, predicted class, the class probabilities.</summary>
    public static int Predict(ParseResult result, Reporter reporter, ImageOptions images, string modelPath, string folder, string outPath)
    {
        if (!Directory.Exists(folder) && !File.Exists(folder)) throw new CliException($"Image file not found: {folder}");
        CommandSupport.OutputFile("--out", outPath);
        var ml = new MLContext(seed: 0);
        var model = ModelFile.Load(modelPath, ml);
        var settings = RequireImageModel(result, images, model, modelPath, folder);
        // Sub-folder names are not needed (nor checked against the model's classes): predict reads every image.
        var files = File.Exists(folder) ? [ImageFolder.ReadFile(folder)] : ImageFolder.ReadAll(folder).Select(f => f with { Label = "" }).ToArray();
        if (Directory.Exists(folder) && ImageFolder.Unread(folder) is { } unread) reporter.Note(unread);
        if (ImageChannels.Conversion(files, settings.Channels, $"the model {modelPath}") is { } conversion) reporter.Note(conversion);
        var scored = ScoredColumns.Read(model.Score(ImageData.Rows(ml, files)), TaskKind.Multiclass);
        var schema = model.Schema;
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', new[] { "file" }.Concat(PredictCommand.PredictionColumns(schema)).Select(Escape)));
        for (int r = 0; r < files.Length; r++)
        {
            var fields = new List<string> { Escape(files[r].RelativePath), Escape(schema.Classes[scored.PredictedClasses[r]]) };
            fields.AddRange(scored.Scores[r].Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            text.AppendLine(string.Join(',', fields));
        }
        WriteAtomically(outPath, text.ToString());
        reporter.Json["command"] = "predict";
        return PredictCommand.ReportWritten(reporter, files.Length, files.Length == 1 ? "image" : "images", outPath, schema.Trainer);
    }

    /// <summary>Refuses image options with a CSV file, where they would silently do nothing.</summary>
    public static void RefuseWithCsv(ParseResult result, ImageOptions images, string file)
    {
        if (images.AnyGiven(result))
        {
            throw new CliException($"--architecture, --image-size and --channels apply to folders of images; {file} is a file.", ExitCodes.UsageError);
        }
    }

    /// <summary>
    /// Loads the model that is to read the table <paramref name="file"/> (evaluate, predict): refuses the image options
    /// with a file, and a model trained on images.
    /// </summary>
    public static LoadedModel LoadCsvModel(ParseResult result, ImageOptions images, MLContext ml, string modelPath, string file)
    {
        RefuseWithCsv(result, images, file);
        var model = ModelFile.Load(modelPath, ml);
        if (model.Schema.Images is { } settings)
        {
            // Only evaluate reaches here with an image file (predict reads one image): its class is not known.
            throw new CliException(ImageFolder.IsImageFile(file)
                ? $"{file} is one image, with no class to measure against: evaluate measures the model {modelPath} ({settings}) on a folder with a sub-folder of images per class; 'predict {modelPath} {file}' classifies the image."
                : $"The model {modelPath} was trained on a folder of images ({settings}); give it a folder of images, not the file {file}.");
        }
        return model;
    }

    private static ImageSettings RequireImageModel(ParseResult result, ImageOptions images, LoadedModel model, string modelPath, string folder)
    {
        var settings = model.Schema.Images
            ?? throw new CliException($"{folder} is {(File.Exists(folder) ? "an image" : "a folder of images")}, but the model {modelPath} was trained on a CSV file; give it a CSV file with columns {string.Join(", ", model.Schema.Features.Select(f => f.Name))}.");
        images.CheckAgainst(result, settings, modelPath);
        return settings;
    }

    /// <summary>A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).</summary>
    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, text);
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
}
