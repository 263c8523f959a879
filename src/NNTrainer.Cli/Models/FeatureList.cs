namespace NNTrainer.Cli.Models;

/// <summary>
/// The feature columns as the data note shows them: every column of an ordinary table, but on a wide one (thousands
/// of pixel or gene columns) the first few and a count by kind, so the note stays one readable line.
/// </summary>
internal static class FeatureList
{
    /// <summary>How many columns are named before the rest are counted.</summary>
    public const int Shown = 20;

    /// <summary>"a (numeric), b (categorical), …" with at most <see cref="Shown"/> names, then "and N more (…)".</summary>
    public static string Describe(IReadOnlyList<FeatureColumn> features)
    {
        var named = string.Join(", ", features.Take(Shown).Select(f => $"{f.Name} ({Kind(f.Kind)})"));
        if (features.Count <= Shown) return named;
        var rest = features.Skip(Shown).GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} {Kind(g.Key)}");
        return $"{named} and {features.Count - Shown:N0} more ({string.Join(", ", rest)})";
    }

    private static string Kind(ColumnKind kind) => kind.ToString().ToLowerInvariant();
}
