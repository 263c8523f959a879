namespace NNTrainer.Cli.Commands;

/// <summary>
/// What <c>train</c> writes after every epoch of the network it saves: <c>--checkpoint</c> (the best network so far)
/// and <c>--monitor</c> (the learning curves), both checked before any row is read.
/// </summary>
internal sealed class EpochFileOptions : IOptionGroup
{
    public Option<string> Checkpoint { get; } = new("--checkpoint")
    {
        Description = "Save the best network so far (an NNTrainer model file, loaded with Network.Load) after every epoch whose loss improves; {epoch} and {loss} in the name give each improvement its own file, e.g. weights-{epoch:000}-{loss:0.0000}.nnt",
        HelpName = "PATH",
    };

    public Option<string> Monitor { get; } = new("--monitor")
    {
        Description = "Training monitor: rewrite training.json (every epoch's figures) and training.png (learning curves) in this folder after every epoch",
        HelpName = "DIR",
    };

    public void AddTo(Command command)
    {
        command.Add(Checkpoint);
        command.Add(Monitor);
    }

    /// <summary>The settings with the checkpoint and monitor given, after checking them.</summary>
    /// <exception cref="CliException">A checkpoint name the engine refuses, a missing folder, or a monitor folder that is a file (usage errors).</exception>
    public NetworkSettings Apply(ParseResult result, NetworkSettings settings) =>
        settings with { Checkpoint = CheckCheckpoint(result.GetValue(Checkpoint)), Monitor = CheckMonitor(result.GetValue(Monitor)) };

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
}
