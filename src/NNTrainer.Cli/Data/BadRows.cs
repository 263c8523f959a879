namespace NNTrainer.Cli.Data;

/// <summary>
/// Checks each record's shape against the header: a row with too few or too many fields, or a last row the file cut
/// short, is an error naming the line and the column — or, with <c>--skip-bad-rows</c>, is skipped and counted.
/// </summary>
internal sealed class BadRows(string path, string[] header, bool skip, RowLocator? locator = null)
{
    private const int LinesShown = 5;
    private readonly List<int> _lines = [];
    private readonly RowLocator _locator = locator ?? RowLocator.Lines;

    public long Count { get; private set; }

    /// <summary>Whether the reader's current record can be used; throws when it cannot and skipping is off.</summary>
    public bool Accept(IRecordReader reader)
    {
        int fields = reader.FieldCount;
        if (fields == header.Length) return true;
        if (!skip) throw new CliException(Describe(reader.Line, fields, reader.EndsWithoutNewline && fields < header.Length));
        Count++;
        if (_lines.Count < LinesShown) _lines.Add(reader.Line);
        return false;
    }

    /// <summary>A row whose field in <paramref name="column"/> cannot be read: skipped, or an error naming the line and the column.</summary>
    public void Reject(int line, string column, string value, string expected)
    {
        if (!skip) throw new CliException($"{path} {_locator.Describe(line)}: column '{column}' must be {expected}, but holds '{value}'.");
        Count++;
        if (_lines.Count < LinesShown) _lines.Add(line);
    }

    /// <summary>A note for the user about the skipped rows, or null when none were.</summary>
    public string? Note() => Count == 0 ? null
        : $"{Count:N0} malformed or unreadable row{(Count == 1 ? " was" : "s were")} skipped (--skip-bad-rows): {Where()}{(Count > _lines.Count ? ", ..." : "")}.";

    private string Where() => _locator == RowLocator.Lines
        ? $"line{(_lines.Count == 1 ? "" : "s")} {string.Join(", ", _lines)}"
        : string.Join(", ", _lines.Select(_locator.Describe));

    private string Describe(int line, int fields, bool cutShort)
    {
        if (cutShort)
        {
            return $"{path} {_locator.Describe(line)}: the file ends in the middle of a row ({fields} of {header.Length} fields, column '{header[fields]}' has no value); it looks cut short.";
        }
        var shape = $"{path} {_locator.Describe(line)}: {fields} field{(fields == 1 ? "" : "s")}, but the header has {header.Length} columns.";
        var where = fields < header.Length
            ? $" Column '{header[fields]}' has no value"
            : $" The row goes on after the last column '{header[^1]}'";
        return shape + where + "; --skip-bad-rows skips such rows.";
    }
}
