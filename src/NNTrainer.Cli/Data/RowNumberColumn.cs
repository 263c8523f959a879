namespace NNTrainer.Cli.Data;

/// <summary>
/// Spots a numeric column that numbers the rows (0 or 1, then 2, 3, … in file order, like Kaggle's <c>PassengerId</c>),
/// or whose whole numbers rise or fall in every row (ids in order, from any start): a text identifier is left out by itself, but a number cannot be told from a measurement, so it stays a feature and
/// the user is told. As a feature it only lets the network memorise where a row sat in the file.
/// </summary>
internal static class RowNumberColumn
{
    /// <summary>Fewer rows than this say too little to call a column a row number.</summary>
    private const int MinimumRows = 20;

    /// <summary>Whether the column holds strictly increasing integers from 0 or 1, with no value missing: a row number.</summary>
    public static bool Is(TableColumn column) => IsMonotonic(column) && column.Numbers![0] is 0 or 1 && column.Numbers[1] > column.Numbers[0];

    /// <summary>
    /// Whether the column holds whole numbers that rise (or fall) in every row, with no value missing: a row number,
    /// or ids given in order from elsewhere (1001, 1002, 1005, …) on a table too small for <see cref="IdentifierColumn"/>.
    /// </summary>
    public static bool IsMonotonic(TableColumn column)
    {
        if (column.Numbers is not { } numbers || column.IsBoolean || column.MissingCount > 0 || numbers.Length < MinimumRows) return false;
        float direction = MathF.Sign(numbers[1] - numbers[0]);
        if (direction == 0) return false;
        for (int i = 0; i < numbers.Length; i++)
        {
            // Rows without a label were dropped before this, so the numbers may skip; they never repeat or turn.
            if (numbers[i] != MathF.Round(numbers[i]) || (i > 0 && MathF.Sign(numbers[i] - numbers[i - 1]) != direction)) return false;
        }
        return true;
    }

    /// <summary>The note for the report.</summary>
    public static string Note(TableColumn column)
    {
        var n = column.Numbers!;
        var what = Is(column) ? "counts the rows" : $"{(n[1] > n[0] ? "rises" : "falls")} in every row";
        return $"Column '{column.Name}' {what} ({n[0]:0}, {n[1]:0}, {n[2]:0}, …: a row number or id?); it is used as a feature, so pass --ignore {IdentifierColumn.Quoted(column.Name)} if it only identifies rows.";
    }
}
