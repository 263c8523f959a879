namespace NNTrainer.Cli.Commands;

/// <summary>
/// How <c>train</c> and <c>compare</c> read a table's columns: <c>--task</c>, <c>--ignore</c>, <c>--categorical</c>,
/// <c>--numeric</c> and <c>--max-categories</c>. Both commands read a file the same way, so the options live once.
/// </summary>
internal sealed class ColumnOptions : IOptionGroup
{
    /// <summary><c>--task</c>: classification or regression, instead of the one the label suggests.</summary>
    public Option<string> Task { get; } = CommandSupport.TaskOption();

    /// <summary><c>--ignore</c>: columns left out of the features.</summary>
    public Option<string[]> Ignore { get; } = CommandSupport.IgnoreOption();

    /// <summary><c>--categorical</c>: columns read as categories whatever their values.</summary>
    public Option<string[]> Categorical { get; } = CommandSupport.CategoricalOption();

    /// <summary><c>--numeric</c>: columns read as numbers although the file quotes them.</summary>
    public Option<string[]> Numeric { get; } = CommandSupport.NumericOption();

    /// <summary><c>--max-categories</c>: the most categories a text column keeps.</summary>
    public Option<int?> MaxCategories { get; } = CommandSupport.MaxCategoriesOption();

    public void AddTo(Command command)
    {
        command.Add(Task);
        command.Add(Ignore);
        command.Add(Categorical);
        command.Add(Numeric);
        command.Add(MaxCategories);
    }
}
