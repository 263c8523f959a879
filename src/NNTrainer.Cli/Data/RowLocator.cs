namespace NNTrainer.Cli.Data;

/// <summary>
/// Turns a record's position into the words an error message uses: "line 987654" in a CSV file,
/// "row 70000 (row group 2, row 4465 of the group)" in a Parquet file.
/// </summary>
internal class RowLocator
{
    /// <summary>Positions are file lines (CSV).</summary>
    public static readonly RowLocator Lines = new();

    /// <summary>"line N" for a CSV file.</summary>
    public virtual string Describe(int position) => $"line {position}";
}

/// <summary>Positions are 1-based row numbers of a Parquet file whose row groups start at the given rows.</summary>
internal sealed class RowGroupLocator(IReadOnlyList<long> groupStarts) : RowLocator
{
    public override string Describe(int position)
    {
        long index = position - 1;
        int group = 0;
        while (group + 1 < groupStarts.Count && groupStarts[group + 1] <= index) group++;
        return $"row {position} (row group {group + 1}, row {index - groupStarts[group] + 1} of the group)";
    }
}
