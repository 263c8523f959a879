namespace NNTrainer.Cli.Commands;

/// <summary>
/// Options that several commands take together (the network's, the CSV reader's, the images', --quiet/--json). A
/// command lists a group in its collection initializer where its options belong in the help
/// (<see cref="OptionGroups.Add"/>), so each command's list reads in help order and a new option of a group is added once.
/// </summary>
internal interface IOptionGroup
{
    /// <summary>Adds the group's options, in help order, and their validators.</summary>
    void AddTo(Command command);
}
