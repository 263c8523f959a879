namespace NNTrainer.Cli.Data;

/// <summary>
/// Spots a numeric column that looks like an identifier without numbering the rows (<see cref="RowNumberColumn"/>): a
/// different whole number in (nearly) every row, such as newspaperchurn.csv's <c>SubscriptionID</c> (110447118,
/// 110481691, …). A text identifier is left out by itself (<see cref="TabularProblem"/>), but a number may be a
/// measurement (a price, a count), so it stays a feature and the user is told, as pandas, scikit-learn and ML.NET's
/// <c>InferColumns</c> keep it too without a word. As a feature an id only lets the network memorise rows.
/// </summary>
internal static class IdentifierColumn
{
    /// <summary>Fewer rows than this say too little: on a small table a measurement is often different in every row.</summary>
    private const int MinimumRows = 100;

    /// <summary>
    /// The share of distinct values that makes an id: not 1, because values are read as float32, which rounds whole
    /// numbers above 2²⁴ (16,777,216) and can make two ids one.
    /// </summary>
    private const double DistinctShare = 0.99;

    /// <summary>Whether the column holds whole numbers, none missing, nearly all different.</summary>
    public static bool Is(TableColumn column)
    {
        if (column.Numbers is not { } numbers || column.IsBoolean || column.MissingCount > 0 || numbers.Length < MinimumRows) return false;
        foreach (float value in numbers) if (value != MathF.Round(value)) return false;
        return Repeats(numbers, (int)((1 - DistinctShare) * numbers.Length)) <= (1 - DistinctShare) * numbers.Length;
    }

    /// <summary>The note for the report.</summary>
    public static string Note(TableColumn column)
    {
        var numbers = column.Numbers!;
        var share = Repeats(numbers, 0) == 0 ? "every" : "nearly every";
        var ignore = column.Name.Contains(' ') ? $"'{column.Name}'" : column.Name;
        return $"Column '{column.Name}' holds a different whole number in {share} row (an id?); it is used as a feature, so pass --ignore {ignore} if it only identifies rows.";
    }

    /// <summary>
    /// Values met earlier in the column, counted until there are more than <paramref name="limit"/>: a measurement (an
    /// age, a count) repeats within its first rows, so a column of millions stops early; only an id is read to the end.
    /// </summary>
    private static int Repeats(float[] numbers, int limit)
    {
        var seen = new HashSet<float>();
        int repeats = 0;
        foreach (float value in numbers)
        {
            if (!seen.Add(value) && ++repeats > limit) break;
        }
        return repeats;
    }
}
