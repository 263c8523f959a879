using NNTrainer.Cli;

return Run(args);

static int Run(string[] args)
{
    var root = CliApplication.Build();
    ParseResult parse;
    try
    {
        parse = root.Parse(args.Length == 0 ? ["--help"] : args);
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.UsageError;
    }
    bool helpRequested = parse.Action is System.CommandLine.Help.HelpAction or NNTrainer.Cli.Commands.ExamplesHelpAction;
    if (parse.Errors.Count > 0 && !helpRequested)
    {
        foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
        var command = parse.CommandResult.Command;
        var name = command.Parents.Any() ? $"nntrainer {command.Name}" : "nntrainer";
        Console.Error.WriteLine($"Run '{name} --help' for usage and examples.");
        return ExitCodes.UsageError;
    }
    try
    {
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
    catch (CliException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return e.ExitCode;
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("Cancelled.");
        return ExitCodes.Cancelled;
    }
    catch (Exception e)
    {
        // An unexpected failure still gets one line; NNTRAINER_DEBUG=1 shows where it came from.
        var inner = e is AggregateException { InnerException: { } first } ? first : e;
        Console.Error.WriteLine($"error: {inner.Message} ({inner.GetType().Name})");
        if (Environment.GetEnvironmentVariable("NNTRAINER_DEBUG") == "1") Console.Error.WriteLine(e);
        return ExitCodes.DataError;
    }
}
