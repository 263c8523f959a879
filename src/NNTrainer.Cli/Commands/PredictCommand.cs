using NNTrainer.Cli.Images;

namespace NNTrainer.Cli.Commands;

/// <summary>
/// <c>nntrainer predict</c>: the input rows with the model's predictions appended, as CSV. Reads, scores and writes a
/// block of rows at a time, so memory does not grow with the file; writes to a temporary file moved into place at
/// the end, so an error leaves no half-written predictions.
/// </summary>
internal sealed class PredictCommand
{
    private readonly SavedModelInput _input = new();
    private readonly Argument<string> _file = new("file") { Description = "A CSV or Parquet (.parquet) file with the model's feature columns (the label column may be absent), or a folder of images (sub-folders included)" };
    private readonly Option<string> _out = new("--out", "-o") { Description = "Where to write the predictions: CSV, or Parquet when the name ends in .parquet", HelpName = "FILE", Required = true };
    private readonly OutputOptions _output = new();

    public Command Build()
    {
        var command = new Command("predict", "Predict every row of a CSV or Parquet file, or every image of a folder, with a saved model; writes the rows with prediction columns appended (images: file, class and probabilities).") { _input.Model, _file, _out, _input.Reading, _input.MissingValues };
        return _output.Complete(command, Run, _input.Images);
    }

    private int Run(ParseResult result, Reporter reporter)
    {
        var file = result.GetValue(_file)!;
        if (Directory.Exists(file) || ImageFolder.IsImageFile(file)) return ImageCommands.Predict(result, reporter, _input.Images, result.GetValue(_input.Model)!, file, result.GetValue(_out)!);
        var outPath = CommandSupport.OutputFile("--out", result.GetValue(_out)!);
        using var table = _input.Open(result, reporter, file, labelRequired: false, keepText: !TableFile.IsParquet(outPath), keepFields: TableFile.IsParquet(outPath));
        var (schema, reader, scorer) = table;
        var times = new PhaseTimes();
        var notes = Write(outPath, reader, schema, scorer, times);
        foreach (var note in notes) reporter.Note(note);
        reporter.Json["command"] = "predict";
        reporter.Json["scoring"] = scorer.IsFast ? "batch kernels" : "ML.NET Transform";
        // Seconds per phase: startup (runtime, model load), start (opening the files), then the block loop's phases.
        if (!TableFile.IsParquet(outPath))
        {
            reporter.Json["seconds"] = times.WallSeconds();
            reporter.Json["cpu_seconds"] = times.CpuSeconds();
        }
        return ReportWritten(reporter, reader.Rows, "rows", outPath, schema.Trainer);
    }

    /// <summary>How every prediction run ends, from a CSV file or a folder of images: counts and file in the JSON, a note, the saved file.</summary>
    internal static int ReportWritten(Reporter reporter, long rows, string what, string outPath, string trainer)
    {
        reporter.Json["rows"] = rows;
        reporter.Json["predictions"] = Path.GetFullPath(outPath);
        reporter.Note($"{rows:N0} {what} predicted with {trainer}.");
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

    /// <summary>
    /// The prediction columns' names for a file whose own columns are <paramref name="header"/>: a name the file already
    /// has (a file of earlier predictions, scored again) gets the first free suffix <c>_2</c>, <c>_3</c> …, so the output
    /// never holds two columns of one name, which pandas would rename and Parquet refuses. One note per renamed column.
    /// </summary>
    internal static string[] PredictionColumns(ModelSchema schema, IReadOnlyList<string> header, List<string> notes)
    {
        var taken = new HashSet<string>(header, StringComparer.Ordinal);
        var names = PredictionColumns(schema);
        for (int i = 0; i < names.Length; i++)
        {
            if (!taken.Contains(names[i]))
            {
                taken.Add(names[i]);
                continue;
            }
            int k = 2;
            while (taken.Contains($"{names[i]}_{k}")) k++;
            notes.Add($"The file already has a column '{names[i]}': the new predictions are written as '{names[i]}_{k}'.");
            names[i] = $"{names[i]}_{k}";
            taken.Add(names[i]);
        }
        return names;
    }

    private static List<string> Write(string path, CsvBlockReader reader, ModelSchema schema, BlockScorer scorer, PhaseTimes times)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + $".{Environment.ProcessId}.tmp";
        try
        {
            List<string> notes;
            if (TableFile.IsParquet(full))
            {
                notes = WriteParquet(temporary, reader, schema, scorer);
            }
            else
            {
                notes = WriteCsv(temporary, reader, schema, scorer, times);
            }
            File.Move(temporary, full, overwrite: true);
            return notes;
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

    private static List<string> WriteCsv(string temporary, CsvBlockReader reader, ModelSchema schema, BlockScorer scorer, PhaseTimes times)
    {
        using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        using var writer = new CsvPredictionWriter(stream, schema);
        var renamed = new List<string>();
        // The input's columns under their names as written: R's blank row-name header stays blank (read.csv reads the
        // output as it read the input), while the prediction columns avoid the names the reader uses.
        writer.WriteHeader(reader.WrittenHeader.Concat(PredictionColumns(schema, reader.Header, renamed)));
        var scored = new ScoredBlock();
        times.Lap("start");
        while (reader.ReadBlock() is { } block)
        {
            times.Lap("read");
            bool first = reader.Rows == block.RowCount;
            scorer.Score(block, scored);
            // The first block is also scored by ML.NET, to check the batch kernels against it.
            times.Lap(first ? "score_and_check" : "score");
            writer.WriteBlock(reader, scored);
            times.Lap("write");
        }
        return [.. renamed, .. reader.Finish()];
    }

    private static List<string> WriteParquet(string temporary, CsvBlockReader reader, ModelSchema schema, BlockScorer scorer)
    {
        using var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        var renamed = new List<string>();
        using var writer = new ParquetPredictionWriter(stream, reader.Header, reader.ParquetFields, schema, PredictionColumns(schema, reader.Header, renamed));
        var scored = new ScoredBlock();
        while (reader.ReadBlock() is { } block)
        {
            scorer.Score(block, scored);
            writer.Add(reader, scored);
        }
        List<string> notes = [.. renamed, .. reader.Finish()];
        writer.Finish();
        return notes;
    }
}
