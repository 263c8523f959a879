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
    public static bool Is(TableColumn column) =>
        WholeNumbers(column, MinimumRows) is { } numbers
        && Repeats(column, (int)((1 - DistinctShare) * numbers.Length)) <= (1 - DistinctShare) * numbers.Length;

    /// <summary>
    /// Whether the column is named as an id (<c>ID</c>, <c>patient_id</c>, <c>CustomerID</c>) and holds whole numbers, none
    /// missing, at least half of them different: MASS's biopsy repeats 54 of its 699 sample <c>ID</c>s, too many for
    /// <see cref="Is"/>, and was trained on without a word. A code of few values (<c>store_id</c>) is left alone.
    /// </summary>
    public static bool IsNamed(TableColumn column) =>
        NamedLikeId(column.Name) && WholeNumbers(column, NamedMinimumRows) is { } numbers && Repeats(column, numbers.Length / 2) <= numbers.Length / 2;

    /// <summary>The column's values when they are whole numbers, none missing, in at least <paramref name="minimumRows"/> rows; else null.</summary>
    private static float[]? WholeNumbers(TableColumn column, int minimumRows)
    {
        if (column.Numbers is not { } numbers || column.IsBoolean || column.MissingCount > 0 || numbers.Length < minimumRows) return null;
        foreach (float value in numbers) if (value != MathF.Round(value)) return null;
        return numbers;
    }

    /// <summary>The note for a column <see cref="IsNamed"/> finds.</summary>
    public static string NamedNote(TableColumn column)
    {
        var numbers = column.Numbers!;
        int distinct = numbers.Length - Repeats(column, numbers.Length);
        return $"Column '{column.Name}' is named like an id and holds {distinct:N0} different whole numbers in {numbers.Length:N0} rows; "
            + $"it is used as a feature{Merged(column)}, so pass --ignore {Quoted(column.Name)} if it only identifies rows.";
    }

    /// <summary>
    /// <c>id</c> alone or after a separator (<c>patient_id</c>, <c>Sample ID</c>), or <c>Id</c>/<c>ID</c> after a small
    /// letter (<c>PassengerId</c>, <c>CustomerID</c>); not words that end in the letters (<c>grid</c>, <c>fluid</c>, <c>ACID</c>).
    /// </summary>
    private static bool NamedLikeId(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals("id", StringComparison.OrdinalIgnoreCase)) return true;
        if (trimmed.Length < 3 || !trimmed.EndsWith("id", StringComparison.OrdinalIgnoreCase)) return false;
        char before = trimmed[^3], i = trimmed[^2];
        return before is '_' or '-' or '.' or ' ' || (char.IsLower(before) && char.IsUpper(i));
    }

    /// <summary>Fewer rows than this say too little even of a column named as an id.</summary>
    private const int NamedMinimumRows = 20;

    /// <summary>The column's name as the note's <c>--ignore</c> argument: quoted when it holds a space.</summary>
    internal static string Quoted(string name) => name.Contains(' ') ? $"'{name}'" : name;

    /// <summary>The note for the report.</summary>
    public static string Note(TableColumn column)
    {
        var share = Repeats(column, 0) == 0 ? "every" : "nearly every";
        return $"Column '{column.Name}' holds a different whole number in {share} row (an id?); it is used as a feature{Merged(column)}, so pass --ignore {Quoted(column.Name)} if it only identifies rows.";
    }

    /// <summary>
    /// What float32 made of numbers too large for it (<see cref="TableColumn.WrittenDistinct"/>): the feature the
    /// network sees is coarser than the file, which the user should know before keeping it.
    /// </summary>
    private static string Merged(TableColumn column)
    {
        if (column.WrittenDistinct is not { } written) return "";
        int floats = column.Numbers!.Length - Repeats(column.Numbers, column.Numbers.Length);
        if (floats == written) return "";
        return $" (its {written:N0} different values read as {floats:N0}: a 32-bit float holds whole numbers above 16,777,216 only to within {SpacingAt(column.Numbers):N0})";
    }

    /// <summary>The gap between neighbouring floats at the column's largest magnitude.</summary>
    private static float SpacingAt(float[] numbers)
    {
        float largest = numbers.Max(MathF.Abs);
        return MathF.BitIncrement(largest) - largest;
    }

    /// <summary>
    /// <see cref="Repeats(float[], int)"/> of the values as the file wrote them when float32 merged some (whole numbers
    /// of nine and more digits, caret's segmentationData <c>Cell</c>): else an id of 2,019 rows counts 194 values.
    /// </summary>
    private static int Repeats(TableColumn column, int limit) =>
        column.WrittenDistinct is { } written ? column.Numbers!.Length - written : Repeats(column.Numbers!, limit);

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
