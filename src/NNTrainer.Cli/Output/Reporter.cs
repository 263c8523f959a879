using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace NNTrainer.Cli.Output;

/// <summary>
/// Everything the tool says: notes, training progress, result tables and file paths, shaped by the
/// <see cref="OutputMode"/>. Errors do not pass through here; <see cref="Program"/> prints them to standard error.
/// </summary>
internal sealed class Reporter
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly IAnsiConsole _console;
    private readonly JsonObject _json = [];
    private readonly JsonArray _plots = [];

    /// <param name="mode">How results reach the user.</param>
    /// <param name="output">Standard output (plain, quiet and JSON modes).</param>
    /// <param name="error">Standard error, for warnings.</param>
    /// <param name="console">Where the rich display goes (<see cref="OutputMode.Rich"/>); null: the terminal.</param>
    public Reporter(OutputMode mode, TextWriter output, TextWriter error, IAnsiConsole? console = null)
    {
        Mode = mode;
        _out = output;
        _error = error;
        _console = console ?? AnsiConsole.Console;
    }

    public OutputMode Mode { get; }

    /// <summary>The mode for these flags: JSON wins over quiet; a terminal gets the rich display.</summary>
    public static OutputMode ChooseMode(bool json, bool quiet) =>
        json ? OutputMode.Json
        : quiet ? OutputMode.Quiet
        : !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? OutputMode.Rich
        : OutputMode.Plain;

    /// <summary>The JSON document printed at the end in <see cref="OutputMode.Json"/>.</summary>
    public JsonObject Json => _json;

    public void Note(string text)
    {
        switch (Mode)
        {
            case OutputMode.Rich:
                _console.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
                break;
            case OutputMode.Plain:
                _out.WriteLine(text);
                break;
        }
        if (Mode == OutputMode.Json) ((_json["notes"] ??= new JsonArray()) as JsonArray)!.Add(text);
    }

    /// <summary>Runs one trainer, showing its progress (R² instead of accuracy for a regression); returns what the work returned and the training seconds.</summary>
    /// <param name="name">The trainer's name, shown on its bar or line.</param>
    /// <param name="epochs">The epochs it trains, when known before it starts: the bar counts to them (null: a bar without a count, and no epoch lines).</param>
    /// <param name="work">The training, given where to report each epoch (null when there is nowhere to show it).</param>
    /// <param name="regression">R² instead of accuracy.</param>
    /// <param name="mayStopEarly">Early stopping may end the training before <paramref name="epochs"/>: the bar says "up to", and completes wherever it stops.</param>
    /// <param name="printsOwnLines">The trainer prints a line for every epoch itself (images): plain output prints none of its own.</param>
    public (T Result, double Seconds) Train<T>(string name, int? epochs, Func<IProgress<EpochResult>?, T> work, bool regression = false,
        bool mayStopEarly = false, bool printsOwnLines = false)
    {
        var watch = Stopwatch.StartNew();
        T result;
        switch (Mode)
        {
            case OutputMode.Rich:
                string of = mayStopEarly ? " of up to " : "/";
                result = _console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask(Markup.Escape(name), maxValue: epochs ?? 1);
                        task.IsIndeterminate = epochs is null;
                        int? total = epochs;
                        var value = work(epochs is null ? null : new EpochProgress(e =>
                        {
                            task.Value = e.Epoch;
                            task.Description = Markup.Escape($"{name}  epoch {e.Epoch}{of}{total}  {EpochLine.Figures(e, regression)}");
                        }, planned =>
                        {
                            total = planned;
                            task.MaxValue = planned;
                        }));
                        task.IsIndeterminate = false;
                        task.Value = task.MaxValue;
                        return value;
                    });
                break;
            case OutputMode.Plain:
                int? spaced = printsOwnLines ? null : epochs;
                _out.WriteLine(spaced is null ? $"Training {name}..." : $"Training {name} for {spaced} epochs...");
                result = work(spaced is null ? null : new EpochProgress(e =>
                {
                    if (EpochLine.ShouldPrint(e.Epoch, spaced.Value)) _out.WriteLine($"  epoch {e.Epoch,4}/{spaced}  {EpochLine.Figures(e, regression)}");
                }, planned =>
                {
                    if (planned != spaced) _out.WriteLine($"  {name}: the model it chose trains for {planned:N0} epochs.");
                    spaced = planned;
                }));
                break;
            default:
                result = work(null);
                break;
        }
        double seconds = watch.Elapsed.TotalSeconds;
        if (Mode == OutputMode.Plain) _out.WriteLine($"  {name}: {seconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        return (result, seconds);
    }

    public void Table(string title, ResultTable table)
    {
        switch (Mode)
        {
            case OutputMode.Rich:
                var grid = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
                foreach (var (header, i) in table.Header.Select((h, i) => (h, i))) grid.AddColumn(new Spectre.Console.TableColumn(header) { Alignment = i == 0 ? Justify.Left : Justify.Right });
                foreach (var row in table.Cells) grid.AddRow(row.Select(Markup.Escape).ToArray());
                _console.Write(grid);
                break;
            case OutputMode.Plain:
                _out.WriteLine();
                _out.WriteLine(title);
                _out.Write(table.ToText());
                break;
            case OutputMode.Quiet:
                _out.Write(table.ToText());
                break;
        }
        var results = new JsonArray();
        foreach (var row in table.Rows)
        {
            var metrics = new JsonObject();
            foreach (var m in row.Metrics.Values) metrics[m.Name] = double.IsFinite(m.Value) ? m.Value : null;
            var item = new JsonObject { ["trainer"] = row.Trainer };
            if (double.IsFinite(row.TrainSeconds)) item["trainSeconds"] = Math.Round(row.TrainSeconds, 4);
            item["metrics"] = metrics;
            if (row.Epochs is { } epochs) item["epochs"] = epochs;
            if (row.TrainingStep is { } step) item["trainingStep"] = step;
            results.Add(item);
        }
        _json["task"] = table.Task.ToString().ToLowerInvariant();
        _json["results"] = results;
    }

    /// <summary>Reports a written file (plots, models, predictions); shown in every mode but JSON, where it is recorded.</summary>
    public void Saved(string what, string path)
    {
        var full = Path.GetFullPath(path);
        switch (Mode)
        {
            case OutputMode.Rich:
                _console.MarkupLine($"{Markup.Escape(what)}: [link]{Markup.Escape(full)}[/]");
                break;
            case OutputMode.Plain:
            case OutputMode.Quiet:
                _out.WriteLine($"{what}: {full}");
                break;
        }
        if (what.StartsWith("Plot", StringComparison.Ordinal)) _plots.Add(new JsonObject { ["title"] = what, ["path"] = full });
    }

    public void Warning(string text) => _error.WriteLine($"warning: {text}");

    /// <summary>Prints the JSON document (JSON mode only).</summary>
    public void Finish()
    {
        if (Mode != OutputMode.Json) return;
        if (_plots.Count > 0) _json["plots"] = _plots.DeepClone();
        _out.WriteLine(_json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>
    /// Reports on the training thread, in order (<see cref="Progress{T}"/> would post to the thread pool), and takes the
    /// epochs the trainer will really run, which differ from those announced when it trains a model it chose itself.
    /// </summary>
    private sealed class EpochProgress(Action<EpochResult> report, Action<int> planned) : IProgress<EpochResult>, NNTrainer.ML.IEpochPlan
    {
        public void Report(EpochResult value) => report(value);

        public void Planned(int epochs) => planned(epochs);
    }
}
