namespace NNTrainer.Cli.Commands;

/// <summary>How <c>train</c>, <c>compare</c>, <c>evaluate</c> and <c>predict</c> read a CSV file: <c>--skip-bad-rows</c> and <c>--separator</c>.</summary>
internal sealed class CsvReadOptions : IOptionGroup
{
    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows")
    {
        Description = "Skip malformed rows (a wrong number of fields, e.g. a last row cut short; for predict and evaluate also a text in a numeric column) instead of stopping with an error; they are counted and reported",
    };

    public Option<string?> Separator { get; } = new("--separator")
    {
        Description = "The CSV file's field separator: ',', ';', tab or '|' (default: the one that splits the file's first lines evenly, comma on a tie)",
        HelpName = "CHAR",
    };

    public void AddTo(Command command)
    {
        command.Add(SkipBadRows);
        command.Add(Separator);
        NetworkOptions.Check(Separator, v => ParseSeparator(v) is not null, "',', ';', tab (or \\t) or '|'");
    }

    /// <summary>Whether malformed rows are skipped and counted rather than an error.</summary>
    public bool SkipsBadRows(ParseResult result) => result.GetValue(SkipBadRows);

    /// <summary>The separator given with <c>--separator</c>; null to find it from the file.</summary>
    public char? ReadSeparator(ParseResult result) => ParseSeparator(result.GetValue(Separator));

    private static char? ParseSeparator(string? value) => value switch
    {
        "," or ";" or "|" or "\t" => value[0],
        "\\t" or "tab" or "TAB" => '\t',
        _ => null,
    };
}
