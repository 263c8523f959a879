namespace NNTrainer.Cli.Data;

/// <summary>
/// Spots a numeric column that numbers the rows (0 or 1, then 2, 3, … in file order, like Kaggle's <c>PassengerId</c>):
/// a text identifier is left out by itself, but a number cannot be told from a measurement, so it stays a feature and
/// the user is told. As a feature it only lets the network memorise where a row sat in the file.
/// </summary>
internal static class RowNumberColumn
{
    /// <summary>Fewer rows than this say too little to call a column a row number.</summary>
    private const int MinimumRows = 20;

    /// <summary>Whether the column holds strictly increasing integers from 0 or 1, with no value missing.</summary>
    public static bool Is(TableColumn column)
    {
        if (column.Numbers is not { } numbers || column.IsBoolean || column.MissingCount > 0 || numbers.Length < MinimumRows) return false;
        if (numbers[0] is not (0 or 1)) return false;
        for (int i = 1; i < numbers.Length; i++)
        {
            // Rows without a label were dropped before this, so the numbers may skip; they never repeat or go back.
            if (numbers[i] <= numbers[i - 1] || numbers[i] != MathF.Round(numbers[i])) return false;
        }
        return true;
    }

    /// <summary>The note for the report.</summary>
    public static string Note(TableColumn column) =>
        $"Column '{column.Name}' counts the rows ({column.Numbers![0]:0}, {column.Numbers[1]:0}, {column.Numbers[2]:0}, …: a row number or id?); it is used as a feature, so pass --ignore {(column.Name.Contains(' ') ? $"'{column.Name}'" : column.Name)} if it only identifies rows.";
}
