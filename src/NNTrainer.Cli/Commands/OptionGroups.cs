namespace NNTrainer.Cli.Commands;

/// <summary>Lets a command's collection initializer name an <see cref="IOptionGroup"/> beside single options.</summary>
internal static class OptionGroups
{
    /// <summary>Adds the group's options to the command (what <c>new Command(...) { group }</c> calls).</summary>
    public static void Add(this Command command, IOptionGroup group) => group.AddTo(command);
}
