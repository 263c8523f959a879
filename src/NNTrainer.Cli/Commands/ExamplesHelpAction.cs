using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NNTrainer.Cli.Commands;

/// <summary>The standard help, followed by the command's examples.</summary>
internal sealed class ExamplesHelpAction(HelpAction standard, IReadOnlyDictionary<string, string[]> examples) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        int code = standard.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        if (examples.TryGetValue(command.Parents.Any() ? command.Name : "", out var lines))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines) output.WriteLine($"  {line}");
            output.WriteLine();
        }
        return code;
    }
}
