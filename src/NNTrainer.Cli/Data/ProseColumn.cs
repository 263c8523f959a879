namespace NNTrainer.Cli.Data;

/// <summary>
/// Tells free text (reviews, tickets, news stories: several words a value) from the identifiers, names and addresses
/// that also have a different text in nearly every row. Both are too varied to one-hot encode (<see cref="TabularProblem"/>);
/// text is worth its words, an identifier is worth nothing. ML.NET's AutoML column inference makes a text column a
/// feature from one space on average, which would featurise <c>9221 JENNRICH AVE</c> or <c>Smith, John</c>; here a value
/// needs four words on average and mostly letters, so addresses, names and codes are still left out.
/// </summary>
internal static class ProseColumn
{
    /// <summary>Words a value needs on average: a short review ("works fine, but loud") has four.</summary>
    public const double MinimumWords = 4;

    /// <summary>The share of letters among the non-space characters: codes and addresses are mostly digits and signs.</summary>
    private const double MinimumLetters = 0.6;

    /// <summary>Whether the column's present values read as text: <see cref="MinimumWords"/> words on average, mostly letters.</summary>
    public static bool Is(TableColumn column) => Measure(column) is var (words, letters) && words >= MinimumWords && letters >= MinimumLetters;

    /// <summary>The note for the report.</summary>
    public static string Note(TableColumn column, int distinct)
    {
        var (words, _) = Measure(column);
        return $"Column '{column.Name}' holds free text ({distinct:N0} distinct values, {words:0.#} words on average): " +
               "its words and letter trigrams are counted as features (ML.NET's FeaturizeText).";
    }

    /// <summary>The mean word count of the present values and the share of letters among their non-space characters.</summary>
    private static (double Words, double Letters) Measure(TableColumn column)
    {
        long words = 0, letters = 0, visible = 0, values = 0;
        foreach (var text in column.Texts ?? [])
        {
            if (text is null) continue;
            values++;
            bool inWord = false;
            foreach (char c in text)
            {
                bool space = char.IsWhiteSpace(c);
                if (!space)
                {
                    visible++;
                    if (char.IsLetter(c)) letters++;
                    if (!inWord) words++;
                }
                inWord = !space;
            }
        }
        return values == 0 || visible == 0 ? (0, 0) : ((double)words / values, (double)letters / visible);
    }
}
