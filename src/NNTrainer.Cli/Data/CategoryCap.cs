namespace NNTrainer.Cli.Data;

/// <summary>
/// Which categories of a text column get a one-hot slot: all of them up to <see cref="MaxCategories"/>, otherwise the
/// most frequent ones; the rest share the all-zero "other" encoding (ML.NET's one-hot of an unknown value), so a
/// column of thousands of distinct texts costs <see cref="MaxCategories"/> features, not thousands.
/// </summary>
internal static class CategoryCap
{
    /// <summary>
    /// One-hot slots at most per text column of a large table, the least the default cap (<see cref="ForRows"/>) keeps,
    /// and the cap of a model saved without one (<see cref="ModelSchema.MaxCategories"/>).
    /// </summary>
    public const int MaxCategories = 100;

    /// <summary>
    /// One-hot values a category column may cost under the default cap: 32M, 128 MB of float32 in the feature matrix
    /// (160 MB of in-memory training at <see cref="MemoryBudget.BytesPerSlot"/>), so a table of up to 32,000 rows
    /// keeps every category of a column up to <see cref="FreeTextDistinct"/> (R's factors of a few hundred levels:
    /// VerbAgg's 316 respondents, NOxEmissions' 338 days) and one of 320,000 rows and more keeps 100, as before.
    /// </summary>
    public const long OneHotBudget = 32_000_000;

    /// <summary>
    /// The default cap for a table of <paramref name="rows"/> rows: <see cref="OneHotBudget"/> / rows, at least
    /// <see cref="MaxCategories"/> and at most <see cref="FreeTextDistinct"/> (beyond which a column is free text or an id).
    /// </summary>
    public static int ForRows(long rows) => (int)Math.Clamp(OneHotBudget / Math.Max(rows, 1), MaxCategories, FreeTextDistinct);

    /// <summary>How the cap was chosen, for the capped note: empty when <c>--max-categories</c> set it.</summary>
    public static string Why(int? given, long rows) =>
        given is null ? $"the default cap for {rows:N0} rows keeps a column's one-hot features under {OneHotBudget / 1_000_000}M values, 128 MB; " : "";

    /// <summary>The most <c>--max-categories</c> takes: a wider first layer than this is a column to leave out or to recode.</summary>
    public const int MaxCategoriesLimit = 100_000;

    /// <summary>The cap a model's category columns were encoded with.</summary>
    public static int For(ModelSchema schema) => schema.MaxCategories ?? MaxCategories;

    /// <summary>Distinct values above which a text column is taken for free text or an identifier and left out.</summary>
    public const int FreeTextDistinct = 1000;

    /// <summary>The share of distinct values above which a text column with more than <see cref="MaxCategories"/> of them is free text or an identifier.</summary>
    public const double NearlyUniqueShare = 0.9;

    /// <summary>
    /// Whether a text column is too varied to one-hot encode on a table of any size: more distinct texts than the cap keeps
    /// and nearly all different (wikipedia-detox-250-line-data.tsv's comments: 246 in 249 rows), so the kept categories
    /// would be texts seen once, chosen by chance. Larger tables are caught by <see cref="FreeTextDistinct"/> as well.
    /// </summary>
    /// <param name="distinct">Distinct texts.</param><param name="values">Non-missing values.</param>
    public static bool IsNearlyUnique(int distinct, int values) => distinct > MaxCategories && distinct > NearlyUniqueShare * values;

    /// <summary>Per categorical feature, its categories on the given rows: most frequent first, ties in ordinal order.</summary>
    public static Dictionary<string, string[]> Choose(CsvTable table, ModelSchema schema, int[] rows)
    {
        var chosen = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int cap = For(schema);
        foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Categorical))
        {
            var column = table.Require(feature.Name, "a feature");
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (int r in rows)
            {
                var text = column.TextAt(r) ?? TableDataView.MissingCategory;
                counts[text] = counts.GetValueOrDefault(text) + 1;
            }
            chosen[feature.Name] = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(cap).Select(p => p.Key).ToArray();
        }
        return chosen;
    }

    /// <summary>
    /// Per categorical feature, its categories over all rows in the order they first occur (the slot order ML.NET's
    /// one-hot fit learns from the rows); a column of more than <see cref="MaxCategories"/> gets <see cref="Choose"/>'s cap.
    /// </summary>
    public static Dictionary<string, string[]> InOrderOfOccurrence(CsvTable table, ModelSchema schema)
    {
        var chosen = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Dictionary<string, string[]>? capped = null;
        int cap = For(schema);
        foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Categorical))
        {
            var column = table.Require(feature.Name, "a feature");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var order = new List<string>();
            for (int r = 0; r < column.Length; r++)
            {
                var text = column.TextAt(r) ?? TableDataView.MissingCategory;
                if (seen.Add(text)) order.Add(text);
            }
            // Choose caps every categorical column at once: run it for the first wide column only, not once per wide column.
            chosen[feature.Name] = order.Count <= cap
                ? order.ToArray()
                : (capped ??= Choose(table, schema, Enumerable.Range(0, table.RowCount).ToArray()))[feature.Name];
        }
        return chosen;
    }
}
