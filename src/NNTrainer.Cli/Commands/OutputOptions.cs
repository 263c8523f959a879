using NNTrainer.Cli.Images;

namespace NNTrainer.Cli.Commands;

/// <summary>--quiet and --json, on every command.</summary>
internal sealed class OutputOptions : IOptionGroup
{
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the results (no progress, no notes)" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the results as one JSON document on standard output" };

    public void AddTo(Command command)
    {
        command.Add(Quiet);
        command.Add(Json);
    }

    /// <summary>Adds --quiet and --json (then any image options) and runs <paramref name="run"/> with their reporter.</summary>
    public Command Complete(Command command, Func<ParseResult, Reporter, int> run, ImageOptions? images = null)
    {
        AddTo(command);
        images?.AddTo(command);
        command.SetAction(result => run(result, CreateReporter(result)));
        return command;
    }

    public Reporter CreateReporter(ParseResult result) =>
        new(Reporter.ChooseMode(result.GetValue(Json), result.GetValue(Quiet)), Console.Out, Console.Error);
}
